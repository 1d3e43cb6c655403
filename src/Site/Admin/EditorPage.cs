using System.Net;
using System.Text;

namespace Site.Admin;

/// <summary>
/// The web editor's page, <c>admin/index.html</c>: it loads the vendored Sveltia CMS and nothing else. Its own
/// Content-Security-Policy names every outside address the editor may reach; everything else, including the
/// bundle's version check and status check, is blocked.
/// </summary>
public static class EditorPage
{
    /// <summary>An outside address the editor reaches, the CSP directive that allows it, and why.</summary>
    public sealed record OutsideAddress(string Origin, string Directive, string Why);

    /// <summary>Every outside address the editor may reach, all after sign-in.</summary>
    public static IReadOnlyList<OutsideAddress> Allowed { get; } =
    [
        new("https://api.github.com", "connect-src",
            "the GitHub API (REST and GraphQL): checks the token at sign-in, reads the pages, and saves each change as a branch, a commit and a pull request"),
        new("https://avatars.githubusercontent.com", "img-src", "the signed-in writer's GitHub picture, in the account menu"),
    ];

    /// <summary>Outside addresses the bundle asks for that the CSP blocks on purpose: the editor works without them.</summary>
    public static IReadOnlyList<OutsideAddress> Blocked { get; } =
    [
        new("https://unpkg.com", "connect-src",
            "the bundle's check for a newer version (unpkg.com/@sveltia/cms/package.json) on every load; its fallback for a chunk "
            + "missing beside it; features not used here (code highlighting, maps)"),
        new("https://www.githubstatus.com", "connect-src", "the GitHub status check (api/v2/status.json); only a warning banner depends on it"),
    ];

    /// <summary>
    /// The editor's CSP. Sveltia adds its styles as &lt;style&gt; elements and style attributes, so styles need
    /// 'unsafe-inline'; scripts do not. data: and blob: serve its own logo and file previews, never another site.
    /// </summary>
    public static string ContentSecurityPolicy { get; } = string.Join("; ",
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "font-src 'self'",
        $"img-src 'self' data: blob: {Origins("img-src")}",
        $"connect-src 'self' data: blob: {Origins("connect-src")}",
        "base-uri 'none'",
        "form-action 'none'",
        "object-src 'none'");

    private static string Origins(string directive) => string.Join(' ', Allowed.Where(a => a.Directive == directive).Select(a => a.Origin));

    /// <param name="basePath">The site's base path, e.g. <c>/clinic-site/</c>.</param>
    public static string Html(string siteTitle, string language, string basePath)
    {
        // Attribute values in double quotes: only these characters need escaping.
        static string Attr(string value) => value.Replace("&", "&amp;").Replace("\"", "&quot;").Replace("<", "&lt;");
        var admin = basePath + GenerateAdmin.Folder + "/";
        var html = new StringBuilder();
        html.Append("<!doctype html>\n");
        html.Append($"<html lang=\"{Attr(language)}\">\n");
        html.Append("<head>\n");
        html.Append("<meta charset=\"utf-8\">\n");
        html.Append("<!--\n  The web editor (Sveltia CMS, vendored from npm @sveltia/cms by src/Site/Admin/vendor-admin.mjs; fonts and\n"
            + "  translations are served from this folder). Signing in takes a GitHub fine-grained personal access token;\n"
            + "  each save opens a pull request. Outside addresses it may reach (this page's Content-Security-Policy):\n");
        foreach (var a in Allowed)
            html.Append($"  - {a.Origin} ({a.Directive}): {Comment(a.Why)}\n");
        html.Append("  Blocked on purpose:\n");
        foreach (var a in Blocked)
            html.Append($"  - {a.Origin}: {Comment(a.Why)}\n");
        html.Append("  Links to GitHub or the Sveltia documentation open in a new tab; they are not requests from this page.\n-->\n");
        html.Append($"<meta http-equiv=\"Content-Security-Policy\" content=\"{Attr(ContentSecurityPolicy)}\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<meta name=\"robots\" content=\"noindex, nofollow\">\n");
        html.Append("<meta name=\"referrer\" content=\"no-referrer\">\n");
        html.Append($"<title>Page editor: {WebUtility.HtmlEncode(siteTitle)}</title>\n");
        // An empty icon, as the site's pages have: else the browser asks for /favicon.ico, which is not there.
        html.Append("<link rel=\"icon\" href=\"data:,\">\n");
        html.Append($"<link rel=\"cms-config-url\" type=\"application/yaml\" href=\"{Attr(admin + "config.yml")}\">\n");
        html.Append("</head>\n");
        html.Append("<body>\n");
        html.Append("<noscript><p>The page editor needs JavaScript. Turn it on for this site, or edit the pages on GitHub.</p></noscript>\n");
        html.Append($"<script src=\"{Attr(admin + GenerateAdmin.Script)}\"></script>\n");
        html.Append("</body>\n");
        html.Append("</html>\n");
        return html.ToString();
    }

    // "--" may not appear in an HTML comment.
    private static string Comment(string text) => text.Replace("--", "- -", StringComparison.Ordinal);
}
