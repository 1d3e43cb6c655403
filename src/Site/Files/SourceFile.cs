using Site.Pipelines;

namespace Site.Files;

/// <summary>A regular file below an input or theme folder, as a scan found it.</summary>
/// <param name="RelativePath">Relative to the scanned folder, with forward slashes.</param>
public sealed record SourceFile(string FullPath, string RelativePath, long Length)
{
    public string DisplayPath => BuildOptions.DisplayPath(FullPath);
}
