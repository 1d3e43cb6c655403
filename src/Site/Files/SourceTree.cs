using Site.Diagnostics;
using Site.Pipelines;

namespace Site.Files;

/// <summary>
/// The files of an input or theme folder, found once per build. Symbolic links are refused, not followed:
/// a pull request can carry a link to any file on the build machine (its environment, its keys), and only what
/// is really inside the folder may be published. Hidden files and folders are skipped.
/// </summary>
public sealed class SourceTree
{
    private readonly Dictionary<string, SourceFile> _files;
    private readonly HashSet<string> _refused;

    private SourceTree(string root, List<SourceFile> files, HashSet<string> refused, Dictionary<string, SourceFile>? byPath = null)
    {
        Root = root;
        Files = files;
        _files = byPath ?? files.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
        _refused = refused;
    }

    public string Root { get; }

    /// <summary>Every regular file, in a stable order.</summary>
    public IReadOnlyList<SourceFile> Files { get; }

    public SourceFile? Find(string relativePath) => _files.GetValueOrDefault(relativePath);

    /// <summary>How to name a path of this folder in an error, whether or not the file is there.</summary>
    public string DisplayPathOf(string relativePath) => BuildOptions.DisplayPath(Path.Combine(Root, relativePath));

    /// <summary>True when the path is there but was refused (a link), so it has been reported already.</summary>
    public bool IsRefused(string relativePath) => _refused.Contains(relativePath);

    /// <summary>The files below a folder (<paramref name="prefix"/> ending in '/') or at one path, in order; found by
    /// binary search in the sorted list, since the preview asks on every save.</summary>
    public IEnumerable<SourceFile> StartingWith(string prefix)
    {
        var (low, high) = (0, Files.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(Files[middle].RelativePath, prefix) < 0)
                low = middle + 1;
            else
                high = middle;
        }
        for (var i = low; i < Files.Count && Files[i].RelativePath.StartsWith(prefix, StringComparison.Ordinal); i++)
            yield return Files[i];
    }

    /// <summary>The files below a sub-folder, with paths relative to that sub-folder.</summary>
    public IEnumerable<SourceFile> Under(string folder) =>
        Files.Where(f => f.RelativePath.StartsWith(folder + "/", StringComparison.Ordinal))
             .Select(f => f with { RelativePath = f.RelativePath[(folder.Length + 1)..] });

    /// <summary>
    /// This tree with the given files looked at again, for the preview: null unless each is a regular file the tree
    /// already holds (or hidden, which a scan skips), so anything added, removed, renamed or turned into a link calls
    /// for a whole scan.
    /// </summary>
    public SourceTree? WithChanged(IEnumerable<string> fullPaths)
    {
        var files = new Dictionary<string, SourceFile>(_files, StringComparer.Ordinal);
        var changed = false;
        foreach (var path in fullPaths)
        {
            var relative = Path.GetRelativePath(Root, path).Replace('\\', '/');
            if (IsHidden(relative))
                continue; // a scan skips it too: editors' swap files change with every keystroke
            var file = new FileInfo(path);
            if (!files.ContainsKey(relative) || !file.Exists || FileWalk.IsLink(file))
                return null;
            files[relative] = files[relative] with { Length = file.Length, Modified = file.LastWriteTimeUtc };
            changed = true;
        }
        // Unchanged files stay the very records they were, which is how later stages tell them quickly.
        return changed ? new SourceTree(Root, Files.Select(f => files[f.RelativePath]).ToList(), _refused, files) : this;
    }

    public static SourceTree Scan(string root, DiagnosticBag diagnostics)
    {
        var files = new List<SourceFile>();
        var refused = new HashSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
            return new SourceTree(root, files, refused);
        var walk = FileWalk.Walk(root, folder => !IsHidden(folder));
        foreach (var (entry, relative) in walk.Entries.Where(e => !IsHidden(e.RelativePath)))
        {
            if (FileWalk.IsLink(entry))
            {
                var target = entry.LinkTarget;
                refused.Add(relative);
                diagnostics.Error(Codes.UnreadableFile, BuildOptions.DisplayPath(entry.FullName), 1, 1,
                    $"this is a symbolic link (to {target}); links are not followed, so nothing outside the folder can be published",
                    "replace the link with a copy of the file it points to");
            }
            else if (entry is FileInfo file)
            {
                files.Add(new SourceFile(file.FullName, relative, file.Length, file.LastWriteTimeUtc));
            }
        }
        if (walk.Problem != null)
            diagnostics.Error(Codes.UnreadableFile, BuildOptions.DisplayPath(Path.Combine(root, walk.ProblemPath ?? "")), 1, 1,
                $"the folder was not read to the end: {walk.Problem}", "remove what should not be there, or keep the folder smaller");
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return new SourceTree(root, files, refused);
    }

    private static bool IsHidden(string relative) => relative.Split('/').Any(part => part.StartsWith('.'));
}
