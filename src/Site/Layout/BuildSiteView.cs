using Site.Checker;
using Site.Model;
using Site.Pipelines;

namespace Site.Layout;

/// <summary>Makes what layouts know of the site, once: the navigation resolved to pages, every page, and the checker's data.</summary>
public sealed class BuildSiteView : IModule
{
    public IReadOnlyList<IProduct> Reads => [Products.Site];
    public IReadOnlyList<IProduct> Makes => [Products.View];

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var site = context.Get(Products.Site);
        context.Set(Products.View, Create(site, context.Cache.Rendered is { } before && SameSummaries(before.Site, site) ? before.View.Pages : null));
        return documents;
    }

    /// <summary>Whether every page shows the same title, description and address as before, so the list of pages is the same.</summary>
    private static bool SameSummaries(SiteModel before, SiteModel now) =>
        before.Pages.Count == now.Pages.Count
        && before.Pages.Zip(now.Pages).All(p => ReferenceEquals(p.First, p.Second) || (p.First.RelativePath == p.Second.RelativePath && p.First.Summary == p.Second.Summary));

    /// <param name="pages">The list of every page, when it is known to be the same as one made before; it is the longest part.</param>
    public static SiteView Create(SiteModel site, IReadOnlyList<PageLinkView>? pages = null)
    {
        var s = site.Settings;
        var all = pages ?? site.Pages
            .Where(p => p.FrontMatter != null)
            .OrderBy(p => p.FrontMatter!.Title, StringComparer.OrdinalIgnoreCase)
            .Select(p => new PageLinkView(p.FrontMatter!.Title, site.SiteUrl(p.Url), p.FrontMatter.Description))
            .ToList();
        return new SiteView(s.Title, s.Description, s.Language, s.Url.TrimEnd('/') + site.Options.BasePath.TrimEnd('/'),
            site.Options.BasePath,
            new ClinicView(s.Clinic.Name, s.Clinic.Email, s.Clinic.Phone, s.Clinic.Address),
            new NumbersView(s.Numbers.Emergency, s.Numbers.Urgent),
            Menu(site, s.Navigation),
            Menu(site, s.Footer),
            all,
            site.Pages.FirstOrDefault(p => p.FrontMatter?.Layout == SearchLayout) is { } search ? site.SiteUrl(search.Url) : "",
            site.SiteUrl(SiteModel.SearchDataPath),
            Checker(site));
    }

    /// <summary>The layout of the search page, which the header's search box sends its query to.</summary>
    public const string SearchLayout = "search";

    private static List<LinkView> Menu(SiteModel site, IEnumerable<Settings.NavigationEntry> entries)
    {
        var links = new List<LinkView>();
        foreach (var entry in entries)
        {
            // Entries that name no page are reported by the link check.
            if (site.Find(entry.Page) is { FrontMatter: { } fm } page)
                links.Add(new LinkView(entry.Label ?? (page.IsHome ? "Home" : fm.Title), site.SiteUrl(page.Url)));
        }
        return links;
    }

    private static CheckerView? Checker(SiteModel site)
    {
        if (site.Checker is not { } data)
            return null;
        var json = CheckerPageData.Json(data, path =>
            site.Find(path) is { FrontMatter: { } fm } page ? new CheckerPageData.Link(fm.Title, site.SiteUrl(page.Url)) : null);
        return new CheckerView(data.Version, RenderLayout.Iso(data.LastReviewed), RenderLayout.Text(data.LastReviewed), data.ReviewedBy, json);
    }
}
