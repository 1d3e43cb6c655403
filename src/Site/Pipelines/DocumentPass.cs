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
        foreach (var module in modules)
            module.Prepare(documents, context);
        if (documents.Count < ParallelThreshold)
        {
            foreach (var doc in documents)
                Process(modules, doc, context);
        }
        else
        {
            Parallel.ForEach(documents, Options, doc => Process(modules, doc, context));
        }
    }

    private static void Process(IReadOnlyList<DocumentModule> modules, Document document, BuildContext context)
    {
        foreach (var module in modules)
        {
            if (document.IsStopped)
                return;
            module.Process(document, context);
        }
    }
}
