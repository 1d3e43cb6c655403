using System.Xml.Linq;
using AngleSharp.Dom;
using Site.Tests.Support;

namespace Site.Tests.BuiltSite;

/// <summary>Reads every page of the real site and checks what every reader relies on.</summary>
public sealed class BuiltSiteTests
{
    private const string BasePath = RealSite.BasePath;

    private readonly RealSite _site = RealSite.Shared;
    private IReadOnlyDictionary<string, IDocument>? _parsed;

    private IReadOnlyDictionary<string, IDocument> Parsed => _parsed ??= _site.ParsePages();

    private IEnumerable<(string Path, IDocument Html)> Pages() => Parsed.Select(p => (p.Key, p.Value));

    [Fact]
    public void The_real_site_builds()
    {
        Assert.True(_site.ExitCode == 0, _site.Log);
        Assert.True(Parsed.Count >= 4, $"only {Parsed.Count} pages");
        Assert.Contains("index.html", Parsed.Keys);
        Assert.Contains("404.html", Parsed.Keys);
        // Warnings include pages due for review and pages too hard to read: the real site has none.
        Assert.Contains(": 0 warnings, 0 errors.", _site.Log);
    }

    [Fact]
    public void Every_page_has_both_required_sections_with_a_heading_and_content()
    {
        Assert.True(_site.ExitCode == 0, _site.Log);
        foreach (var path in _site.ContentPages)
        {
            var html = Parsed[path];
            foreach (var (id, heading) in new[] { ("pressure-feedback", "Pressure feedback"), ("when-to-worry", "When to worry") })
            {
                var section = html.QuerySelector($"main section#{id}");
                Assert.True(section != null, $"{path} has no <section id=\"{id}\">");
                var h2 = section!.FirstElementChild;
                Assert.True(h2 is { LocalName: "h2" }, $"{path}: #{id} does not start with an h2");
                Assert.Equal(heading, h2!.TextContent.Trim(), ignoreCase: true);
                var body = string.Concat(section.Children.Skip(1).Select(c => c.TextContent)).Trim();
                Assert.True(body.Length > 20, $"{path}: #{id} has no content");
            }
        }
    }

    [Fact]
    public void Every_page_has_language_one_h1_title_and_description()
    {
        Assert.True(_site.ExitCode == 0, _site.Log);
        foreach (var (path, html) in Pages())
        {
            Assert.False(string.IsNullOrWhiteSpace(html.DocumentElement.GetAttribute("lang")), $"{path}: no <html lang>");
            Assert.True(html.QuerySelectorAll("h1").Length == 1, $"{path}: {html.QuerySelectorAll("h1").Length} h1 elements");
            Assert.False(string.IsNullOrWhiteSpace(html.Title), $"{path}: empty <title>");
            var description = html.QuerySelector("meta[name=description]")?.GetAttribute("content");
            Assert.False(string.IsNullOrWhiteSpace(description), $"{path}: no meta description");
        }
    }

    [Fact]
    public void Every_internal_link_and_fragment_resolves()
    {
        Assert.True(_site.ExitCode == 0, _site.Log);
        var checkedLinks = 0;
        foreach (var (path, html) in Pages())
        {
            var references = html.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
                .Concat(html.QuerySelectorAll("link[href]").Select(l => l.GetAttribute("href")!))
                .Concat(html.QuerySelectorAll("[src]").Select(e => e.GetAttribute("src")!));
            foreach (var href in references)
            {
                if (href.StartsWith("http", StringComparison.Ordinal) || href.StartsWith("mailto:", StringComparison.Ordinal)
                    || href.StartsWith("tel:", StringComparison.Ordinal) || href.StartsWith("data:", StringComparison.Ordinal))
                    continue;
                checkedLinks++;
                var (target, fragment) = Resolve(path, href);
                Assert.True(target != null && File.Exists(Path.Combine(_site.Output, target)), $"{path}: link '{href}' goes nowhere");
                if (fragment != null)
                {
                    var doc = target == path ? html : Parsed[target!];
                    Assert.True(doc.GetElementById(fragment) != null, $"{path}: link '{href}' names a missing fragment");
                }
            }
        }
        Assert.True(checkedLinks > 50, $"only {checkedLinks} internal links were checked");
    }

