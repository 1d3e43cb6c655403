using System.IO.Compression;
using AngleSharp.Dom;
using Site.Tests.Support;
using Xunit.Abstractions;

namespace Site.Tests.BuiltSite;

/// <summary>
/// Keeps every page light for readers on slow mobile connections: the gzipped HTML plus every stylesheet
/// (<c>link rel=stylesheet</c>) and script (<c>script src</c>) it loads, with the modules those scripts import
/// as they load (not the ones they import later, when a reader asks), must fit in 25 KB.
/// </summary>
public sealed class PageWeightTests(ITestOutputHelper output)
{
    private readonly RealSite _site = RealSite.Shared;

    public const int BudgetBytes = 25 * 1024;

    private const string BasePath = RealSite.BasePath;

    // Any absolute origin will do: it only anchors relative URLs so they resolve like a browser would.
    private static readonly Uri Origin = new("https://site.invalid");

    private readonly Dictionary<string, long> gzipSizes = new(StringComparer.Ordinal);

    [Fact]
    public void Every_page_with_its_css_and_js_is_at_most_25_KB_gzipped()
    {
        Assert.True(_site.ExitCode == 0, _site.Log);
        Assert.True(_site.HtmlFiles.Count >= 4, $"only {_site.HtmlFiles.Count} pages");

        var problems = new List<string>();
        var weights = new List<(string Page, long Total, string Breakdown)>();
        foreach (var (page, html) in _site.ParsePages())
        {
            var parts = new List<(string File, long Gzip)> { (page, GzipSize(page)) };
            var pending = new Queue<(string From, string Url)>(References(html).Select(u => (page, u)));
            while (pending.TryDequeue(out var next))
            {
                var (from, url) = next;
                var file = ToOutputFile(from, url, out var why);
                if (file == null)
                    problems.Add($"{page}: cannot weigh '{url}': {why}");
                else if (!File.Exists(Path.Combine(_site.Output, file)))
                    problems.Add($"{page}: references '{url}', but {file} is not in the output");
                else if (parts.All(p => p.File != file)) // a browser fetches a file once per page
                {
                    parts.Add((file, GzipSize(file)));
                    if (file.EndsWith(".js", StringComparison.Ordinal))
                        foreach (var import in StaticImports(file))
                            pending.Enqueue((file, import));
                }
            }
            var total = parts.Sum(p => p.Gzip);
            weights.Add((page, total, string.Join(" + ", parts.Select(p => $"{p.File} {Kb(p.Gzip)}"))));
        }
        Assert.True(problems.Count == 0, "Pages reference stylesheets or scripts that cannot be weighed:\n" + string.Join("\n", problems));

        var ranked = weights.OrderByDescending(w => w.Total).ThenBy(w => w.Page, StringComparer.Ordinal).ToList();
        foreach (var w in ranked)
            output.WriteLine($"{Kb(w.Total),9}  {w.Page}  ({w.Breakdown})");

        // Not vacuous: the theme's stylesheet was found and counted.
        Assert.True(gzipSizes.Keys.Any(f => f.EndsWith(".css", StringComparison.Ordinal)),
            "no page references a stylesheet; is the link[rel=stylesheet] lookup broken?");

        var heaviest = ranked[0];
        var over = ranked.Where(w => w.Total > BudgetBytes).ToList();
        Assert.True(over.Count == 0,
            $"{over.Count} page(s) exceed the {Kb(BudgetBytes)} gzipped budget (HTML + CSS + JS). " +
            $"Heaviest: {heaviest.Page} at {Kb(heaviest.Total)} ({heaviest.Total} bytes).\n" +
            string.Join("\n", over.Select(w => $"  {w.Page}: {Kb(w.Total)} = {w.Breakdown}")));
    }

    /// <summary>The stylesheets and external scripts a page loads, in document order (data: URLs are inline, so already counted).</summary>
    private static IEnumerable<string> References(IDocument html)
    {
        var stylesheets = html.QuerySelectorAll("link[rel][href]")
            .Where(l => l.GetAttribute("rel")!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Contains("stylesheet", StringComparer.OrdinalIgnoreCase))
            .Select(l => l.GetAttribute("href")!);
        var scripts = html.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!);
        return stylesheets.Concat(scripts)
            .Select(u => u.Trim())
            .Where(u => !u.StartsWith("data:", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The modules a script imports as it loads (<c>import … from</c>), read from its syntax tree; an
    /// <c>import()</c> call loads later, when it runs.</summary>
    private IEnumerable<string> StaticImports(string file)
    {
        var module = new Acornima.Parser().ParseModule(File.ReadAllText(Path.Combine(_site.Output, file)));
        return module.Body.OfType<Acornima.Ast.ImportDeclaration>().Select(i => (string)i.Source.Value!);
    }

    /// <summary>
    /// Maps a URL on <paramref name="page"/> to a file in the output, as GitHub Pages would serve the site under
    /// <see cref="BasePath"/>: relative URLs resolve against the page's URL, query and fragment are ignored,
    /// a trailing '/' means index.html. Returns null (with the reason) for other hosts or paths outside the base path.
    /// </summary>
    private static string? ToOutputFile(string page, string url, out string why)
    {
        var pageUri = new Uri(Origin, BasePath + page);
        if (!Uri.TryCreate(pageUri, url, out var resolved))
        {
            why = "not a valid URL";
            return null;
        }
        if (resolved.Scheme != Origin.Scheme || resolved.Authority != Origin.Authority)
        {
            why = "it is on another host, so this test cannot measure it (self-host it under the theme's assets)";
            return null;
        }
        var path = Uri.UnescapeDataString(resolved.AbsolutePath);
        if (!path.StartsWith(BasePath, StringComparison.Ordinal))
        {
            why = $"it is outside the base path {BasePath}";
            return null;
        }
        var file = path[BasePath.Length..];
        if (file.Length == 0 || file.EndsWith('/'))
            file += "index.html";
        why = "";
        return file;
    }

    /// <summary>
    /// Bytes of the file after gzip. CompressionLevel.Optimal is zlib level 6, the default of `gzip` and
    /// roughly what static hosts such as GitHub Pages serve; SmallestSize (level 9) would flatter the numbers.
    /// </summary>
    private long GzipSize(string file)
    {
        if (gzipSizes.TryGetValue(file, out var size))
            return size;
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        using (var source = File.OpenRead(Path.Combine(_site.Output, file)))
            source.CopyTo(gzip);
        return gzipSizes[file] = compressed.Length;
    }

    private static string Kb(long bytes) => $"{bytes / 1024.0:0.0} KB";
}
