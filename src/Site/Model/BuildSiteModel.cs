using Site.Assets;
using Site.Content;
using Site.Pipelines;

namespace Site.Model;

/// <summary>Makes the one site model from the content pipeline's pages, the checker's data and the files the site publishes.</summary>
public sealed class BuildSiteModel : IModule
{
    public IReadOnlyList<IProduct> Reads => [Products.Pages, Products.Checker];
    public IReadOnlyList<IProduct> Makes => [Products.Site];

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var files = CopyFiles.Files(context).Select(f => f.OutputPath);
        context.Set(Products.Site, new SiteModel(context.Options, context.Settings, context.Get(Products.Pages), files, context.Get(Products.Checker), context.Cache.Last));
        return documents;
    }
}
