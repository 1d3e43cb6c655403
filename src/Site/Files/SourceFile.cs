using Site.Pipelines;

namespace Site.Files;

/// <summary>A regular file below an input or theme folder, as a scan found it.</summary>
/// <param name="RelativePath">Relative to the scanned folder, with forward slashes.</param>
/// <param name="Modified">When it was last written: with the length, how the preview tells a changed file.</param>
public sealed record SourceFile(string FullPath, string RelativePath, long Length, DateTime Modified)
{
    public string DisplayPath => BuildOptions.DisplayPath(FullPath);
}
