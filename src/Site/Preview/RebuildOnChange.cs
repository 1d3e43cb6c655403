using System.Collections.Concurrent;

namespace Site.Preview;

/// <summary>
/// Watches the input and theme folders and calls back once things settle, with the paths that changed: an editor's
/// save is often several file events, and one rebuild should follow them.
/// </summary>
public sealed class RebuildOnChange : IDisposable
{
    // Long enough to take in one save's events, short enough that the page reloads while the writer still looks.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(40);
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _timer;
    private readonly ConcurrentDictionary<string, bool> _touched = new(StringComparer.Ordinal);

    public RebuildOnChange(IEnumerable<string> folders, Action<IReadOnlyCollection<string>> rebuild)
    {
        _timer = new Timer(_ =>
        {
            var touched = _touched.Keys.ToList();
            foreach (var path in touched)
                _touched.TryRemove(path, out bool _);
            rebuild(touched);
        }, null, Timeout.Infinite, Timeout.Infinite);
        foreach (var folder in folders)
        {
            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, EnableRaisingEvents = true };
            watcher.Changed += (_, e) => Touch(e.FullPath);
            watcher.Created += (_, e) => Touch(e.FullPath);
            watcher.Deleted += (_, e) => Touch(e.FullPath);
            watcher.Renamed += (_, e) => Touch(e.OldFullPath, e.FullPath);
            // Events were lost (the buffer overflowed): a full rebuild is the only safe answer.
            watcher.Error += (_, _) => Touch(folder);
            _watchers.Add(watcher);
        }
    }

    private void Touch(params string[] paths)
    {
        foreach (var path in paths)
            _touched[path] = true;
        _timer.Change(Settle, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
            watcher.Dispose();
        _timer.Dispose();
    }
}
