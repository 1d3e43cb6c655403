namespace Site.Pipelines;

/// <summary>Runs pipelines as soon as their dependencies are done, independent ones side by side.</summary>
public static class PipelineRunner
{
    public static void Run(IReadOnlyList<Pipeline> pipelines, BuildContext context)
    {
        var byName = pipelines.ToDictionary(p => p.Name);
        foreach (var p in pipelines)
            foreach (var dep in p.DependsOn)
                if (!byName.ContainsKey(dep))
                    throw new InvalidOperationException($"Pipeline '{p.Name}' depends on unknown pipeline '{dep}'.");

        var tasks = new Dictionary<string, Task>();
        Task Start(Pipeline p, HashSet<string> visiting)
        {
            if (tasks.TryGetValue(p.Name, out var existing))
                return existing;
            if (!visiting.Add(p.Name))
                throw new InvalidOperationException($"Pipelines depend on each other in a cycle through '{p.Name}'.");
            var deps = p.DependsOn.Select(d => Start(byName[d], visiting)).ToArray();
            var task = Task.WhenAll(deps).ContinueWith(
                t =>
                {
                    t.GetAwaiter().GetResult(); // surface a dependency's exception
                    context.SetOutputs(p.Name, p.Run(context));
                },
                CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            tasks[p.Name] = task;
            return task;
        }

        foreach (var p in pipelines)
            Start(p, new HashSet<string>());
        Task.WaitAll(tasks.Values.ToArray());
    }
}
