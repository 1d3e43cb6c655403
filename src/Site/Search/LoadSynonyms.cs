using Site.Pipelines;

namespace Site.Search;

/// <summary>Reads <c>data/synonyms.yml</c> for the search data, and for the pages, which note the synonyms' words they use.</summary>
public sealed class LoadSynonyms : IModule
{
    public IReadOnlyList<IProduct> Makes => [Products.Synonyms];

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        context.Set(Products.Synonyms, Synonyms.Read(context));
        return documents;
    }
}
