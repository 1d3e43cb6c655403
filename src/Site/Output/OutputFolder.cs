using System.Collections.Concurrent;
using System.Text;
using Site.Files;

namespace Site.Output;

/// <summary>
/// Writes the site into a staging folder beside the real output and swaps it into place only when the whole
/// build succeeded, so a failed build leaves the previous site exactly as it was, and the output path never
/// lacks a complete site. Staging folders of builds that were killed are removed by the next build.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    // Who writes each path, and each folder a written file needs with the first source that needed it (a file may
    // not take a folder's name); both kept under one lock, since a claim reads and changes them together.
    private readonly Dictionary<string, List<string>> _claims = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _folders = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
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

    /// <summary>Output paths written by more than one source, with every source that wrote them.</summary>
    public IEnumerable<(string OutputPath, IReadOnlyList<string> Sources)> Conflicts()
    {
        lock (_gate)
            return _claims.Where(c => c.Value.Count > 1)
                .OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => (c.Key, (IReadOnlyList<string>)c.Value.Distinct().Order(StringComparer.Ordinal).ToList()))
                .ToList();
    }

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

    /// <summary>
    /// Records who writes a path; only the first claimant writes, the rest become a reported conflict. So does a
    /// file whose name another file needs as a folder (<c>aftercare</c> beside <c>aftercare/index.html</c>).
    /// </summary>
    private string? Claim(string outputPath, string source)
    {
        lock (_gate)
        {
            if (_claims.TryGetValue(outputPath, out var sources))
            {
                sources.Add(source);
                return null;
            }
            sources = [source];
            _claims[outputPath] = sources;
            if (_folders.TryGetValue(outputPath, out var needsFolder))
            {
                sources.Add(needsFolder);
                return null;
            }
            for (var slash = outputPath.IndexOf('/'); slash > 0; slash = outputPath.IndexOf('/', slash + 1))
            {
                var folder = outputPath[..slash];
                _folders.TryAdd(folder, source);
                if (_claims.TryGetValue(folder, out var file))
                {
                    file.Add(source);
                    return null;
                }
            }
        }
        var full = Path.Combine(Staging, outputPath);
        _ = _directories.GetOrAdd(Path.GetDirectoryName(full)!, dir => new Lazy<DirectoryInfo>(() => Directory.CreateDirectory(dir))).Value;
        return full;
    }

    /// <summary>Replaces the previous output with the staged site.</summary>
    /// <exception cref="OutputRefusedException">The output folder holds files this generator did not write.</exception>
    public void Commit()
    {
        lock (_gate)
            OutputManifest.Write(Staging, _claims.Keys);
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
