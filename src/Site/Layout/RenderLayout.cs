using System.Globalization;
using Site.Content;
using Site.Diagnostics;
using Site.Pipelines;

namespace Site.Layout;

/// <summary>Wraps each page's HTML in the theme's page layout, with navigation and breadcrumbs.</summary>
public sealed class RenderLayout(LayoutEngine layouts) : DocumentModule
{
    private Dictionary<string, Document> _pages = [];
    private SiteModel? _site;

    public override void Prepare(IReadOnlyList<Document> documents, BuildContext context)
    {
        _pages = documents.ToDictionary(d => d.RelativePath, StringComparer.Ordinal);
        _site = SiteModelFactory.Create(context, _pages);
    }

    public override void Process(Document doc, BuildContext context)
    {
        if (doc.HasErrors || doc.Html == null || doc.FrontMatter == null)
            return;
        try
        {
            doc.Html = layouts.Render(doc.FrontMatter.Layout, _site!, PageModelFor(doc, context, _pages));
        }
        catch (LayoutException e)
        {
            doc.MarkFailed();
            context.Diagnostics.Error(Codes.Template, e.LayoutFile, 1, 1, $"the layout failed on {doc.DisplayPath}: {e.Message}", "fix the layout in the theme");
        }
    }

    private static PageModel PageModelFor(Document doc, BuildContext context, Dictionary<string, Document> pages)
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
            Breadcrumbs(doc, context, pages),
            doc.Url == "",
            StructuredData.MedicalWebPage(fm, context.AbsoluteUrl(doc.Url!), context.Settings));
    }

    /// <summary>The index pages of the folders above a page, from the home page down.</summary>
    private static List<LinkModel> Breadcrumbs(Document doc, BuildContext context, Dictionary<string, Document> pages)
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
            if (path != doc.RelativePath && pages.TryGetValue(path, out var parent) && parent.FrontMatter != null)
                crumbs.Add(new LinkModel(path == "index.md" ? "Home" : parent.FrontMatter.Title, context.SiteUrl(parent.Url!)));
        }
        return crumbs;
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Text(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
