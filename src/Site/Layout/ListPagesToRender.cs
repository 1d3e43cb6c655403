using Site.Model;
using Site.Pipelines;

namespace Site.Layout;

/// <summary>
/// The pages to render: every page without errors or broken links. A page the preview rendered before, from the
/// same page and the same site view, keeps its HTML and is written as it was.
/// </summary>
public sealed class ListPagesToRender : IModule
{
    public IReadOnlyList<IProduct> Reads => [Products.Site, Products.View, Products.Links];

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var links = context.Get(Products.Links);
        var rendered = context.Cache.RenderedWith(context.Get(Products.View));
        var site = context.Get(Products.Site);
        var render = new List<Document>();
        var read = 0;
        foreach (var page in site.Pages)
        {
            var renderable = !page.HasErrors && page.Body != null && !links.IsBroken(page.RelativePath);
            // A page with its HTML from the last build is that build's very page: it was not read again either.
            if (renderable && rendered?.HtmlOf(page) is { } html)
            {
                context.Output.Write(page.OutputPath, html, page.DisplayPath);
                continue;
            }
            read += context.Cache.Reused(page) ? 0 : 1;
            if (renderable)
                render.Add(new Document(page.Source.FullPath, page.RelativePath) { DisplayPath = page.DisplayPath, Source = page.Source, OutputPath = page.OutputPath, Page = page });
        }
        if (!ReferenceEquals(context.Cache, BuildCache.None))
            context.Note($"Again: {read} of {site.Pages.Count} pages read, {render.Count} rendered; the rest were unchanged.");
        return render;
    }
}
