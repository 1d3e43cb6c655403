using System.Globalization;
using Site.Diagnostics;
using Site.Model;
using Site.Pipelines;

namespace Site.Layout;

/// <summary>Wraps each page's HTML in the theme's page layout, with navigation and breadcrumbs.</summary>
public sealed class RenderLayout(LayoutEngine layouts) : DocumentModule
{
    private SiteModel? _site;
    private SiteView? _view;

    public override IReadOnlyList<IProduct> Reads => [Products.Site, Products.View];

    public override void Prepare(IReadOnlyList<Document> documents, BuildContext context)
    {
        _site = context.Get(Products.Site);
        _view = context.Get(Products.View);
    }

    public override void Process(Document doc, BuildContext context)
    {
        var page = doc.Page!;
        try
        {
            doc.Html = layouts.Render(page.FrontMatter!.Layout, _view!, ViewOf(page, _site!));
        }
        catch (LayoutException e)
        {
            doc.MarkFailed();
            context.Diagnostics.Error(Codes.Template, e.LayoutFile, 1, 1, $"the layout failed on {page.DisplayPath}: {e.Message}", "fix the layout in the theme");
        }
    }

    private static PageView ViewOf(Page page, SiteModel site)
    {
        var fm = page.FrontMatter!;
        return new PageView(
            fm.Title,
            fm.Description,
            site.SiteUrl(page.Url),
            site.AbsoluteUrl(page.Url),
            System.Text.Encoding.UTF8.GetString(page.Body!),
            fm.Author,
            fm.ReviewedBy,
            Iso(fm.LastReviewed),
            Text(fm.LastReviewed),
            Iso(fm.NextReview),
            Text(fm.NextReview),
            fm.Sources.Select(s => new SourceView(s.Title, s.Publisher, s.Year, s.Url ?? "")).ToList(),
            fm.Tags,
            site.Ancestors(page).Where(p => p.FrontMatter != null)
                .Select(p => new LinkView(p.IsHome ? "Home" : p.FrontMatter!.Title, site.SiteUrl(p.Url))).ToList(),
            page.IsHome,
            StructuredData.MedicalWebPage(fm, site.AbsoluteUrl(page.Url), site.Settings),
            site.Settings.Repository?.EditUrl(page.RelativePath) ?? "");
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Text(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
