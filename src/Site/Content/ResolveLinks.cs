using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Model;
using Site.Pipelines;

namespace Site.Content;

/// <summary>
/// Rewrites every link between pages and files, and notes it for the link check (<see cref="Links.CheckLinks"/>),
/// which runs once every page is known: writers link to the markdown file (<c>aftercare.md#ice</c>), readers get
/// the page's URL under the base path (<c>/site/aftercare/#ice</c>). The address follows from the path alone.
/// </summary>
public sealed class ResolveLinks : DocumentModule
{
    public override void Process(Document document, BuildContext context)
    {
        foreach (var link in document.Syntax!.Descendants<LinkInline>())
        {
            if (Classify(document.RelativePath, link) is not { } found)
                continue;
            document.Links.Add(found);
            if (Rewrite(found, context) is { } url)
                link.Url = url;
        }
    }

    /// <summary>What a link points at; null for links that leave the site (a scheme) or have no address.</summary>
    public static PageLink? Classify(string fromPage, LinkInline link)
    {
        var url = link.Url;
        if (string.IsNullOrWhiteSpace(url) || UrlPolicy.Scheme(url) != null)
            return null;
        var (line, column) = (link.Line + 1, link.Column + 1);
        var hash = url.IndexOf('#');
        var path = Uri.UnescapeDataString(hash < 0 ? url : url[..hash]);
        var fragment = hash < 0 ? null : url[(hash + 1)..];
        if (path.Length == 0)
            return new PageLink(url, LinkKind.Fragment, fromPage, fragment, line, column);
        if (path.StartsWith('/'))
            return new PageLink(url, LinkKind.Rooted, path, fragment, line, column);
        if (Combine(fromPage, path) is not { } target)
            return new PageLink(url, LinkKind.Outside, path, fragment, line, column);
        var kind = target.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? LinkKind.Page : LinkKind.File;
        return new PageLink(url, kind, target, fragment, line, column);
    }

    private static string? Rewrite(PageLink link, BuildContext context)
    {
        var fragment = link.Fragment == null ? "" : "#" + link.Fragment;
        return link.Kind switch
        {
            LinkKind.Page => context.SiteUrl(AssignUrls.UrlFor(link.Target).Url) + fragment,
            LinkKind.File => context.SiteUrl(AssignUrls.EncodePath(link.Target)) + fragment,
            _ => null,
        };
    }

    /// <summary>Resolves a relative path against a page's folder; null when it climbs out of the site.</summary>
    public static string? Combine(string fromPage, string relative)
    {
        var parts = new List<string>(fromPage.Split('/')[..^1]);
        foreach (var part in relative.Split('/'))
        {
            if (part is "" or ".")
                continue;
            if (part == "..")
            {
                if (parts.Count == 0)
                    return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }
        var joined = string.Join('/', parts);
        return relative.EndsWith('/') ? joined + "/" : joined;
    }
}
