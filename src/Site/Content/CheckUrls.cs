using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Diagnostics;
using Site.Pipelines;

namespace Site.Content;

/// <summary>
/// Every link and image address in a page passes <see cref="UrlPolicy"/>: web, email and phone links, and links
/// within the site. Images must be files of the site, so a page never makes a reader's browser call another server.
/// </summary>
public sealed class CheckUrls : DocumentModule
{
    public override void Process(Document document, BuildContext context)
    {
        foreach (var node in document.Syntax!.Descendants<Inline>())
        {
            var (url, isImage) = node switch
            {
                LinkInline link => (link.Url, link.IsImage),
                AutolinkInline autolink => (autolink.Url, false),
                _ => (null, false),
            };
            if (url == null)
                continue;
            var scheme = UrlPolicy.Scheme(url);
            if (isImage && scheme != null)
                context.Error(document, Codes.UnsafeHtml, node.Line + 1, node.Column + 1,
                    $"the image '{Short(url)}' is not a file of the site",
                    "put the image in the input folder and link to it by its path, for example 'images/ice-pack.jpg'");
            else if (!UrlPolicy.IsAllowed(url))
                context.Error(document, Codes.UnsafeHtml, node.Line + 1, node.Column + 1,
                    $"a link with a '{scheme}:' address, which pages may not use",
                    $"link to a page of the site or to a web address; the schemes allowed are {string.Join(", ", UrlPolicy.AllowedSchemes.Select(s => s + ":"))}");
        }
    }

    private static string Short(string url) => url.Length <= 60 ? url : url[..60] + "…";
}
