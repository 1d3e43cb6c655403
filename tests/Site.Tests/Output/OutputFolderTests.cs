using Site.Output;
using Site.Tests.Support;

namespace Site.Tests.Output;

public sealed class OutputFolderTests : IDisposable
{
    private readonly TempFolder _root = new("site-output-");

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Many_files_written_at_once_into_new_folders_all_arrive()
    {
        using var output = new OutputFolder(_root.Combine("out"));
        // Many writers racing into the same few new folders: each must find its folder there.
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            output.Write($"f{i % 7}/g{i % 3}/file{i}.txt", $"{i}", $"source {i}"));
        output.Commit();
        Assert.Equal(2000, Directory.GetFiles(_root.Combine("out"), "*.txt", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void Two_sources_for_one_path_are_a_conflict_naming_both()
    {
        using var output = new OutputFolder(_root.Combine("out"));
        output.Write("a/index.html", "one", "input/b.md");
        output.Write("a/index.html", "two", "input/a.md");
        var (path, sources) = Assert.Single(output.Conflicts());
        Assert.Equal("a/index.html", path);
        Assert.Equal(["input/a.md", "input/b.md"], sources);
    }
}
