namespace Site.Pipelines;

/// <summary>Starts a pipeline with the documents another pipeline produced.</summary>
public sealed class FromPipeline(string pipeline) : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context) =>
        [.. documents, .. context.OutputsOf(pipeline)];
}
