namespace Site.Pipelines;

/// <summary>The folders and switches a build runs with; paths are absolute.</summary>
public sealed record BuildOptions(
    string InputDirectory,
    string ThemeDirectory,
    string OutputDirectory,
    string BasePath,
    DateOnly Today)
{
    /// <summary>A site URL with the base path, e.g. <c>/clinic/aftercare/</c>.</summary>
    public string SiteUrl(string relativeUrl) => BasePath + relativeUrl;

    /// <summary>An absolute URL for sitemaps and canonical links, on the site's address from its settings.</summary>
    public string AbsoluteUrl(string siteAddress, string relativeUrl) => siteAddress.TrimEnd('/') + SiteUrl(relativeUrl);

    /// <summary>Base paths always start and end with a slash, so URLs can be joined by plain concatenation.</summary>
    public static string NormalizeBasePath(string basePath)
    {
        var trimmed = basePath.Trim().Trim('/');
        return trimmed.Length == 0 ? "/" : "/" + trimmed + "/";
    }

    /// <summary>The path a writer sees in an error: relative to the working directory when the file lies below it.</summary>
    public static string DisplayPath(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
        return shown.Replace('\\', '/');
    }
}
