namespace Site.Pipelines;

/// <summary>Takes each document through a run of per-document modules, documents side by side.</summary>
public static class DocumentPass
{
    // Below this count the cost of scheduling work on other threads outweighs the gain.
    private const int ParallelThreshold = 64;

    // One worker per core: file reads and writes block only briefly, and extra threads would just contend.
    private static readonly ParallelOptions Options = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    public static void Run(IReadOnlyList<DocumentModule> modules, IReadOnlyList<Document> documents, BuildContext context)
    {
        var views = modules.Select(m => context.For(m)).ToArray();
        for (var i = 0; i < modules.Count; i++)
            modules[i].Prepare(documents, views[i]);
        if (documents.Count < ParallelThreshold)
        {
            foreach (var doc in documents)
                Process(modules, doc, views);
        }
        else
        {
            Parallel.ForEach(documents, Options, doc => Process(modules, doc, views));
        }
        for (var i = 0; i < modules.Count; i++)
            modules[i].Complete(documents, views[i]);
    }

    private static void Process(IReadOnlyList<DocumentModule> modules, Document document, BuildContext[] views)
    {
        for (var i = 0; i < modules.Count; i++)
        {
            if (document.IsStopped)
                return;
            modules[i].Process(document, views[i]);
        }
    }
}
