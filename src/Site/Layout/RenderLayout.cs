using System.Globalization;
using Site.Content;
using Site.Diagnostics;
using Site.Pipelines;

namespace Site.Layout;

/// <summary>Wraps each page's HTML in the theme's page layout, with navigation and breadcrumbs.</summary>
public sealed class RenderLayout(LayoutEngine layouts, string layout) : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var pages = documents.ToDictionary(d => d.RelativePath, StringComparer.Ordinal);
        var site = SiteModelFactory.Create(context, pages);
        var titles = documents.Where(d => d.FrontMatter != null).ToDictionary(d => d.RelativePath, d => d.FrontMatter!.Title, StringComparer.Ordinal);
        Parallel.ForEach(documents, doc =>
        {
            if (doc.HasErrors || doc.Html == null || doc.FrontMatter == null)
                return;
            try
            {
                doc.Html = layouts.Render(layout, site, PageModelFor(doc, context, pages, titles));
            }
            catch (Exception e) when (e is Fluid.ParseException or InvalidOperationException or ArgumentException)
            {
                context.Error(doc, Codes.Template, 1, 1, $"the layout '{layout}' failed on this page: {e.Message}", "fix the layout in the theme");
            }
        });
        return documents;
    }

    private static PageModel PageModelFor(Document doc, BuildContext context, Dictionary<string, Document> pages, Dictionary<string, string> titles)
    {
        var fm = doc.FrontMatter!;
        return new PageModel(
            fm.Title,
            fm.Description,
            context.SiteUrl(doc.Url!),
            context.AbsoluteUrl(doc.Url!),
            doc.Html!,
            fm.Author,
            fm.ReviewedBy,
            Iso(fm.LastReviewed),
            Text(fm.LastReviewed),
            Iso(fm.NextReview),
            Text(fm.NextReview),
            fm.Sources.Select(s => new SourceModel(s.Title, s.Publisher, s.Year, s.Url ?? "")).ToList(),
            fm.Tags,
            Breadcrumbs(doc, context, pages, titles),
            doc.Url == "");
    }

    /// <summary>The index pages of the folders above a page, from the home page down.</summary>
    private static List<LinkModel> Breadcrumbs(Document doc, BuildContext context, Dictionary<string, Document> pages, Dictionary<string, string> titles)
    {
        var crumbs = new List<LinkModel>();
        if (doc.Url == "")
            return crumbs;
        var folders = doc.RelativePath.Split('/')[..^1];
        var candidates = new List<string> { "index.md" };
        for (var i = 1; i <= folders.Length; i++)
            candidates.Add(string.Join('/', folders[..i]) + "/index.md");
        foreach (var path in candidates)
        {
            if (path != doc.RelativePath && pages.TryGetValue(path, out var parent) && titles.TryGetValue(path, out var title))
                crumbs.Add(new LinkModel(path == "index.md" ? "Home" : title, context.SiteUrl(parent.Url!)));
        }
        return crumbs;
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Text(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
