using System.Collections.Concurrent;
using System.Text;
using Site.Files;

namespace Site.Output;

/// <summary>
/// Writes the site into a staging folder beside the real output and swaps it into place only when the whole
/// build succeeded, so a failed build leaves the previous site exactly as it was, and the output path never
/// lacks a complete site. Staging folders of builds that were killed are removed by the next build.
/// </summary>
public sealed class OutputFolder : ISiteOutput, IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly OutputClaims _claims = new();
    // Lazy, so a thread that finds a folder being created waits for it rather than writing into nothing.
    private readonly ConcurrentDictionary<string, Lazy<DirectoryInfo>> _directories = new(StringComparer.Ordinal);
    private readonly BuildLock _lock;
    private bool _committed;

    public OutputFolder(string outputDirectory)
    {
        Target = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(Target) ?? throw new ArgumentException("The output folder cannot be a root folder.");
        Directory.CreateDirectory(parent);
        BuildLock.RemoveStale(Target);
        _lock = BuildLock.Take(Target);
        Staging = _lock.Staging;
        Directory.CreateDirectory(Staging);
    }

    public string Target { get; }
    public string Staging { get; }

    public IEnumerable<(string OutputPath, IReadOnlyList<string> Sources)> Conflicts() => _claims.Conflicts();

    public void Write(string outputPath, string text, string source)
    {
        var full = Claim(outputPath, source);
        if (full != null)
            File.WriteAllText(full, text, Utf8);
    }

    public void Write(string outputPath, byte[] bytes, string source)
    {
        var full = Claim(outputPath, source);
        if (full != null)
            File.WriteAllBytes(full, bytes);
    }

    public void Write(string outputPath, IReadOnlyList<byte[]> pieces, string source)
    {
        var full = Claim(outputPath, source);
        if (full == null)
            return;
        using var stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        foreach (var piece in pieces)
            stream.Write(piece);
    }

    public void Copy(string outputPath, SourceFile file, string source)
    {
        var full = Claim(outputPath, source);
        if (full == null)
            return;
        // An empty file is written, not copied: a device or pipe also reports a size of 0 and is never opened.
        if (file.Length == 0)
            File.WriteAllBytes(full, []);
        else
            File.Copy(file.FullPath, full, overwrite: false);
    }

    /// <summary>The full path to write to, with its folder made; null when another source has the path.</summary>
    private string? Claim(string outputPath, string source)
    {
        if (!_claims.Claim(outputPath, source))
            return null;
        var full = Path.Combine(Staging, outputPath);
        _ = _directories.GetOrAdd(Path.GetDirectoryName(full)!, dir => new Lazy<DirectoryInfo>(() => Directory.CreateDirectory(dir))).Value;
        return full;
    }

    /// <summary>Replaces the previous output with the staged site.</summary>
    /// <exception cref="OutputRefusedException">The output folder holds files this generator did not write.</exception>
    public void Commit()
    {
        OutputManifest.Write(Staging, _claims.Paths);
        // Checked again at the last moment: someone may have put files there while the site was built.
        if (OutputRules.NotOurs(Target) is { } refused)
            throw new OutputRefusedException(refused);
        var previous = AtomicSwap.Replace(Target, Staging);
        _committed = true;
        if (previous != null)
            BuildLock.Delete(previous);
    }

    public void Dispose()
    {
        try
        {
            if (!_committed)
                BuildLock.Delete(Staging);
        }
        finally
        {
            _lock.Dispose();
        }
    }
}

public sealed class OutputRefusedException(string message) : Exception(message);
