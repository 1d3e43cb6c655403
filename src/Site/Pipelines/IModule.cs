namespace Site.Pipelines;

/// <summary>A step of a pipeline: takes the documents so far and returns the documents that go on.</summary>
public interface IModule
{
    IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context);

    /// <summary>The products of other pipelines this module reads; the runner starts it only after they are made.</summary>
    IReadOnlyList<IProduct> Reads => [];

    /// <summary>What this module makes for later pipelines, if anything.</summary>
    IReadOnlyList<IProduct> Makes => [];
}

/// <summary>
/// A module that works on each document on its own. A pipeline runs a run of such modules as one pass,
/// taking each document through all of them before the next, so no module waits for the whole set and
/// file writes overlap with other documents' work.
/// </summary>
public abstract class DocumentModule : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        DocumentPass.Run([this], documents, context);
        return documents;
    }

    public virtual IReadOnlyList<IProduct> Reads => [];

    /// <summary>
    /// Called once before the pass, with every document the pass will see. Documents have been through the
    /// earlier pipelines but not yet through the modules before this one in the same pass.
    /// </summary>
    public virtual void Prepare(IReadOnlyList<Document> documents, BuildContext context) { }

    public abstract void Process(Document document, BuildContext context);

    /// <summary>Called once after the pass, when every document has been through every module of it.</summary>
    public virtual void Complete(IReadOnlyList<Document> documents, BuildContext context) { }

    public virtual IReadOnlyList<IProduct> Makes => [];
}
