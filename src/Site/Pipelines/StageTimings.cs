using System.Collections.Concurrent;

namespace Site.Pipelines;

/// <summary>How long each step of each pipeline took, for <c>build --verbose</c>.</summary>
public sealed class StageTimings
{
    private readonly ConcurrentQueue<(string Pipeline, string Step, TimeSpan Elapsed)> _items = new();

    public void Add(string pipeline, IEnumerable<IModule> modules, TimeSpan elapsed) =>
        _items.Enqueue((pipeline, string.Join(" + ", modules.Select(m => m.GetType().Name)), elapsed));

    public IReadOnlyList<(string Pipeline, string Step, TimeSpan Elapsed)> Items => [.. _items];
}
