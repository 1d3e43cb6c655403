namespace Site.Pipelines;

/// <summary>A step of a pipeline: takes the documents so far and returns the documents that go on.</summary>
public interface IModule
{
    IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context);
}

/// <summary>A module that works on each document on its own, so the documents can be processed in parallel.</summary>
public abstract class DocumentModule : IModule
{
    // Below this count the cost of scheduling work on other threads outweighs the gain.
    private const int ParallelThreshold = 64;

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        if (documents.Count < ParallelThreshold)
        {
            foreach (var doc in documents)
                Process(doc, context);
        }
        else
        {
            Parallel.ForEach(documents, doc => Process(doc, context));
        }
        return documents;
    }

    protected abstract void Process(Document document, BuildContext context);
}
