using System.Text;
using System.Xml;
using System.Xml.Linq;
using Site.Tests.Support;

namespace Site.Tests.Sitemap;

/// <summary><c>sitemap.xml</c> is well-formed XML whose every address is a valid absolute URL.</summary>
public sealed class SitemapTests : IDisposable
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private readonly FixtureSite _site = new();

    public SitemapTests() => _site.WritePagesWithUnusualNames();

    public void Dispose() => _site.Dispose();

    private string SitemapPath => Path.Combine(_site.Output, "sitemap.xml");

    [Fact]
    public void Every_loc_is_a_valid_absolute_url_with_the_page_url_encoded()
    {
        var run = _site.Build("--base-path", "clinic");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var reader = XmlReader.Create(SitemapPath);
        var sitemap = XDocument.Load(reader);
        var locs = sitemap.Root!.Elements(Ns + "url").Select(u => u.Element(Ns + "loc")!.Value).ToList();
        foreach (var loc in locs)
            Assert.True(Uri.IsWellFormedUriString(loc, UriKind.Absolute), $"'{loc}' is not a valid absolute URL");
        string[] expected =
        [
            "https://clinic.example/clinic/",
            "https://clinic.example/clinic/50%25%20off%3F/",
            "https://clinic.example/clinic/M%C3%BCdigkeit/",
            "https://clinic.example/clinic/a%20b/",
            "https://clinic.example/clinic/a%20b/c%23d/",
            "https://clinic.example/clinic/aftercare/",
            "https://clinic.example/clinic/first%20visit/",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), locs.Order(StringComparer.Ordinal));
        Assert.All(sitemap.Root.Elements(Ns + "url"), u => Assert.Equal("2026-11-01", u.Element(Ns + "lastmod")!.Value));
        Assert.Contains("Sitemap: https://clinic.example/clinic/sitemap.xml\n", File.ReadAllText(Path.Combine(_site.Output, "robots.txt")));
    }

    [Fact]
    public void The_file_is_indented_utf8_without_a_byte_order_mark_with_unix_line_endings()
    {
        var run = _site.Build();
        Assert.True(run.ExitCode == 0, run.ToString());
        var bytes = File.ReadAllBytes(SitemapPath);
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "sitemap.xml starts with a byte order mark");
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n  <url>\n    <loc>", text);
        Assert.DoesNotContain("\r", text);
        Assert.EndsWith("</urlset>\n", text);
    }

    [Fact]
    public void The_file_is_the_same_on_every_build()
    {
        Assert.Equal(0, _site.Build().ExitCode);
        var first = File.ReadAllBytes(SitemapPath);
        Assert.Equal(0, _site.Build().ExitCode);
        Assert.Equal(first, File.ReadAllBytes(SitemapPath));
    }
}
