using Site.Pipelines;

namespace Site.PlainWords;

/// <summary>Reads <c>data/plain-words.yml</c> for <see cref="CheckPlainWords"/>.</summary>
public sealed class LoadPlainWords : IModule
{
    public IReadOnlyList<IProduct> Makes => [Products.PlainWords];

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        context.Set(Products.PlainWords, PlainWordList.Read(context));
        return documents;
    }
}
