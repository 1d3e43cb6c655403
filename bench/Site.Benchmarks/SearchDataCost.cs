using BenchmarkDotNet.Attributes;
using Site;
using Site.Output;
using Site.Pipelines;
using Site.Search;

namespace Site.Benchmarks;

/// <summary>
/// What the search data costs a build: the whole build of a corpus into memory (so the disk does not hide the CPU),
/// with and without the search modules, side by side in one run. The ratio of the two is the cost; the two between
/// split it into its parts (the text, the word places, the index).
/// </summary>
[MemoryDiagnoser]
public class SearchDataCost
{
    private SiteInputs _inputs = null!;
    private IReadOnlyList<Pipeline> _all = null!, _withoutSearch = null!, _textOnly = null!, _withoutIndex = null!;

    /// <summary>A corpus folder made by bench/corpus.sh (bench/search-cost.sh passes it).</summary>
    public static string Corpus => Environment.GetEnvironmentVariable("SITE_BENCH_CORPUS")
        ?? throw new InvalidOperationException("SITE_BENCH_CORPUS names no corpus: run bench/search-cost.sh");

    /// <summary>The corpus's folders, settings and layouts, with the theme bench/search-cost.sh passes.</summary>
    public static SiteInputs LoadInputs()
    {
        var theme = Environment.GetEnvironmentVariable("SITE_BENCH_THEME")!;
        var options = new BuildOptions(Corpus, theme, Path.Combine(Path.GetTempPath(), "site-bench-unused"), "/", new DateOnly(2026, 12, 1));
        var inputs = SiteInputs.Load(options);
        if (inputs.Settings == null || inputs.Layouts == null)
            throw new InvalidOperationException(string.Join("\n", inputs.Diagnostics.Sorted()));
        return inputs;
    }

    [GlobalSetup]
    public void Setup()
    {
        _inputs = LoadInputs();
        _all = SiteBuilder.Pipelines(_inputs.Layouts!, _inputs.Settings!);
        _withoutSearch = Without(m => m is ReadSearchText or ListPagesToSearch or ExtractPageSearch or WriteSearchIndex);
        _textOnly = Without(m => m is ListPagesToSearch or ExtractPageSearch or WriteSearchIndex);
        _withoutIndex = Without(m => m is WriteSearchIndex);
    }

    private IReadOnlyList<Pipeline> Without(Func<IModule, bool> leftOut) =>
        [.. _all.Select(p => new Pipeline(p.Name, [.. p.Modules.Where(m => !leftOut(m))])).Where(p => p.Modules.Count > 0)];

    [Benchmark(Baseline = true)]
    public int WithoutSearchData() => Build(_withoutSearch);

    /// <summary>Only the pages' text read for search in the content pass: the first of the search data's three parts.</summary>
    [Benchmark]
    public int WithSearchTextOnly() => Build(_textOnly);

    /// <summary>The text and each page's word places, but no index: the second part.</summary>
    [Benchmark]
    public int WithoutSearchIndex() => Build(_withoutIndex);

    [Benchmark]
    public int WithSearchData() => Build(_all);

    private int Build(IReadOnlyList<Pipeline> pipelines)
    {
        var run = SiteBuilder.Run(_inputs, new MemoryOutput(), BuildCache.None, pipelines);
        if (!run.Result.Succeeded)
            throw new InvalidOperationException(string.Join("\n", run.Result.Diagnostics));
        return run.Result.Pages;
    }
}