    [Fact]
    public void Links_between_pages_use_clean_urls_under_the_base_path()
    {
        Assert.True(_site.ExitCode == 0, _site.Log);
        foreach (var (path, html) in Pages())
        {
            foreach (var a in html.QuerySelectorAll("a[href]"))
            {
                var href = a.GetAttribute("href")!;
                if (href.StartsWith("https://github.com/", StringComparison.Ordinal))
                    continue; // "Suggest a change to this page": the page's file on GitHub
                Assert.DoesNotContain(".md", href);
                if (href.StartsWith('/'))
                    Assert.True(href.StartsWith(BasePath, StringComparison.Ordinal), $"{path}: '{href}' ignores the base path");
            }
        }
    }

    [Fact]
    public void Pages_show_their_review_dates()
    {
        Assert.True(_site.ExitCode == 0, _site.Log);
        foreach (var path in _site.ContentPages)
        {
            var text = Parsed[path].Body!.TextContent;
            Assert.Contains("Page last reviewed", text);
            Assert.Contains("Next review due", text);
            Assert.Equal(2, Parsed[path].QuerySelectorAll(".review-dates time[datetime]").Length);
        }
    }

    [Fact]
    public void Sitemap_lists_every_page_with_its_review_date_and_robots_points_to_it()
    {
        Assert.True(_site.ExitCode == 0, _site.Log);
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var sitemap = XDocument.Load(Path.Combine(_site.Output, "sitemap.xml"));
        var urls = sitemap.Descendants(ns + "url").ToList();
        Assert.Equal(_site.ContentPages.Count(), urls.Count);
        foreach (var url in urls)
        {
            var loc = new Uri(url.Element(ns + "loc")!.Value);
            Assert.StartsWith(BasePath, loc.AbsolutePath);
            var page = loc.AbsolutePath[BasePath.Length..] + "index.html";
            Assert.True(Parsed.ContainsKey(page), $"sitemap lists {loc}, which was not built");
            var reviewed = Parsed[page].QuerySelector(".review-dates time[datetime]")!.GetAttribute("datetime");
            Assert.Equal(reviewed, url.Element(ns + "lastmod")!.Value);
        }
        var robots = File.ReadAllText(Path.Combine(_site.Output, "robots.txt"));
        Assert.Contains($"Sitemap: {urls[0].Element(ns + "loc")!.Value.Split(BasePath)[0]}{BasePath}sitemap.xml", robots);
    }

