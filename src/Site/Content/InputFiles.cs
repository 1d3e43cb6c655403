namespace Site.Content;

/// <summary>
/// The files of the input folder that make the site: pages and static files. Settings and the
/// <c>data/</c> folder feed the build but are not published; hidden files are skipped.
/// </summary>
public static class InputFiles
{
    public const string DataFolder = "data";

    public static IEnumerable<(string FullPath, string RelativePath)> Enumerate(string root)
    {
        if (!Directory.Exists(root))
            return [];
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(full => (full, relative: Path.GetRelativePath(root, full).Replace('\\', '/')))
            .Where(f => !IsExcluded(f.relative))
            .OrderBy(f => f.relative, StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsExcluded(string relative) =>
        relative == Settings.SiteSettingsLoader.FileName
        || relative.StartsWith(DataFolder + "/", StringComparison.Ordinal)
        || relative.Split('/').Any(part => part.StartsWith('.'));
}
