using System.IO.Compression;
using Site.Tests.Support;
using Xunit.Abstractions;

namespace Site.Tests.BuiltSite;

/// <summary>
/// The budget for site search on the real site: what a reader's first query fetches, all of it loaded only when a
/// search box is first focused (the engine, the stemmer, the care-card module, and the pieces of search data the
/// query needs), is at most 30 KB gzipped, for every query of the evaluation set. (The page's own search.js,
/// search/ui.js and search.css are counted with each page in <see cref="PageWeightTests"/>.)
/// </summary>
public sealed class SearchBudgetTests(ITestOutputHelper output)
{
    private readonly RealSite _site = RealSite.Shared;

    public const int BudgetBytes = 30 * 1024;

    /// <summary>The modules search imports when a box is first focused, by output path.</summary>
    public static readonly string[] LoadedOnFocus =
        ["assets/vendor/engine.js", "assets/vendor/words.js", "assets/vendor/snowball-english.js", "assets/care-card.js"];

    [Fact]
    public async Task A_first_query_fetches_at_most_30_KB_gzipped()
    {
        Assert.True(_site.ExitCode == 0, _site.Log);
        foreach (var module in LoadedOnFocus)
            Assert.True(File.Exists(Path.Combine(_site.Output, module)), $"{module} is not in the output");
        var code = LoadedOnFocus.Sum(m => GzipSize(Path.Combine(_site.Output, m)));
        var queries = Search.Evaluation.SearchQualityTests.Queries().Select(q => q.Query).ToList();
        var answers = await Search.Evaluation.QueryRunner.RunAsync(_site.Output, queries);
        var worst = answers.MaxBy(a => a.FirstQueryBytes)!;
        output.WriteLine($"code {code:N0} B gzipped; search data for a first query: median {answers.Select(a => a.FirstQueryBytes).Order().ElementAt(answers.Count / 2):N0} B, "
            + $"most {worst.FirstQueryBytes:N0} B in {worst.FirstQueryFiles} files ('{worst.Query}'); total at most {code + worst.FirstQueryBytes:N0} B of {BudgetBytes:N0}");
        Assert.True(code + worst.FirstQueryBytes <= BudgetBytes,
            $"'{worst.Query}' fetches {code:N0} B of code and {worst.FirstQueryBytes:N0} B of data gzipped, over the {BudgetBytes:N0} B budget");
    }

    /// <summary>The results the header's box shows, whose records a first query fetches.</summary>
    public const int Shown = 6;

    [Fact]
    public async Task A_first_query_fetches_the_head_and_one_sections_blocks_of_each_result_shown_and_no_more()
    {
        Assert.True(_site.ExitCode == 0, _site.Log);
        var queries = Search.Evaluation.SearchQualityTests.Queries().Select(q => q.Query).ToList();
        var answers = await Search.Evaluation.QueryRunner.RunAsync(_site.Output, queries);
        foreach (var answer in answers)
        {
            int Count(string folder) => answer.FirstQueryFetched.Count(f => f.StartsWith(folder + "/", StringComparison.Ordinal));
            var shown = Math.Min(answer.Count, Shown);
            // One page to a head file and one section to a text file on a small site: a file per result of each.
            Assert.True(Count("pages") == shown && Count("text") == shown,
                $"'{answer.Query}' fetched {Count("pages")} head files and {Count("text")} section files for {shown} results: {string.Join(", ", answer.FirstQueryFetched)}");
        }
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
            Assert.Equal("/clinic-site/assets/search/meta.json", root.GetAttribute("data-search-index"));
        }
    }

    /// <summary>A word with a correction is asked of the everyday English words, one file per first two letters or,
    /// for the largest, per three: no file costs a query more than this, and a split file names only files there are.</summary>
    public const int MostEnglishFileBytes = 1536;

    [Fact]
    public void Each_file_of_everyday_English_words_is_small_and_a_split_one_names_files_that_exist()
    {
        Assert.True(_site.ExitCode == 0, _site.Log);
        var folder = Path.Combine(_site.Output, "assets", "vendor", "english");
        var files = Directory.GetFiles(folder, "*.json");
        Assert.True(files.Length >= 26 * 26, $"{folder} holds {files.Length} files, not one per two letters");
        var split = 0;
        foreach (var file in files)
        {
            var size = GzipSize(file);
            Assert.True(size <= MostEnglishFileBytes, $"{file} is {size:N0} B gzipped, over {MostEnglishFileBytes:N0} B");
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
            if (json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Array)
                continue;
            split++;
            var key = Path.GetFileNameWithoutExtension(file);
            foreach (var third in json.RootElement.GetProperty("split").GetString()!)
                Assert.True(File.Exists(Path.Combine(folder, $"{key}{third}.json")), $"{file} names {key}{third}.json, which is not there");
        }
        Assert.True(split > 0, "no file of everyday English words is split by the third letter: the largest would cost a query 3 KB");
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
