using BenchmarkDotNet.Attributes;
using Site;
using Site.Output;
using Site.Pipelines;
using Site.Search;

namespace Site.Benchmarks;

/// <summary>
/// What the search data costs a build: the whole build of a corpus into memory (so the disk does not hide the CPU),
/// with and without the search modules, side by side in one run. The ratio of the two is the cost.
/// </summary>
[MemoryDiagnoser]
public class SearchDataCost
{
    private SiteInputs _inputs = null!;
    private IReadOnlyList<Pipeline> _all = null!, _withoutSearch = null!;

    /// <summary>A corpus folder made by bench/corpus.sh (bench/search-cost.sh passes it).</summary>
    public static string Corpus => Environment.GetEnvironmentVariable("SITE_BENCH_CORPUS")
        ?? throw new InvalidOperationException("SITE_BENCH_CORPUS names no corpus: run bench/search-cost.sh");

    [GlobalSetup]
    public void Setup()
    {
        var theme = Environment.GetEnvironmentVariable("SITE_BENCH_THEME")!;
        var options = new BuildOptions(Corpus, theme, Path.Combine(Path.GetTempPath(), "site-bench-unused"), "/", new DateOnly(2026, 12, 1));
        _inputs = SiteInputs.Load(options);
        if (_inputs.Settings == null || _inputs.Layouts == null)
            throw new InvalidOperationException(string.Join("\n", _inputs.Diagnostics.Sorted()));
        _all = SiteBuilder.Pipelines(_inputs.Layouts, _inputs.Settings);
        _withoutSearch = [.. _all
            .Select(p => new Pipeline(p.Name, [.. p.Modules.Where(m => m is not (ReadSearchText or ListPagesToSearch or ExtractPageSearch or WriteSearchIndex))]))
            .Where(p => p.Modules.Count > 0)];
    }

    [Benchmark(Baseline = true)]
    public int WithoutSearchData() => Build(_withoutSearch);

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
