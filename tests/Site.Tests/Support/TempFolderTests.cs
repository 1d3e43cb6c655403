namespace Site.Tests.Support;

/// <summary>The temporary folder every test works in: unique, and gone afterwards without harming anything outside it.</summary>
public sealed class TempFolderTests
{
    [Fact]
    public void Each_folder_is_new_and_unique_and_gone_when_disposed()
    {
        string first, second;
        using (var a = new TempFolder("site-temp-test-"))
        using (var b = new TempFolder("site-temp-test-"))
        {
            (first, second) = (a.Path, b.Path);
            Assert.NotEqual(first, second);
            Assert.True(Directory.Exists(first) && Directory.Exists(second));
            Assert.Empty(Directory.GetFileSystemEntries(first));
            Assert.StartsWith("site-temp-test-", Path.GetFileName(first));
            Assert.Equal(Path.Combine(first, "x", "y.md"), a.Combine("x", "y.md"));
        }
        Assert.False(Directory.Exists(first));
        Assert.False(Directory.Exists(second));
    }

    [Fact]
    public void Read_only_files_and_folders_are_deleted()
    {
        var folder = new TempFolder("site-temp-test-");
        var locked = folder.Combine("locked");
        var closed = folder.Combine("closed");
        Directory.CreateDirectory(Path.Combine(locked, "inner"));
        Directory.CreateDirectory(closed);
        File.WriteAllText(Path.Combine(locked, "inner", "page.md"), "text");
        File.WriteAllText(Path.Combine(locked, "page.md"), "text");
        File.WriteAllText(Path.Combine(closed, "page.md"), "text");
        File.SetAttributes(Path.Combine(locked, "page.md"), FileAttributes.ReadOnly);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(locked, "inner"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            File.SetUnixFileMode(closed, UnixFileMode.None);
        }

        folder.Dispose();

        Assert.False(Directory.Exists(folder.Path));
    }

    [Fact]
    public void Links_are_removed_without_following_them()
    {
        using var outside = new TempFolder("site-temp-test-");
        var file = outside.Combine("keep.txt");
        var folderOutside = outside.Combine("keep");
        Directory.CreateDirectory(folderOutside);
        File.WriteAllText(file, "keep");
        File.WriteAllText(Path.Combine(folderOutside, "keep.txt"), "keep");
        const UnixFileMode readOnly = UnixFileMode.UserRead | UnixFileMode.UserExecute;
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(folderOutside, readOnly);

        var folder = new TempFolder("site-temp-test-");
        Directory.CreateDirectory(folder.Combine("inside"));
        File.CreateSymbolicLink(folder.Combine("file-link"), file);
        Directory.CreateSymbolicLink(folder.Combine("folder-link"), folderOutside);
        Directory.CreateSymbolicLink(folder.Combine("inside", "loop"), folder.Path);
        File.CreateSymbolicLink(folder.Combine("dangling"), outside.Combine("no-such-file"));

        folder.Dispose();

        Assert.False(Directory.Exists(folder.Path));
        Assert.Equal("keep", File.ReadAllText(file));
        Assert.Equal("keep", File.ReadAllText(Path.Combine(folderOutside, "keep.txt")));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(readOnly, File.GetUnixFileMode(folderOutside)); // not made writable through the link
    }
}