    [Fact]
    public void Structured_data_matches_the_front_matter_shown_on_the_page()
    {
        Assert.True(_site.ExitCode == 0, _site.Log);
        foreach (var path in _site.ContentPages)
        {
            var html = Parsed[path];
            var script = html.QuerySelectorAll("script[type='application/ld+json']").SingleOrDefault();
            Assert.True(script != null, $"{path}: no JSON-LD");
            using var json = System.Text.Json.JsonDocument.Parse(script!.TextContent);
            var root = json.RootElement;
            Assert.Equal("MedicalWebPage", root.GetProperty("@type").GetString());
            Assert.Equal(html.QuerySelector("h1")!.TextContent.Trim(), root.GetProperty("name").GetString());
            Assert.Equal(html.QuerySelector(".review-dates time[datetime]")!.GetAttribute("datetime"), root.GetProperty("lastReviewed").GetString());
            Assert.Equal(html.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), root.GetProperty("url").GetString());
            var reviewer = root.GetProperty("reviewedBy").GetProperty("name").GetString()!;
            Assert.Contains("Reviewed by " + reviewer, html.QuerySelector(".review-dates")!.TextContent);
            Assert.Equal("Patient", root.GetProperty("medicalAudience").GetProperty("audienceType").GetString());
        }
    }

    [Fact]
    public void When_to_worry_links_to_the_checker_and_the_full_page_and_names_the_emergency_number()
    {
        Assert.True(_site.ExitCode == 0, _site.Log);
        var settings = File.ReadAllText(Path.Combine(RepoPaths.Input, "site.yml"));
        var emergency = System.Text.RegularExpressions.Regex.Match(settings, @"emergency:\s*""?(\d+)").Groups[1].Value;
        Assert.NotEmpty(emergency);
        foreach (var path in _site.ContentPages)
        {
            var section = Parsed[path].QuerySelector("section#when-to-worry")!;
            var links = section.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
            Assert.True(links.Any(l => l.StartsWith(BasePath + "symptom-checker/")), $"{path}: When to worry does not link to the symptom checker");
            Assert.True(links.Any(l => l.StartsWith(BasePath + "when-to-worry/")), $"{path}: When to worry does not link to the When to worry page");
            Assert.Contains(emergency, section.TextContent);
            Assert.Contains("chest pain", section.TextContent, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Numbers_come_from_settings_not_from_pages_or_layouts()
    {
        var settings = File.ReadAllText(Path.Combine(RepoPaths.Input, "site.yml"));
        var numbers = System.Text.RegularExpressions.Regex.Matches(settings, @"(emergency|urgent|phone):\s*""?([\d ]+)""?")
            .Select(m => m.Groups[2].Value.Trim()).ToList();
        Assert.Equal(3, numbers.Count);
        var files = Directory.EnumerateFiles(RepoPaths.Input, "*.md", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(RepoPaths.Theme, "*.liquid", SearchOption.AllDirectories));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var number in numbers)
                Assert.False(System.Text.RegularExpressions.Regex.IsMatch(text, $@"(?<!\d){number}(?!\d)"), $"{file} writes {number} instead of a placeholder");
        }
    }

    [Theory]
    [InlineData("when-to-worry/index.html")]
    [InlineData("symptom-checker/index.html")]
    public void Warning_sign_lists_come_from_the_checker_data(string page)
    {
        Assert.True(_site.ExitCode == 0, _site.Log);
        var diagnostics = new Site.Diagnostics.DiagnosticBag();
        var data = Site.Checker.CheckerDataReader.Read(File.ReadAllText(Path.Combine(RepoPaths.Input, "data", "checker.yml")), "checker.yml", diagnostics)!;
        var html = Parsed[page];
        foreach (var level in new[] { "emergency", "urgent", "clinician" })
        {
            var card = data.Levels.Single(l => l.Id == level).Card;
            var items = html.QuerySelectorAll($".care-card--{card} li").Select(li => li.TextContent.Trim()).ToHashSet();
            var signs = Site.Content.InsertWarningSigns.Signs(data, level).ToList();
            Assert.NotEmpty(signs);
            foreach (var sign in signs)
                Assert.True(items.Contains(sign), $"{page} does not list '{sign}' under {level}");
        }
    }

    [Fact]
    public void Care_cards_name_their_level_in_the_heading()
    {
        Assert.True(_site.ExitCode == 0, _site.Log);
        var cards = Parsed.Values.SelectMany(p => p.QuerySelectorAll(".care-card")).ToList();
        Assert.Contains(cards, c => c.ClassList.Contains("care-card--emergency"));
        foreach (var card in cards)
        {
            var heading = card.FirstElementChild!;
            Assert.Matches("^h[2-6]$", heading.LocalName);
            var kind = Site.Urgency.UrgencyLevels.Cards.Single(c => card.ClassList.Contains("care-card--" + c.Id));
            Assert.StartsWith($"{kind.Label}:", heading.TextContent.Trim());
        }
    }

    [Fact]
    public void Footer_says_who_runs_the_site_that_it_has_no_ads_and_links_to_policies()
    {
        Assert.True(_site.ExitCode == 0, _site.Log);
        foreach (var (path, html) in Pages())
        {
            var footer = html.QuerySelector("footer")!;
            Assert.Contains("run by", footer.TextContent);
            Assert.Contains("no advertising", footer.TextContent);
            var links = footer.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
            foreach (var target in new[] { "editorial-policy/", "contact/", "privacy/" })
                Assert.True(links.Contains(BasePath + target), $"{path}: footer has no link to {target}");
        }
    }

    /// <summary>Maps a link on a page to an output file and fragment, the way a web server under the base path would.</summary>
    private static (string? File, string? Fragment) Resolve(string fromPage, string href)
    {
        var hash = href.IndexOf('#');
        var fragment = hash < 0 ? null : href[(hash + 1)..];
        var path = hash < 0 ? href : href[..hash];
        if (path.Length == 0)
            return (fromPage, fragment);
        if (!path.StartsWith(BasePath, StringComparison.Ordinal))
            return (null, fragment);
        var file = path[BasePath.Length..];
        if (file.Length == 0 || file.EndsWith('/'))
            file += "index.html";
        return (file, fragment);
    }
}
