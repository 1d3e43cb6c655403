namespace Site.Preview;

/// <summary>
/// Watches the input and theme folders and calls back once things settle: an editor's save is often
/// several file events, and one rebuild should follow them.
/// </summary>
public sealed class RebuildOnChange : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(250);
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _timer;

    public RebuildOnChange(IEnumerable<string> folders, Action rebuild)
    {
        _timer = new Timer(_ => rebuild(), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var folder in folders)
        {
            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, EnableRaisingEvents = true };
            watcher.Changed += (_, _) => Touch();
            watcher.Created += (_, _) => Touch();
            watcher.Deleted += (_, _) => Touch();
            watcher.Renamed += (_, _) => Touch();
            _watchers.Add(watcher);
        }
    }

    private void Touch() => _timer.Change(Settle, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        foreach (var watcher in _watchers)
            watcher.Dispose();
        _timer.Dispose();
    }
}
