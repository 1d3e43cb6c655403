namespace Site.Files;

/// <summary>A path with every symbolic link in it followed, as far as the path exists; the rest is kept as written.</summary>
public static class RealPath
{
    private const int MaxLinks = 40;

    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var parts = new Queue<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        var current = root;
        var links = 0;
        while (parts.Count > 0)
        {
            var next = Path.Combine(current, parts.Dequeue());
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget != null && links++ < MaxLinks)
            {
                FileSystemInfo? target;
                try { target = info.ResolveLinkTarget(returnFinalTarget: true); }
                catch (IOException) { target = null; } // a loop: keep the path as it is
                if (target != null)
                {
                    // The target may hold links of its own; resolve it from its root again.
                    var rest = parts.ToArray();
                    var resolved = Path.GetFullPath(target.FullName);
                    var resolvedRoot = Path.GetPathRoot(resolved)!;
                    parts = new Queue<string>(resolved[resolvedRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(rest));
                    current = resolvedRoot;
                    continue;
                }
            }
            current = next;
        }
        return current;
    }
}
