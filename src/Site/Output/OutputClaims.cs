namespace Site.Output;

/// <summary>
/// Who writes each output path. Only the first claimant of a path writes; the rest become a reported conflict. So
/// does a file whose name another file needs as a folder (<c>aftercare</c> beside <c>aftercare/index.html</c>).
/// </summary>
public sealed class OutputClaims
{
    // Each path with its first writer, the writers after it (rare: each is a conflict), and each folder a written file
    // needs with the first source that needed it; all under one lock, since a claim reads and changes them together.
    // Claimed once for every file of the site, so folders are looked up by span and only a new one is allocated.
    private readonly Dictionary<string, string> _first = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _others = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _folders = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>True when <paramref name="source"/> is the first and only writer of the path so far.</summary>
    public bool Claim(string outputPath, string source)
    {
        lock (_gate)
        {
            if (_first.ContainsKey(outputPath))
                return Conflict(outputPath, source);
            _first[outputPath] = source;
            if (_folders.TryGetValue(outputPath, out var needsFolder))
                return Conflict(outputPath, needsFolder);
            var folders = _folders.GetAlternateLookup<ReadOnlySpan<char>>();
            var files = _first.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var slash = outputPath.IndexOf('/'); slash > 0; slash = outputPath.IndexOf('/', slash + 1))
            {
                var folder = outputPath.AsSpan(0, slash);
                if (!folders.ContainsKey(folder))
                    _folders[folder.ToString()] = source;
                if (files.ContainsKey(folder))
                    return Conflict(folder.ToString(), source);
            }
            return true;
        }
    }

    private bool Conflict(string outputPath, string source)
    {
        if (!_others.TryGetValue(outputPath, out var others))
            _others[outputPath] = others = [];
        others.Add(source);
        return false;
    }

    public IReadOnlyList<string> Paths
    {
        get
        {
            lock (_gate)
                return [.. _first.Keys];
        }
    }

    public IEnumerable<(string OutputPath, IReadOnlyList<string> Sources)> Conflicts()
    {
        lock (_gate)
            return _others
                .OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => (c.Key, (IReadOnlyList<string>)c.Value.Prepend(_first[c.Key]).Distinct().Order(StringComparer.Ordinal).ToList()))
                .ToList();
    }
}
