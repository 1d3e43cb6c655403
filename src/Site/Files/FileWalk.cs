namespace Site.Files;

/// <summary>
/// Walks a folder without ever following a symbolic link: a link is listed as an entry of its own and never
/// entered, so no link can lead the walk outside the folder or round in a loop. Depth and count are bounded.
/// </summary>
public static class FileWalk
{
    public const int MaxDepth = 32;
    public const int MaxEntries = 200_000;

    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        ReturnSpecialDirectories = false,
    };

    /// <param name="Entries">Each entry with its path relative to the root (forward slashes), in walk order.</param>
    /// <param name="Problem">Why the walk stopped early, with the relative path it stopped at; null when it finished.</param>
    public sealed record Result(IReadOnlyList<(FileSystemInfo Entry, string RelativePath)> Entries, string? Problem, string? ProblemPath);

    /// <param name="enter">Whether to walk into a folder, given its relative path.</param>
    public static Result Walk(string root, Func<string, bool> enter)
    {
        var entries = new List<(FileSystemInfo, string)>();
        var folders = new Stack<(DirectoryInfo Folder, string Relative, int Depth)>();
        folders.Push((new DirectoryInfo(root), "", 0));
        while (folders.Count > 0)
        {
            var (folder, relative, depth) = folders.Pop();
            FileSystemInfo[] children;
            try
            {
                children = folder.GetFileSystemInfos("*", OneLevel);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new Result(entries, $"the folder cannot be read: {e.Message}", relative);
            }
            foreach (var entry in children)
            {
                var path = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                if (entries.Count == MaxEntries)
                    return new Result(entries, $"there are more than {MaxEntries:N0} files and folders", path);
                entries.Add((entry, path));
                if (entry is not DirectoryInfo sub || IsLink(entry) || !enter(path))
                    continue;
                if (depth + 1 >= MaxDepth)
                    return new Result(entries, $"folders are nested more than {MaxDepth} deep", path);
                folders.Push((sub, path, depth + 1));
            }
        }
        return new Result(entries, null, null);
    }

    /// <summary>A symbolic link; its target is only asked for when the enumeration already marked it as one.</summary>
    public static bool IsLink(FileSystemInfo entry) =>
        entry.Attributes.HasFlag(FileAttributes.ReparsePoint) && entry.LinkTarget != null;
}
