using Site.Diagnostics;
using Site.Files;
using Site.Tests.Support;

namespace Site.Tests.Files;

/// <summary>The preview looks again at only the files it saw change, and only while that is the same as a scan.</summary>
public sealed class SourceTreeTests : IDisposable
{
    private readonly TempFolder _folder = new("site-tree-");

    public SourceTreeTests()
    {
        File.WriteAllText(_folder.Combine("a.md"), "a");
        Directory.CreateDirectory(_folder.Combine("care"));
        File.WriteAllText(_folder.Combine("care", "b.md"), "b");
    }

    public void Dispose() => _folder.Dispose();

    private SourceTree Scan() => SourceTree.Scan(_folder.Path, new DiagnosticBag());

    [Fact]
    public void A_changed_file_is_looked_at_again_and_the_tree_is_what_a_scan_finds()
    {
        var before = Scan();
        File.WriteAllText(_folder.Combine("care", "b.md"), "longer text");
        File.WriteAllText(_folder.Combine(".b.md.swp"), "an editor's swap file");
        var after = before.WithChanged([_folder.Combine("care", "b.md"), _folder.Combine(".b.md.swp")]);
        Assert.NotNull(after);
        Assert.Equal(Scan().Files, after.Files);
        Assert.Equal("longer text".Length, after.Find("care/b.md")!.Length);
    }

    public static TheoryData<string> ChangesThatNeedAScan() => ["added", "deleted", "became a link", "a folder"];

    [Theory]
    [MemberData(nameof(ChangesThatNeedAScan))]
    public void Anything_but_a_changed_file_it_holds_calls_for_a_whole_scan(string change)
    {
        var before = Scan();
        var path = _folder.Combine("care", "b.md");
        switch (change)
        {
            case "added":
                path = _folder.Combine("care", "new.md");
                File.WriteAllText(path, "new");
                break;
            case "deleted":
                File.Delete(path);
                break;
            case "became a link":
                File.Delete(path);
                File.CreateSymbolicLink(path, _folder.Combine("a.md"));
                break;
            case "a folder":
                path = _folder.Combine("care");
                break;
        }
        Assert.Null(before.WithChanged([path]));
    }
}
