using System.Collections.Concurrent;
using Site.Diagnostics;
using Site.Files;
using Site.Output;
using Site.Pipelines;
using Site.Settings;
using Site.Tests.Support;

namespace Site.Tests.Pipelines;

public sealed class PipelineRunnerTests : IDisposable
{
    private readonly TempFolder _root = new("site-runner-");
    private readonly OutputFolder _output;
    private readonly BuildContext _context;

    public PipelineRunnerTests()
    {
        _output = new OutputFolder(_root.Combine("out"));
        var settings = new SiteSettings("t", "d", "en", "https://x", new ClinicDetails("n", "e", "p", "a"), new PhoneNumbers("1", "2"), [], []);
        _context = new BuildContext(new BuildOptions(_root.Path, _root.Path, _root.Combine("out"), "/", new DateOnly(2026, 1, 1)), settings, new DiagnosticBag(), _output,
            SourceTree.Scan(_root.Path, new DiagnosticBag()), SourceTree.Scan(_root.Path, new DiagnosticBag()));
    }

    public void Dispose()
    {
        _output.Dispose();
        _root.Dispose();
    }

    private sealed class Create(int count) : IModule
    {
        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context) =>
            Enumerable.Range(0, count).Select(i => new Document($"/{i}", $"{i}.md")).ToArray();
    }

    private sealed class Append(string step, ConcurrentQueue<string>? log = null) : DocumentModule
    {
        public override void Process(Document document, BuildContext context)
        {
            document.Text += step;
            log?.Enqueue(step);
        }
    }

    private static readonly Product<IReadOnlyList<string>> First = new("first");
    private static readonly Product<IReadOnlyList<string>> Middle = new("middle");
    private static readonly Product<IReadOnlyList<string>> Texts = new("texts");

    /// <summary>Logs its name after a pause (so a pipeline that did not wait would log first), and passes on what it read.</summary>
    private sealed class Record(ConcurrentQueue<string> log, string name, Product<IReadOnlyList<string>>? reads, Product<IReadOnlyList<string>>? makes) : IModule
    {
        public IReadOnlyList<IProduct> Reads => reads == null ? [] : [reads];
        public IReadOnlyList<IProduct> Makes => makes == null ? [] : [makes];

        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
        {
            Thread.Sleep(20);
            log.Enqueue(name);
            var seen = reads == null ? [] : context.Get(reads);
            if (makes != null)
                context.Set(makes, [.. seen, name]);
            return documents;
        }
    }

    /// <summary>Makes a product of the documents' texts.</summary>
    private sealed class Collect : IModule
    {
        public IReadOnlyList<IProduct> Makes => [Texts];

        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
        {
            context.Set(Texts, documents.Select(d => d.Text).ToList());
            return documents;
        }
    }

    [Fact]
    public void Per_document_modules_run_in_order_on_every_document()
    {
        var pipeline = new Pipeline("p", new Create(500), new Append("a"), new Append("b"), new Append("c"), new Collect());
        PipelineRunner.Run([pipeline], _context);
        Assert.True(_context.TryGet(Texts, out var texts));
        Assert.Equal(500, texts.Count);
        Assert.All(texts, t => Assert.Equal("abc", t));
    }

    [Fact]
    public void A_pipeline_runs_after_the_pipelines_that_make_what_it_reads()
    {
        var log = new ConcurrentQueue<string>();
        PipelineRunner.Run(
        [
            new Pipeline("last", new Record(log, "last", Middle, Texts)),
            new Pipeline("middle", new Record(log, "middle", First, Middle)),
            new Pipeline("first", new Record(log, "first", null, First)),
        ], _context);
        Assert.Equal(["first", "middle", "last"], log);
        Assert.True(_context.TryGet(Texts, out var seen));
        Assert.Equal(["first", "middle", "last"], seen);
    }

    public static TheoryData<string, Pipeline[]> WrongDefinitions(ConcurrentQueue<string> log) => new()
    {
        { "a cycle", [new Pipeline("a", new Record(log, "a", Middle, First)), new Pipeline("b", new Record(log, "b", First, Middle))] },
        { "a product nobody makes", [new Pipeline("a", new Record(log, "a", Middle, First))] },
        { "a product made twice", [new Pipeline("a", new Record(log, "a", null, First)), new Pipeline("b", new Record(log, "b", null, First))] },
    };

    [Fact]
    public void A_wrong_definition_is_refused_before_anything_runs()
    {
        var log = new ConcurrentQueue<string>();
        foreach (var (name, pipelines) in WrongDefinitions(log).Select(row => ((string)row[0], (Pipeline[])row[1])))
        {
            var error = Assert.Throws<InvalidOperationException>(() => PipelineRunner.Run(pipelines, _context));
            Assert.True(log.IsEmpty, $"{name}: a module ran before the definition was refused ({error.Message})");
        }
    }

    /// <summary>Reads a product it did not declare.</summary>
    private sealed class Sneak : IModule
    {
        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
        {
            _ = context.Get(First);
            return documents;
        }
    }

    [Fact]
    public void Reading_an_undeclared_product_fails_even_when_it_is_there()
    {
        var log = new ConcurrentQueue<string>();
        var error = Assert.Throws<AggregateException>(() => PipelineRunner.Run(
            [new Pipeline("first", new Record(log, "first", null, First)), new Pipeline("sneak", new Record(log, "wait", First, null), new Sneak())], _context));
        Assert.Contains("without declaring it", error.Flatten().InnerExceptions.Single().Message);
    }
}
