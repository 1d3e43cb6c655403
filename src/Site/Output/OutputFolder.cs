using System.Collections.Concurrent;
using System.Text;

namespace Site.Output;

/// <summary>
/// Writes the site into a staging folder beside the real output and swaps it into place only when the
/// whole build succeeded, so a failed build leaves the previous site exactly as it was.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly ConcurrentDictionary<string, ConcurrentBag<string>> _claims = new(StringComparer.Ordinal);
    // Lazy, so a thread that finds a folder being created waits for it rather than writing into nothing.
    private readonly ConcurrentDictionary<string, Lazy<DirectoryInfo>> _directories = new(StringComparer.Ordinal);
    private bool _committed;

    public OutputFolder(string outputDirectory)
    {
        Target = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(Target) ?? throw new ArgumentException("The output folder cannot be a root folder.");
        var name = Path.GetFileName(Target);
        Directory.CreateDirectory(parent);
        Staging = Path.Combine(parent, $".{name}-staging-{Environment.ProcessId}");
        if (Directory.Exists(Staging))
            Directory.Delete(Staging, recursive: true);
        Directory.CreateDirectory(Staging);
    }

    public string Target { get; }
    public string Staging { get; }

    /// <summary>Output paths written by more than one source, with every source that wrote them.</summary>
    public IEnumerable<(string OutputPath, IReadOnlyList<string> Sources)> Conflicts() =>
        _claims.Where(c => c.Value.Count > 1)
               .OrderBy(c => c.Key, StringComparer.Ordinal)
               .Select(c => (c.Key, (IReadOnlyList<string>)c.Value.Distinct().Order(StringComparer.Ordinal).ToList()));

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

    public void Copy(string outputPath, string sourceFile, string source)
    {
        var full = Claim(outputPath, source);
        if (full != null)
            File.Copy(sourceFile, full, overwrite: false);
    }

    /// <summary>Records who writes a path; only the first claimant writes, the rest become a reported conflict.</summary>
    private string? Claim(string outputPath, string source)
    {
        var bag = _claims.GetOrAdd(outputPath, _ => new ConcurrentBag<string>());
        bag.Add(source);
        if (bag.Count > 1)
            return null;
        var full = Path.Combine(Staging, outputPath);
        _ = _directories.GetOrAdd(Path.GetDirectoryName(full)!, dir => new Lazy<DirectoryInfo>(() => Directory.CreateDirectory(dir))).Value;
        return full;
    }

    /// <summary>Replaces the previous output with the staged site.</summary>
    public void Commit()
    {
        var old = Staging.Replace("-staging-", "-previous-");
        if (Directory.Exists(old))
            Directory.Delete(old, recursive: true);
        if (Directory.Exists(Target))
            Directory.Move(Target, old);
        Directory.Move(Staging, Target);
        _committed = true;
        if (Directory.Exists(old))
            Directory.Delete(old, recursive: true);
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Staging))
            Directory.Delete(Staging, recursive: true);
    }
}
