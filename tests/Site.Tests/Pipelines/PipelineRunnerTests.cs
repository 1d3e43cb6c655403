using System.Collections.Concurrent;
using Site.Diagnostics;
using Site.Files;
using Site.Output;
using Site.Pipelines;
using Site.Settings;

namespace Site.Tests.Pipelines;

public sealed class PipelineRunnerTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "site-runner-" + Guid.NewGuid().ToString("N"));
    private readonly OutputFolder _output;
    private readonly BuildContext _context;

    public PipelineRunnerTests()
    {
        _output = new OutputFolder(Path.Combine(_root, "out"));
        var settings = new SiteSettings("t", "d", "en", "https://x", new ClinicDetails("n", "e", "p", "a"), new PhoneNumbers("1", "2"), []);
        _context = new BuildContext(new BuildOptions(_root, _root, Path.Combine(_root, "out"), "/", new DateOnly(2026, 1, 1)), settings, new DiagnosticBag(), _output,
            SourceTree.Scan(_root, new DiagnosticBag()), SourceTree.Scan(_root, new DiagnosticBag()));
    }

    public void Dispose()
    {
        _output.Dispose();
        Directory.Delete(_root, recursive: true);
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

    private sealed class Record(ConcurrentQueue<string> log, string name) : IModule
    {
        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
        {
            Thread.Sleep(20);
            log.Enqueue(name);
            return documents;
        }
    }

    [Fact]
    public void Per_document_modules_run_in_order_on_every_document()
    {
        var pipeline = new Pipeline("p", new Create(500), new Append("a"), new Append("b"), new Append("c"));
        PipelineRunner.Run([pipeline], _context);
        var docs = _context.OutputsOf("p");
        Assert.Equal(500, docs.Count);
        Assert.All(docs, d => Assert.Equal("abc", d.Text));
    }

    [Fact]
    public void A_pipeline_runs_after_the_ones_it_depends_on_and_sees_their_documents()
    {
        var log = new ConcurrentQueue<string>();
        PipelineRunner.Run(
        [
            new Pipeline("last", ["middle"], [new Record(log, "last"), new FromPipeline("first")]),
            new Pipeline("middle", ["first"], [new Record(log, "middle")]),
            new Pipeline("first", new Create(3), new Record(log, "first")),
        ], _context);
        Assert.Equal(["first", "middle", "last"], log);
        Assert.Equal(3, _context.OutputsOf("last").Count);
    }

    [Fact]
    public void A_cycle_or_unknown_dependency_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => PipelineRunner.Run(
            [new Pipeline("a", ["b"], []), new Pipeline("b", ["a"], [])], _context));
        Assert.Throws<InvalidOperationException>(() => PipelineRunner.Run(
            [new Pipeline("a", ["missing"], [])], _context));
    }
}
