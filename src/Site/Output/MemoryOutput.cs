using System.Collections.Frozen;
using System.Text;
using Site.Files;

namespace Site.Output;

/// <summary>
/// A built site held in memory, for the preview: it is served from here, so a preview never writes into the
/// output folder. Files copied from a previous build that have not changed are taken from it, not read again, and
/// a file written in pieces is kept in its pieces: the search data is the pages' own pieces, shared, never joined.
/// </summary>
public sealed class MemoryOutput(MemoryOutput? previous = null) : ISiteOutput
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly OutputClaims _claims = new();
    // Written from several pipelines at once, read once the build is done; plain dictionaries under a lock, which
    // unlike concurrent ones do not allocate for each of a preview's thousands of files on every save.
    private readonly Dictionary<string, IReadOnlyList<byte[]>> _files = new(previous?._files.Count ?? 0, StringComparer.Ordinal);
    private readonly Dictionary<string, SourceFile> _copied = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Write(string outputPath, string text, string source) => Write(outputPath, Pinned(text), source);

    // A preview holds every page's HTML for as long as it runs: on the pinned heap, which the garbage collector sweeps
    // but never compacts, it is not copied about on every full collection (a pause the writer would wait for).
    private static byte[] Pinned(string text)
    {
        var bytes = GC.AllocateUninitializedArray<byte>(Utf8.GetByteCount(text), pinned: true);
        Utf8.GetBytes(text, bytes);
        return bytes;
    }

    public void Write(string outputPath, byte[] bytes, string source) => Write(outputPath, [bytes], source);

    public void Write(string outputPath, IReadOnlyList<byte[]> pieces, string source)
    {
        if (_claims.Claim(outputPath, source))
            lock (_gate)
                _files[outputPath] = pieces;
    }

    public void Copy(string outputPath, SourceFile file, string source)
    {
        if (!_claims.Claim(outputPath, source))
            return;
        IReadOnlyList<byte[]> bytes = previous != null && previous._copied.TryGetValue(outputPath, out var before) && before == file
            ? previous._files[outputPath]
            : [file.Length == 0 ? [] : File.ReadAllBytes(file.FullPath)];
        lock (_gate)
        {
            _files[outputPath] = bytes;
            _copied[outputPath] = file;
        }
    }

    public IEnumerable<(string OutputPath, IReadOnlyList<string> Sources)> Conflicts() => _claims.Conflicts();

    /// <summary>The finished site: each output path with its bytes.</summary>
    public FrozenDictionary<string, byte[]> Files() => _files.ToFrozenDictionary(f => f.Key, f => Join(f.Value), StringComparer.Ordinal);

    /// <summary>A file's bytes; joined from its pieces if it was written in pieces.</summary>
    public byte[]? Find(string outputPath) => _files.TryGetValue(outputPath, out var pieces) ? Join(pieces) : null;

    /// <summary>A file as it was written, in its pieces, to send without joining them.</summary>
    public IReadOnlyList<byte[]>? Pieces(string outputPath) => _files.GetValueOrDefault(outputPath);

    private static byte[] Join(IReadOnlyList<byte[]> pieces) => pieces.Count == 1 ? pieces[0] : [.. pieces.SelectMany(p => p)];

    /// <summary>Whether a folder of the site holds this path (<c>assets</c>, <c>care/aftercare</c>); asked once the site is built.</summary>
    public bool IsFolder(string path) => (_folders ??= Folders()).Contains(path);

    // Made on the first question; two threads asking at once both make the same set.
    private FrozenSet<string>? _folders;

    private FrozenSet<string> Folders() => _files.Keys
        .SelectMany(k => Enumerable.Range(0, k.Length).Where(i => k[i] == '/').Select(i => k[..i]))
        .ToFrozenSet(StringComparer.Ordinal);
}
