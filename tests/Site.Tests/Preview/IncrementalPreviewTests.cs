using System.Text;
using System.Text.RegularExpressions;
using Site.Cli;
using Site.Pipelines;
using Site.Preview;
using Site.Tests.Support;

namespace Site.Tests.Preview;

/// <summary>
/// The preview rebuilds only what a change needs, and the site it then serves is, file by file, the site a clean
/// full build makes of the same folders; it never writes the output folder.
/// </summary>
public sealed class IncrementalPreviewTests : IDisposable
{
    private readonly FixtureSite _site = new();
    private readonly TempFolder _clean = new("site-clean-");
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private int _builds;

    public IncrementalPreviewTests()
    {
        _site.UseThemeCopy();
        _site.WritePage("care/ice.md", FixtureSite.Page("Ice packs", "See [aftercare](../aftercare.md#ice)."));
    }

    public void Dispose()
    {
        _http.Dispose();
        _clean.Dispose();
        _site.Dispose();
    }

    private BuildOptions Options(string output) => new(_site.Input, _site.Theme, output, "/", DateOnly.Parse(FixtureSite.Today));

    /// <summary>Every file a clean build of the folders as they are now writes, with its bytes.</summary>
    private Dictionary<string, byte[]> CleanBuild()
    {
        var output = _clean.Combine($"build-{_builds++}");
        var result = SiteBuilder.Build(Options(output));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return FixtureSite.Snapshot(output).Where(f => f.Key != ".site-manifest").ToDictionary(f => f.Key.Replace('\\', '/'), f => f.Value);
    }

    private void Move(string from, string to) => File.Move(Path.Combine(_site.Input, from), Path.Combine(_site.Input, to));

    private void Edit(string path, string from, string to)
    {
        var full = Path.Combine(_site.Input, path);
        var text = File.ReadAllText(full);
        Assert.Contains(from, text);
        File.WriteAllText(full, text.Replace(from, to));
    }

    /// <summary>The changes a writer makes, in order; each ends in a site that builds.</summary>
    private IEnumerable<(string Name, Action Change, string Notes)> Steps() =>
    [
        ("edit one page's text", () => _site.WritePage("aftercare.md", FixtureSite.Page("Aftercare", "### Ice\n\nWrap a cold pack in a towel.\n")),
            "1 of 3 pages read, 1 rendered"),
        // Search counts text that two pages share as the copy's on all but its home: which page that is can move.
        ("copy a paragraph onto a second page", () => _site.WritePage("care/ice.md", FixtureSite.Page("Ice packs", "See [aftercare](../aftercare.md#ice).\n\nWrap a cold pack in a towel.")),
            "1 of 3 pages read, 1 rendered"),
        ("change the rest of a page with a copy", () => _site.WritePage("care/ice.md", FixtureSite.Page("Ice packs", "See [aftercare](../aftercare.md#ice) for more about the cold.\n\nWrap a cold pack in a towel.")),
            "1 of 3 pages read, 1 rendered"),
        ("add a page", () => _site.WritePage("care/heat.md", FixtureSite.Page("Heat", "A warm bath can help.")), "1 of 4 pages read, 4 rendered"),
        ("link to the new page", () => _site.WritePage("index.md", FixtureSite.Page("Home", "[Aftercare](aftercare.md#ice) and [heat](care/heat.md)")),
            "1 of 4 pages read, 1 rendered"),
        ("rename a page and mend its link", () =>
        {
            Move("care/heat.md", "care/warmth.md");
            _site.WritePage("index.md", FixtureSite.Page("Home", "[Aftercare](aftercare.md#ice) and [heat](care/warmth.md)"));
        }, "2 of 4 pages read, 4 rendered"),
        ("change a review date the sitemap shows", () => Edit("aftercare.md", "last_reviewed: 2026-11-01", "last_reviewed: 2026-11-20"), "1 of 4 pages read, 1 rendered"),
        ("change a title the menu shows", () => Edit("aftercare.md", "title: Aftercare", "title: Aftercare at home"), "1 of 4 pages read, 4 rendered"),
        ("rename a heading a link names, with the link", () =>
        {
            Edit("aftercare.md", "### Ice", "### Cold packs");
            Edit("care/ice.md", "aftercare.md#ice", "aftercare.md#cold-packs");
            Edit("index.md", "aftercare.md#ice", "aftercare.md#cold-packs");
        }, "3 of 4 pages read, 3 rendered"),
        ("delete a page and its link", () =>
        {
            File.Delete(Path.Combine(_site.Input, "care/warmth.md"));
            _site.WritePage("index.md", FixtureSite.Page("Home", "[Aftercare](aftercare.md#cold-packs)"));
        }, "1 of 3 pages read, 3 rendered"),
        ("add a file", () => File.WriteAllText(Path.Combine(_site.Input, "care/leaflet.txt"), "A leaflet."), "0 of 3 pages read, 0 rendered"),
        ("change a layout", () => File.WriteAllText(Path.Combine(_site.Theme, "layouts/page.liquid"),
            File.ReadAllText(Path.Combine(_site.Theme, "layouts/page.liquid")).Replace("</main>", "<p>Printed from the clinic's site.</p></main>")),
            "3 of 3 pages read, 3 rendered"),
        ("change the settings", () => File.WriteAllText(Path.Combine(_site.Input, "site.yml"), FixtureSite.Settings.Replace("Test clinic", "Riverside test clinic")),
            "3 of 3 pages read, 3 rendered"),
    ];

