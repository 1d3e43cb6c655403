using BenchmarkDotNet.Attributes;
using Site.Markdown;
using Site.Search;

namespace Site.Benchmarks;

/// <summary>
/// The word pass the search data makes over every block of every page, on one thread: splitting the text into
/// words, and looking each word up (its stem's number, whether it is a stop word), in two passes as
/// <see cref="Words.Spans"/> and <see cref="WordTable.Of"/> do, and in the one pass the build makes
/// (<see cref="WordTable.Entries"/>).
/// </summary>
[MemoryDiagnoser]
public class WordPassCost
{
    private string[] _blocks = [];

    [GlobalSetup]
    public void Setup()
    {
        var markdown = MarkdownPipelineFactory.Create();
        var blocks = new List<string>();
        foreach (var file in Directory.EnumerateFiles(SearchDataCost.Corpus, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(1000))
        {
            var text = PageText.Read(Markdig.Markdown.Parse(File.ReadAllText(file), markdown), Path.GetRelativePath(SearchDataCost.Corpus, file).Replace('\\', '/'), "", "");
            blocks.AddRange(text.Blocks.Select(b => text[b.Text].ToString()));
        }
        _blocks = [.. blocks];
    }

    [Benchmark(Baseline = true)]
    public int Split()
    {
        var words = 0;
        foreach (var block in _blocks)
            foreach (var _ in Words.Spans(block))
                words++;
        return words;
    }

    [Benchmark]
    public int SplitAndLookUp()
    {
        var stems = 0;
        foreach (var block in _blocks)
            foreach (var word in Words.Spans(block))
                stems += WordTable.Of(word).StemId;
        return stems;
    }

    [Benchmark]
    public int SplitAndLookUpInOnePass()
    {
        var stems = 0;
        foreach (var block in _blocks)
            foreach (var entry in WordTable.Entries(block))
                stems += entry.StemId;
        return stems;
    }
}
