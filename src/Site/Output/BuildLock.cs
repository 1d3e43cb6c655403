namespace Site.Output;

/// <summary>
/// Marks a build's staging folder as in use for as long as the build runs: a lock file beside it, held open
/// exclusively. The operating system lets go of the lock when the process ends, however it ends, so a later
/// build can tell the folders of killed builds (lock free) from those of running ones (lock held) and remove
/// only the first. Process ids are not used: they are reused.
/// </summary>
public sealed class BuildLock : IDisposable
{
    public const string Prefix = "-build-";
    private readonly FileStream _lock;

    private BuildLock(FileStream held, string staging)
    {
        _lock = held;
        Staging = staging;
    }

    /// <summary>The staging folder this lock guards (not yet created).</summary>
    public string Staging { get; }

    /// <summary>Takes a fresh lock for a build writing <paramref name="target"/>.</summary>
    public static BuildLock Take(string target)
    {
        for (var attempt = 1; ; attempt++)
        {
            var staging = StagingFor(target, Guid.NewGuid().ToString("N"));
            try
            {
                return new BuildLock(Open(staging + ".lock", FileMode.CreateNew), staging);
            }
            catch (IOException) when (attempt < 5)
            {
                // Another build's clean-up held the new file for a moment; take another name.
            }
        }
    }

    /// <summary>Removes the staging folders, and their locks, of builds that are no longer running.</summary>
    public static void RemoveStale(string target)
    {
        var parent = Path.GetDirectoryName(target)!;
        var prefix = "." + Path.GetFileName(target) + Prefix;
        if (!Directory.Exists(parent))
            return;
        var ids = Directory.EnumerateFileSystemEntries(parent, prefix + "*")
            .Select(p => Path.GetFileName(p)[prefix.Length..])
            .Where(rest => rest.Length >= 32)
            .Select(rest => rest[..32])
            .Where(id => Guid.TryParseExact(id, "N", out _))
            .Distinct()
            .ToList();
        foreach (var id in ids)
        {
            var staging = StagingFor(target, id);
            FileStream? held = null;
            try
            {
                held = Open(staging + ".lock", FileMode.OpenOrCreate);
            }
            catch (IOException)
            {
                continue; // a running build holds it
            }
            using (held)
            {
                Delete(staging);
                Delete(staging + "-old");
            }
        }
    }

    public static void Delete(string folder)
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    private static string StagingFor(string target, string id) =>
        Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + Prefix + id);

    // FileShare.None is an exclusive lock on the file; DeleteOnClose removes it once let go.
    private static FileStream Open(string path, FileMode mode) =>
        new(path, mode, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);

    public void Dispose() => _lock.Dispose();
}
