using Site.Files;

namespace Site.Output;

/// <summary>
/// Where a build puts the site: a staged folder swapped in on success (<see cref="OutputFolder"/>), or memory, for
/// the preview (<see cref="MemoryOutput"/>). Both refuse a second writer of one path and report it as a conflict.
/// </summary>
public interface ISiteOutput
{
    void Write(string outputPath, string text, string source);
    void Write(string outputPath, byte[] bytes, string source);

    /// <summary>Writes a file through a stream, for files too large to hold whole; <paramref name="size"/> is about how long it will be.</summary>
    void Write(string outputPath, Action<Stream> write, long size, string source);
    void Copy(string outputPath, SourceFile file, string source);

    /// <summary>Output paths written by more than one source, with every source that wrote them.</summary>
    IEnumerable<(string OutputPath, IReadOnlyList<string> Sources)> Conflicts();
}
