using Site.Diagnostics;
using Site.Layout;
using Site.Pipelines;

namespace Site.NotFound;

/// <summary>
/// Makes <c>404.html</c> from the theme's 404 layout. It is served at any missing address, so it is not
/// a content page and needs no required sections; its links carry the base path like every other.
/// </summary>
public sealed class RenderNotFoundPage(LayoutEngine layouts) : IModule
{
    public const string Layout = "404";
    public const string OutputPath = "404.html";

    public IReadOnlyList<IProduct> Reads => [Products.View];

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var page = new NotFoundView(
            "Page not found",
            "The page you asked for is not here. Find guidance from the home page or the list of pages.",
            context.SiteUrl(OutputPath),
            context.AbsoluteUrl(OutputPath));
        var doc = new Document(layouts.DisplayPath(Layout), OutputPath) { DisplayPath = layouts.DisplayPath(Layout), OutputPath = OutputPath };
        try
        {
            doc.Html = layouts.Render(Layout, context.Get(Products.View), page);
        }
        catch (LayoutException e)
        {
            doc.MarkFailed();
            context.Diagnostics.Error(Codes.Template, e.LayoutFile, 1, 1, $"the layout failed: {e.Message}", "fix the layout in the theme");
        }
        return [doc];
    }
}
