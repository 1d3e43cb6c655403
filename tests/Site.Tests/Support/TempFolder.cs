namespace Site.Tests.Support;

/// <summary>
/// A folder of a test's own under the system's temporary folder, with a unique name, deleted with everything in it
/// when disposed. Deleting never follows a symbolic link (the link goes, what it points to stays), and read-only
/// files and folders, which tests make to prove the build copes with them, do not stop it.
/// </summary>
public sealed class TempFolder : IDisposable
{
    /// <param name="prefix">The start of the folder's name, saying which tests made it (e.g. <c>site-fixture-</c>).</param>
    public TempFolder(string prefix = "site-test-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>A path inside the folder; nothing is created.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public override string ToString() => Path;

    /// <summary>
    /// Deletes the folder. A process a test started may still be writing in it for a moment (a killed build's last
    /// file), so a failure is tried again a few times; after that the folder is left for the system to clear, since
    /// cleaning up is not what any test is testing.
    /// </summary>
    public void Dispose()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Delete(Path);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException && attempt < 5)
            {
                Thread.Sleep(100 * attempt);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Deletes <paramref name="path"/> and everything under it. A symbolic link is removed itself, never entered, and
    /// nothing is ever changed through one; a folder this process cannot write or list is given its owner's rights first.
    /// </summary>
    public static void Delete(string path)
    {
        var entry = new DirectoryInfo(path);
        if (entry.LinkTarget != null || !entry.Exists)
        {
            DeleteEntry(path);
            return;
        }
        MakeWritable(entry);
        foreach (var child in entry.EnumerateFileSystemInfos())
        {
            if (child is DirectoryInfo && child.LinkTarget == null)
                Delete(child.FullName);
            else
                DeleteEntry(child.FullName);
        }
        entry.Delete();
    }

    /// <summary>Removes a file, a link (to a file or a folder), a pipe or another special file; nothing if it is gone.</summary>
    private static void DeleteEntry(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget == null && !info.Exists)
            return; // gone, or a folder that vanished meanwhile
        if (info.LinkTarget == null && info.Attributes.HasFlag(FileAttributes.ReadOnly))
            info.Attributes &= ~FileAttributes.ReadOnly; // Windows refuses to delete read-only files; Unix never looks
        try
        {
            File.Delete(path); // unlink: removes a link itself, whatever it points to
        }
        catch (UnauthorizedAccessException) when (info.Attributes.HasFlag(FileAttributes.Directory))
        {
            Directory.Delete(path); // Windows: a link to a folder is removed as a folder, without entering it
        }
    }

    /// <summary>Gives a real folder (never a link's target) its owner's read, write and search rights, so its entries can be removed.</summary>
    private static void MakeWritable(DirectoryInfo folder)
    {
        if (OperatingSystem.IsWindows())
        {
            if (folder.Attributes.HasFlag(FileAttributes.ReadOnly))
                folder.Attributes &= ~FileAttributes.ReadOnly;
            return;
        }
        const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        if ((folder.UnixFileMode & owner) != owner)
            folder.UnixFileMode |= owner;
    }
}
