using BenchmarkDotNet.Attributes;
using Site.Diagnostics;
using Site.Output;
using Site.Pipelines;
using Site.Search;

namespace Site.Benchmarks;

/// <summary>
/// The search pipeline's own work, on one thread, over a corpus built once: each page's word places
/// (<see cref="ExtractPageSearch"/>), and the index and its files from them (<see cref="WriteSearchIndex"/>). Whole
/// builds (<see cref="SearchDataCost"/>) are too noisy on a busy machine to tell a change to one module apart.
/// </summary>
[MemoryDiagnoser]
public class SearchPipelineCost
{
    private SiteInputs _inputs = null!;
    private SiteRun _run = null!;
    private Synonyms _synonyms = null!;
    private IReadOnlyList<Document> _documents = [];

    [GlobalSetup]
    public void Setup()
    {
        _inputs = SearchDataCost.LoadInputs();
        _run = SiteBuilder.Run(_inputs, new MemoryOutput(), BuildCache.None);
        if (!_run.Result.Succeeded)
            throw new InvalidOperationException(string.Join("\n", _run.Result.Diagnostics));
        _synonyms = Synonyms.Read(NewContext());
        _documents = new ListPagesToSearch().Execute([], Context());
    }

    private BuildContext NewContext() =>
        new(_inputs.Options, _inputs.Settings!, new DiagnosticBag(), new MemoryOutput(), _inputs.Input, _inputs.Theme);

    /// <summary>A context with the site model and the synonyms, read once in the setup: no file is read while a
    /// benchmark is timed.</summary>
    private BuildContext Context()
    {
        var context = NewContext();
        context.Set(Products.Site, _run.Site!);
        context.Set(Products.Synonyms, _synonyms);
        return context;
    }

    [Benchmark]
    public int WordPlaces()
    {
        var (module, context) = (new ExtractPageSearch(), Context());
        module.Prepare(_documents, context);
        var places = 0;
        foreach (var document in _documents)
        {
            document.Search = null;
            module.Process(document, context);
            places += document.Search!.Words.Length;
        }
        return places;
    }

    [Benchmark]
    public int Index()
    {
        if (_documents[0].Search == null)
            WordPlaces();
        var context = Context();
        new WriteSearchIndex().Execute(_documents, context);
        return context.Get(Products.Search).WordFiles.Count;
    }
}
