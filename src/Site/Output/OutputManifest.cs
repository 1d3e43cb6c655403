using System.Text;
using Site.Files;

namespace Site.Output;

/// <summary>
/// The list of files a build wrote, kept in the output folder. It is how the generator proves a folder is its
/// own: it replaces an existing folder only when every file there is on the list (or there are none), so a
/// person's files, or a folder named by mistake, are never deleted.
/// </summary>
public static class OutputManifest
{
    public const string FileName = ".site-manifest";
    private const string Header = "# Written by the site generator. It replaces this folder only while every file in it is listed here.";

    public static void Write(string folder, IEnumerable<string> files)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var file in files.Order(StringComparer.Ordinal))
            text.Append(file).Append('\n');
        File.WriteAllText(Path.Combine(folder, FileName), text.ToString(), new UTF8Encoding(false));
    }

    /// <summary>Null when the generator may replace <paramref name="folder"/>; otherwise why not, for the writer.</summary>
    public static string? WhyNotOurs(string folder)
    {
        if (!Directory.Exists(folder))
            return null;
        var walk = FileWalk.Walk(folder, _ => true);
        if (walk.Problem != null)
            return $"it could not be looked through ({walk.Problem})";
        var files = walk.Entries.Where(e => e.Entry is not DirectoryInfo || FileWalk.IsLink(e.Entry)).Select(e => e.RelativePath).ToList();
        if (files.Count == 0)
            return null;
        var listed = Listed(folder);
        if (listed == null)
            return $"it holds files this generator did not write, such as {Examples(files)}, and no {FileName} listing what it wrote";
        var strangers = files.Where(f => f != FileName && !listed.Contains(f)).ToList();
        return strangers.Count == 0 ? null : $"it holds files this generator did not write: {Examples(strangers)}";
    }

    private static HashSet<string>? Listed(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var info = new FileInfo(path);
        if (!info.Exists || info.LinkTarget != null || info.Length > 64 * 1024 * 1024)
            return null;
        var lines = File.ReadAllLines(path);
        return lines.Length > 0 && lines[0] == Header ? lines.Skip(1).ToHashSet(StringComparer.Ordinal) : null;
    }

    private static string Examples(List<string> files)
    {
        var shown = string.Join(", ", files.Order(StringComparer.Ordinal).Take(3));
        return files.Count > 3 ? $"{shown} and {files.Count - 3:N0} more" : shown;
    }
}
