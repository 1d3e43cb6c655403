using Site.Files;

namespace Site.Content;

/// <summary>
/// Which files of the input folder make the site: pages, and static files copied as they are. Settings and the
/// <c>data/</c> folder feed the build but are not published.
/// </summary>
public static class InputFiles
{
    public const string DataFolder = "data";

    public static IEnumerable<SourceFile> Pages(SourceTree input) =>
        input.Files.Where(f => IsPublished(f) && IsPage(f.RelativePath));

    public static IEnumerable<SourceFile> StaticFiles(SourceTree input) =>
        input.Files.Where(f => IsPublished(f) && !IsPage(f.RelativePath));

    public static bool IsPage(string relative) => relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    private static bool IsPublished(SourceFile file) => IsPublished(file.RelativePath);

    /// <summary>Whether a path of the input folder is published (a page or a static file), not read by the whole build.</summary>
    public static bool IsPublished(string relative) =>
        relative != Settings.SiteSettingsLoader.FileName
        && !relative.StartsWith(DataFolder + "/", StringComparison.Ordinal);
}
