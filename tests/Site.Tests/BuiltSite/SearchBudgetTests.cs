using System.IO.Compression;
using Site.Tests.Support;
using Xunit.Abstractions;

namespace Site.Tests.BuiltSite;

/// <summary>
/// The budget for site search on the real site: the search data plus the MiniSearch library, both fetched
/// only when a reader first focuses a search box, are at most 30 KB gzipped together. (The page's own search.js
/// and search.css are counted with each page in <see cref="PageWeightTests"/>.)
/// </summary>
public sealed class SearchBudgetTests(ITestOutputHelper output)
{
    private readonly RealSite _site = RealSite.Shared;

    public const int BudgetBytes = 30 * 1024;

    [Fact]
    public void Search_data_and_library_are_at_most_30_KB_gzipped()
    {
        Assert.True(_site.ExitCode == 0, _site.Log);
        var assets = Path.Combine(_site.Output, "assets");
        var data = Directory.GetFiles(assets, "search-index*.json");
        Assert.True(data.Length == 1, $"expected one assets/search-index.json, found {data.Length}");
        var library = Path.Combine(assets, "vendor", "minisearch.js");
        Assert.True(File.Exists(library), "assets/vendor/minisearch.js is not in the output; the build of src/Site writes it to theme/assets/vendor/");

        long dataGzip = GzipSize(data[0]), libraryGzip = GzipSize(library);
        var total = dataGzip + libraryGzip;
        output.WriteLine($"search data {new FileInfo(data[0]).Length:N0} B raw, {dataGzip:N0} B gzipped; "
            + $"MiniSearch {new FileInfo(library).Length:N0} B raw, {libraryGzip:N0} B gzipped; total {total:N0} B gzipped of {BudgetBytes:N0}");
        Assert.True(total <= BudgetBytes,
            $"search data ({dataGzip:N0} B) + MiniSearch ({libraryGzip:N0} B) = {total:N0} B gzipped, over the {BudgetBytes:N0} B budget");
    }

    [Fact]
    public void Every_page_loads_search_as_a_module_and_names_its_data()
    {
        Assert.True(_site.ExitCode == 0, _site.Log);
        foreach (var (path, html) in _site.ParsePages())
        {
            var script = html.QuerySelector("script[type=module][src$='assets/search.js']");
            Assert.True(script != null, $"{path} does not load assets/search.js as a module");
            Assert.Equal(RealSite.BasePath + "assets/search.js", script!.GetAttribute("src"));
            var root = html.DocumentElement;
            Assert.Equal(RealSite.BasePath, root.GetAttribute("data-base-path"));
            Assert.Equal("/clinic-site/assets/search-index.json", root.GetAttribute("data-search-index"));
        }
    }

    /// <summary>zlib level 6, as in <see cref="PageWeightTests"/>.</summary>
    private static long GzipSize(string file)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        using (var source = File.OpenRead(file))
            source.CopyTo(gzip);
        return compressed.Length;
    }
}
