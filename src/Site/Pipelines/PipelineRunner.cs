namespace Site.Pipelines;

/// <summary>
/// Runs each pipeline as soon as the products it reads are made, independent ones side by side. The order comes
/// from what pipelines read and make, and is checked before anything runs: a product read but never made, made
/// twice, or made in a cycle is a mistake in the pipeline definition.
/// </summary>
public static class PipelineRunner
{
    public static void Run(IReadOnlyList<Pipeline> pipelines, BuildContext context)
    {
        var dependencies = Dependencies(pipelines);
        var tasks = new Dictionary<Pipeline, Task>();
        Task Start(Pipeline p)
        {
            if (tasks.TryGetValue(p, out var existing))
                return existing;
            var task = Task.WhenAll(dependencies[p].Select(Start)).ContinueWith(
                t =>
                {
                    t.GetAwaiter().GetResult(); // surface a dependency's exception
                    p.Run(context);
                },
                CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            tasks[p] = task;
            return task;
        }

        foreach (var p in pipelines)
            Start(p);
        Task.WaitAll(tasks.Values.ToArray());
    }

    /// <summary>For each pipeline, the pipelines that make what it reads.</summary>
    /// <exception cref="InvalidOperationException">The definition reads what nobody makes, makes a product twice, or has a cycle.</exception>
    public static IReadOnlyDictionary<Pipeline, IReadOnlyList<Pipeline>> Dependencies(IReadOnlyList<Pipeline> pipelines)
    {
        var maker = new Dictionary<IProduct, Pipeline>();
        foreach (var p in pipelines)
            foreach (var product in p.Makes)
                if (!maker.TryAdd(product, p))
                    throw new InvalidOperationException($"Both '{maker[product].Name}' and '{p.Name}' make '{product.Name}'.");
        var dependencies = new Dictionary<Pipeline, IReadOnlyList<Pipeline>>();
        foreach (var p in pipelines)
            dependencies[p] = p.Reads.Select(r => maker.TryGetValue(r, out var m) ? m
                : throw new InvalidOperationException($"Pipeline '{p.Name}' reads '{r.Name}', which no pipeline makes.")).Distinct().ToList();

        var done = new HashSet<Pipeline>();
        void Visit(Pipeline p, List<Pipeline> path)
        {
            if (done.Contains(p))
                return;
            if (path.Contains(p))
                throw new InvalidOperationException($"Pipelines read each other's products in a cycle: {string.Join(" → ", path.SkipWhile(x => x != p).Append(p).Select(x => x.Name))}.");
            path.Add(p);
            foreach (var d in dependencies[p])
                Visit(d, path);
            path.RemoveAt(path.Count - 1);
            done.Add(p);
        }
        foreach (var p in pipelines)
            Visit(p, []);
        return dependencies;
    }
}
