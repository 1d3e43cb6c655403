using Site.Pipelines;

namespace Site.Content;

/// <summary>
/// Clean URLs: <c>aftercare.md</c> is written to <c>aftercare/index.html</c> and linked as <c>aftercare/</c>.
/// The URL is percent-encoded (<c>Über uns.md</c> is linked as <c>%C3%9Cber%20uns/</c>) so every link, the
/// sitemap and the search index carry a valid address; the file on disk keeps the page's own name.
/// </summary>
public sealed class AssignUrls : DocumentModule
{
    public override void Process(Document document, BuildContext context)
    {
        var (url, output) = UrlFor(document.RelativePath);
        document.Url = url;
        document.OutputPath = output;
    }

    public static (string Url, string OutputPath) UrlFor(string relativePath)
    {
        var withoutExtension = relativePath[..^Path.GetExtension(relativePath).Length];
        var folder = withoutExtension == "index" ? ""
            : withoutExtension.EndsWith("/index", StringComparison.Ordinal) ? withoutExtension[..^"index".Length]
            : withoutExtension + "/";
        return (EncodePath(folder), folder + "index.html");
    }

    /// <summary>
    /// Percent-encodes each segment of a path as UTF-8 and keeps the slashes between them, so a <c>#</c>,
    /// <c>?</c> or <c>%</c> in a name is part of the path and not the start of a fragment, query or escape.
    /// </summary>
    public static string EncodePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
