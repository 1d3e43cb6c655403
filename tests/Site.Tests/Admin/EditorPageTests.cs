using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Site.Admin;
using Site.Tests.Support;

namespace Site.Tests.Admin;

/// <summary>
/// The real site's <c>/admin/</c>: a page that loads only the vendored editor under its own strict policy, with the
/// editor's fonts and translations beside it; and kept out of the public site (sitemap, search data, robots.txt,
/// links), whose pages keep their own policy.
/// </summary>
public sealed class EditorPageTests
{
    private readonly RealSite _site = RealSite.Shared;

    private const string BasePath = RealSite.BasePath;

    private string Admin(string file) => Path.Combine(_site.Output, "admin", file);

    private static Dictionary<string, string[]> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..]);

    [Fact]
    public void The_page_loads_only_the_vendored_editor_under_a_strict_policy_and_is_not_indexed()
    {
        Assert.True(_site.ExitCode == 0, _site.Log);
        var html = new HtmlParser().ParseDocument(File.ReadAllText(Admin("index.html")));
        Assert.False(string.IsNullOrWhiteSpace(html.DocumentElement.GetAttribute("lang")), "the editor's page has no lang");
        Assert.Contains("editor", html.Title ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Contains("noindex", html.QuerySelector("meta[name=robots]")?.GetAttribute("content") ?? "");

        var policy = Assert.Single(html.QuerySelectorAll("meta[http-equiv]"), m => m.GetAttribute("http-equiv") == "Content-Security-Policy").GetAttribute("content")!;
        var csp = Directives(policy);
        Assert.Equal(["'none'"], csp["default-src"]);
        Assert.Equal(["'self'"], csp["script-src"]);
        Assert.Contains("https://api.github.com", csp["connect-src"]);
        // Every outside address is named on purpose, in the directive that needs it.
        var named = csp.SelectMany(d => d.Value.Where(v => v.StartsWith("http", StringComparison.Ordinal)).Select(v => (d.Key, v))).Order().ToList();
        Assert.Equal(EditorPage.Allowed.Select(a => (a.Directive, a.Origin)).Order(), named);

        var script = Assert.Single(html.Scripts);
        Assert.Equal(BasePath + "admin/sveltia-cms.js", script.GetAttribute("src"));
        Assert.Equal("", script.TextContent);
        Assert.True(File.Exists(Admin("sveltia-cms.js")));
        Assert.DoesNotContain(html.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(BasePath + "admin/config.yml", html.QuerySelector("link[rel=cms-config-url]")?.GetAttribute("href"));
        Assert.True(File.Exists(Admin("config.yml")));
        // An empty icon, as on every page: no request for a /favicon.ico that is not there (and a 404 in the console).
        Assert.Equal("data:,", html.QuerySelector("link[rel=icon]")?.GetAttribute("href"));

        // The page says which addresses the editor may reach and which it blocks, for maintainers reading it.
        var comment = string.Join("\n", html.Head!.ChildNodes.OfType<AngleSharp.Dom.IComment>().Select(c => c.Data));
        Assert.All(EditorPage.Allowed.Concat(EditorPage.Blocked), a => Assert.Contains(a.Origin, comment));
    }

    [Fact]
    public void The_vendored_editor_points_at_its_own_fonts_and_translations_not_a_CDN()
    {
        Assert.True(_site.ExitCode == 0, _site.Log);
        var bundle = File.ReadAllText(Admin("sveltia-cms.js"));
        foreach (var cdn in new[] { "cdn.jsdelivr.net", "fonts.googleapis.com", "fonts.gstatic.com" })
            Assert.DoesNotContain(cdn, bundle);
        var fonts = Directory.GetFiles(Admin("fonts"), "*.woff2").Select(Path.GetFileName).ToList();
        Assert.Equal(3, fonts.Count);
        Assert.All(fonts, f => Assert.Contains($"url(fonts/{f})", bundle));
        // Translations: the package's `${unpkg}@${version}/locales` became the folder beside the page.
        Assert.DoesNotContain("}/locales`", bundle);
        Assert.Contains("`locales`", bundle);
        Assert.True(File.Exists(Admin(Path.Combine("locales", "en-GB.json"))));
        Assert.True(File.Exists(Admin("sveltia-cms.LICENSE.txt")));
    }

    [Fact]
    public void The_editor_is_not_in_the_sitemap_the_search_data_or_any_page_and_robots_txt_disallows_it()
    {
        Assert.True(_site.ExitCode == 0, _site.Log);
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = XDocument.Load(Path.Combine(_site.Output, "sitemap.xml")).Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.NotEmpty(locs);
        Assert.DoesNotContain(locs, l => l.Contains("/admin", StringComparison.Ordinal));

        var records = Directory.GetFiles(Path.Combine(_site.Output, "assets", "search", "pages"), "*.json")
            .SelectMany(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.EnumerateArray().Select(r => r.GetProperty("url").GetString()!))
            .ToList();
        Assert.Equal(_site.ContentPages.Count() - 1, records.Count); // every page but the search page itself
        Assert.DoesNotContain(records, u => u.Contains("/admin", StringComparison.Ordinal));

        Assert.Contains($"\nDisallow: {BasePath}admin/\n", File.ReadAllText(Path.Combine(_site.Output, "robots.txt")));

        foreach (var (path, page) in _site.ParsePages())
        {
            Assert.DoesNotContain(page.QuerySelectorAll("a[href], link[href]"), a => a.GetAttribute("href")!.Contains("admin", StringComparison.Ordinal));
            // Public pages keep their own policy: no outside address, no inline styles.
            var csp = Directives(page.QuerySelector("meta[http-equiv=Content-Security-Policy]")!.GetAttribute("content")!);
            Assert.DoesNotContain(csp.Values.SelectMany(v => v), v => v.StartsWith("http", StringComparison.Ordinal) || v == "'unsafe-inline'");
            Assert.Equal(["'self'"], csp["script-src"]);
        }
    }
}