    [Fact]
    public void After_each_change_the_preview_holds_the_site_a_clean_build_makes_and_redoes_only_what_changed()
    {
        var preview = new PreviewBuild(Options(_site.Output));
        Assert.True(preview.Rebuild().Succeeded);
        AssertSameSite(preview, "the first build");
        foreach (var (name, change, notes) in Steps())
        {
            change();
            var result = preview.Rebuild();
            Assert.True(result.Succeeded, $"{name}: {string.Join("\n", result.Diagnostics)}");
            Assert.True(result.Notes.Any(n => n.Contains(notes, StringComparison.Ordinal)), $"{name}: expected '{notes}' in: {string.Join(" | ", result.Notes)}");
            AssertSameSite(preview, name);
        }
        Assert.False(Directory.Exists(_site.Output), "the preview wrote the output folder");
    }

    [Fact]
    public void A_page_edit_makes_again_only_the_search_files_its_words_are_in()
    {
        var preview = new PreviewBuild(Options(_site.Output));
        Assert.True(preview.Rebuild().Succeeded);
        var before = preview.Site!.Output;
        string[] Files(string folder) => [.. before.Files().Keys.Where(k => k.StartsWith($"assets/search/{folder}/", StringComparison.Ordinal))];
        Edit("aftercare.md", "Wrap ice in a towel.", "Wrap ice in a towel. Zebras rest.");
        Assert.True(preview.Rebuild([Path.Combine(_site.Input, "aftercare.md")]).Succeeded);
        var after = preview.Site!.Output;
        bool Same(string path) => before.Pieces(path) is { } was && after.Pieces(path) is { } now && was.SequenceEqual(now, ReferenceEqualityComparer.Instance);
        // The words file of "zebra" and "rest" changed; one of a letter the edit did not touch is the very same bytes.
        Assert.False(Same("assets/search/words/z.json") && Same("assets/search/words/r.json"));
        Assert.Contains(Files("words"), Same);
        // So did the file of the edited section's blocks, and nothing else of the records: the heads and the other
        // sections' blocks are the very same bytes.
        Assert.Single(Files("text"), f => !Same(f));
        Assert.All(Files("pages"), f => Assert.True(Same(f), $"{f} was made again"));
        AssertSameSite(preview, "a page edit");

        // A new section moves the page's later sections in the files of blocks, which still match a clean build.
        Edit("aftercare.md", "Wrap ice in a towel. Zebras rest.", "Wrap ice in a towel.\n\n## Zebras\n\nZebras rest.");
        Assert.True(preview.Rebuild([Path.Combine(_site.Input, "aftercare.md")]).Succeeded);
        AssertSameSite(preview, "a new section");
    }

