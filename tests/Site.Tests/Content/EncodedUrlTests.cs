using System.Text.Json;
using AngleSharp.Html.Parser;
using Site.Tests.Support;

namespace Site.Tests.Content;

/// <summary>Pages whose names are not plain URL text are linked by percent-encoded URLs and written under their own names.</summary>
public sealed class EncodedUrlTests : IDisposable
{
    private const string BasePath = "/clinic/";
    private readonly FixtureSite _site = new();

    public EncodedUrlTests() => _site.WritePagesWithUnusualNames();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Pages_are_written_under_their_decoded_names()
    {
        var run = _site.Build("--base-path", BasePath);
        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var output in new[] { "Müdigkeit/index.html", "first visit/index.html", "a b/index.html", "a b/c#d/index.html", "50% off?/index.html" })
            Assert.True(File.Exists(Path.Combine(_site.Output, output)), $"{output} was not written");
    }

    [Fact]
    public void Links_point_to_the_encoded_urls_and_each_finds_its_file()
    {
        var run = _site.Build("--base-path", BasePath);
        Assert.True(run.ExitCode == 0, run.ToString());
        var home = Parse("index.html");
        var links = home.QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains(BasePath + "M%C3%BCdigkeit/", links);
        Assert.Contains(BasePath + "first%20visit/", links);
        Assert.Contains(BasePath + "a%20b/", links);
        Assert.Contains(BasePath + "a%20b/c%23d/#ice", links);
        Assert.Contains(BasePath + "50%25%20off%3F/", links);
        var navigation = home.QuerySelectorAll("header nav a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains(BasePath + "M%C3%BCdigkeit/", navigation);
        var current = Parse("Müdigkeit/index.html").QuerySelector("header nav a[aria-current=page]");
        Assert.Equal(BasePath + "M%C3%BCdigkeit/", current?.GetAttribute("href"));
        var crumbs = Parse("a b/c#d/index.html").QuerySelectorAll("nav.breadcrumb a[href]")
            .Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains(BasePath + "a%20b/", crumbs);

        var checkedLinks = 0;
        foreach (var page in Directory.EnumerateFiles(_site.Output, "*.html", SearchOption.AllDirectories))
        {
            // The layouts' fixed links (footer, 404 page) name pages of the real site, which this one does not have.
            var relative = Path.GetRelativePath(_site.Output, page);
            if (relative == "404.html")
                continue;
            var pageLinks = Parse(relative).QuerySelectorAll("main a[href], header a[href], nav.breadcrumb a[href]");
            foreach (var href in pageLinks.Select(a => a.GetAttribute("href")!))
            {
                if (!href.StartsWith(BasePath, StringComparison.Ordinal))
                    continue;
                var path = new Uri(new Uri("https://clinic.example"), href).AbsolutePath;
                Assert.True(Uri.IsWellFormedUriString("https://clinic.example" + href, UriKind.Absolute), $"{relative}: '{href}' is not a valid URL");
                var file = Uri.UnescapeDataString(path[BasePath.Length..]);
                file = file.Length == 0 || file.EndsWith('/') ? file + "index.html" : file;
                Assert.True(File.Exists(Path.Combine(_site.Output, file)), $"{relative}: '{href}' goes nowhere ({file})");
                checkedLinks++;
            }
        }
        Assert.True(checkedLinks > 20, $"only {checkedLinks} links were checked");
    }

    [Fact]
    public void Links_to_files_are_encoded_like_links_to_pages()
    {
        Directory.CreateDirectory(Path.Combine(_site.Input, "forms"));
        File.WriteAllText(Path.Combine(_site.Input, "forms", "intake form #2.txt"), "Name:");
        _site.WritePage("first visit.md", FixtureSite.Page("Your first visit", "Fill in the [intake form](forms/intake%20form%20%232.txt)."));
        var run = _site.Build("--base-path", BasePath);
        Assert.True(run.ExitCode == 0, run.ToString());
        var links = Parse("first visit/index.html").QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!);
        Assert.Contains(BasePath + "forms/intake%20form%20%232.txt", links);
        Assert.True(File.Exists(Path.Combine(_site.Output, "forms", "intake form #2.txt")));
    }

    [Fact]
    public void Canonical_url_is_encoded()
    {
        var run = _site.Build("--base-path", BasePath);
        Assert.True(run.ExitCode == 0, run.ToString());
        var canonical = Parse("Müdigkeit/index.html").QuerySelector("link[rel=canonical]")!.GetAttribute("href");
        Assert.Equal("https://clinic.example/clinic/M%C3%BCdigkeit/", canonical);
    }

    [Fact]
    public void Search_records_link_to_the_encoded_urls()
    {
        var run = _site.Build("--base-path", BasePath);
        Assert.True(run.ExitCode == 0, run.ToString());
        // Each record's address, and its sections' (as the browser links them: address#id).
        var urls = Directory.GetFiles(Path.Combine(_site.Output, "assets", "search", "pages"))
            .SelectMany(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.EnumerateArray())
            .SelectMany(r => r.GetProperty("sections").EnumerateArray().Select(s => r.GetProperty("url").GetString() + (s[0].GetString() is { Length: > 0 } id ? "#" + id : "")))
            .ToList();
        foreach (var url in FixtureSite.UnusualNames.Values)
            Assert.Contains(BasePath + url, urls);
        Assert.Contains(BasePath + "a%20b/c%23d/#when-to-worry", urls);
    }

    private AngleSharp.Html.Dom.IHtmlDocument Parse(string relativePath) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_site.Output, relativePath)));
}
