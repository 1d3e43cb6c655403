using Site.Pipelines;

namespace Site.Search;

/// <summary>
/// The pages the search data holds, in URL order (their numbers in it): every page without errors. A page the last
/// build's search data has, this very page, comes with what search knew of it then.
/// </summary>
public sealed class ListPagesToSearch : IModule
{
    public IReadOnlyList<IProduct> Reads => [Products.Site];

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var last = context.Cache.LastSearch;
        return [.. context.Get(Products.Site).PagesByUrl.Where(p => p.SearchText != null).Select(page =>
            new Document(page.Source.FullPath, page.RelativePath) { DisplayPath = page.DisplayPath, Source = page.Source, Page = page, Search = last?.Of(page) })];
    }
}
