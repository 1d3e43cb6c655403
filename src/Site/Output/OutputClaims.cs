namespace Site.Output;

/// <summary>
/// Who writes each output path. Only the first claimant of a path writes; the rest become a reported conflict. So
/// does a file whose name another file needs as a folder (<c>aftercare</c> beside <c>aftercare/index.html</c>).
/// </summary>
public sealed class OutputClaims
{
    // Each path with its writers, and each folder a written file needs with the first source that needed it; both
    // under one lock, since a claim reads and changes them together.
    private readonly Dictionary<string, List<string>> _claims = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _folders = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>True when <paramref name="source"/> is the first and only writer of the path so far.</summary>
    public bool Claim(string outputPath, string source)
    {
        lock (_gate)
        {
            if (_claims.TryGetValue(outputPath, out var sources))
            {
                sources.Add(source);
                return false;
            }
            sources = [source];
            _claims[outputPath] = sources;
            if (_folders.TryGetValue(outputPath, out var needsFolder))
            {
                sources.Add(needsFolder);
                return false;
            }
            for (var slash = outputPath.IndexOf('/'); slash > 0; slash = outputPath.IndexOf('/', slash + 1))
            {
                var folder = outputPath[..slash];
                _folders.TryAdd(folder, source);
                if (_claims.TryGetValue(folder, out var file))
                {
                    file.Add(source);
                    return false;
                }
            }
            return true;
        }
    }

    public IReadOnlyList<string> Paths
    {
        get
        {
            lock (_gate)
                return [.. _claims.Keys];
        }
    }

    public IEnumerable<(string OutputPath, IReadOnlyList<string> Sources)> Conflicts()
    {
        lock (_gate)
            return _claims.Where(c => c.Value.Count > 1)
                .OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => (c.Key, (IReadOnlyList<string>)c.Value.Distinct().Order(StringComparer.Ordinal).ToList()))
                .ToList();
    }
}
