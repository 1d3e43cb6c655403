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

    /// <summary>Writes a file made of pieces, one after the other, for files too large to join in memory.</summary>
    void Write(string outputPath, IReadOnlyList<byte[]> pieces, string source);
    void Copy(string outputPath, SourceFile file, string source);

    /// <summary>Output paths written by more than one source, with every source that wrote them.</summary>
    IEnumerable<(string OutputPath, IReadOnlyList<string> Sources)> Conflicts();
}