    [Fact]
    public void A_broken_change_keeps_the_last_good_site_and_the_mended_one_matches_a_clean_build()
    {
        var preview = new PreviewBuild(Options(_site.Output));
        var first = preview.Rebuild();
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        var good = preview.Site!.Output.Files();

        Edit("aftercare.md", "### Ice", "### Cold packs"); // care/ice.md still links to #ice
        var broken = preview.Rebuild();
        Assert.Contains(broken.Diagnostics, d => d.Code == "SITE014" && d.File.EndsWith("ice.md", StringComparison.Ordinal));
        Assert.Equal(good, preview.Site!.Output.Files());

        // care/ice.md is not read again, nor its links checked again, but its broken link is still reported.
        Edit("index.md", "Home", "Welcome home");
        var still = preview.Rebuild();
        Assert.Contains(still.Diagnostics, d => d.Code == "SITE014" && d.File.EndsWith("ice.md", StringComparison.Ordinal));
        Assert.Contains(still.Notes, n => n.Contains("1 of 3 pages read", StringComparison.Ordinal));
        Assert.Equal(good, preview.Site!.Output.Files());

        Edit("care/ice.md", "aftercare.md#ice", "aftercare.md#cold-packs");
        Edit("index.md", "aftercare.md#ice", "aftercare.md#cold-packs");
        var mended = preview.Rebuild();
        Assert.True(mended.Succeeded, string.Join("\n", mended.Diagnostics));
        AssertSameSite(preview, "the mended site");
    }

    [Fact]
    public void A_second_save_that_looks_the_same_on_disk_is_read_again_when_the_watcher_saw_it()
    {
        var preview = new PreviewBuild(Options(_site.Output));
        Assert.True(preview.Rebuild().Succeeded);
        var page = Path.Combine(_site.Input, "aftercare.md");
        var (time, text) = (File.GetLastWriteTimeUtc(page), File.ReadAllText(page));
        File.WriteAllText(page, text.Replace("Wrap ice", "Wrap gel")); // same length
        File.SetLastWriteTimeUtc(page, time);
        Assert.True(preview.Rebuild([page]).Succeeded);
        AssertSameSite(preview, "a save that kept the size and time");
    }

    private void AssertSameSite(PreviewBuild preview, string step)
    {
        var clean = CleanBuild();
        var served = preview.Site!.Output.Files();
        Assert.True(clean.Keys.Order(StringComparer.Ordinal).SequenceEqual(served.Keys.Order(StringComparer.Ordinal)),
            $"{step}: the files differ.\nclean: {string.Join(", ", clean.Keys.Order())}\npreview: {string.Join(", ", served.Keys.Order())}");
        foreach (var (path, bytes) in clean)
            Assert.True(bytes.AsSpan().SequenceEqual(served[path]), $"{step}: {path} differs from a clean build");
    }

    [Fact]
    public async Task The_running_preview_serves_each_change_as_a_clean_build_would()
    {
        var stdout = new StringWriter();
        var output = TextWriter.Synchronized(stdout);
        using var stop = new CancellationTokenSource();
        var serving = ServeCommand.RunAsync(Options(_site.Output), 0, output, TextWriter.Synchronized(new StringWriter()), stop.Token);
        try
        {
            var address = new Uri(await Eventually.ValueOf(() => Regex.Match(stdout.ToString(), @"Previewing at (\S+)") is { Success: true } m ? m.Groups[1].Value : null));
            await AssertServed(address, "the first build");
            foreach (var (name, change, _) in Steps())
            {
                var builds = Regex.Matches(stdout.ToString(), "Built ").Count;
                change();
                await Eventually.ValueOf(() => Regex.Matches(stdout.ToString(), "Built ").Count > builds ? "" : null);
                await AssertServed(address, name);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await serving;
        }
        Assert.False(Directory.Exists(_site.Output), "the preview wrote the output folder");
    }

    /// <summary>Fetches every file of a clean build from the preview: the same bytes, but for the reload script in HTML.</summary>
    private async Task AssertServed(Uri address, string step)
    {
        foreach (var (path, bytes) in CleanBuild())
        {
            var url = path.EndsWith("index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path;
            var served = await _http.GetByteArrayAsync(new Uri(address, string.Join('/', url.Split('/').Select(Uri.EscapeDataString))));
            var expected = path.EndsWith(".html", StringComparison.Ordinal)
                ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("</body>", "<script src=\"/__preview/reload.js\"></script></body>"))
                : bytes;
            Assert.True(expected.AsSpan().SequenceEqual(served), $"{step}: {path} is not served as a clean build writes it");
        }
    }

}
