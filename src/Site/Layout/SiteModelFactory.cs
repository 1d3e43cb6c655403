using Site.Checker;
using Site.Pipelines;

namespace Site.Layout;

/// <summary>Builds what layouts know of the site, with the settings' navigation entries resolved to pages.</summary>
public static class SiteModelFactory
{
    private static CheckerModel? Checker(BuildContext context, IReadOnlyDictionary<string, Document> pages)
    {
        if (context.OutputsOf(SiteBuilder.CheckerPipeline).FirstOrDefault()?.Model is not CheckerData data)
            return null;
        var json = CheckerPageData.Json(data, path =>
            pages.TryGetValue(path, out var page) && page.FrontMatter != null
                ? new CheckerPageData.Link(page.FrontMatter.Title, context.SiteUrl(page.Url!))
                : null);
        return new CheckerModel(data.Version, RenderLayout.Iso(data.LastReviewed), RenderLayout.Text(data.LastReviewed), data.ReviewedBy, json);
    }

    public static SiteModel Create(BuildContext context, IReadOnlyDictionary<string, Document> pages)
    {
        var s = context.Settings;
        var navigation = new List<LinkModel>();
        foreach (var entry in s.Navigation)
        {
            // Entries that name no page are reported by CheckNavigation.
            if (pages.TryGetValue(entry.Page, out var page) && page.FrontMatter != null)
                navigation.Add(new LinkModel(entry.Label ?? (entry.Page == "index.md" ? "Home" : page.FrontMatter.Title), context.SiteUrl(page.Url!)));
        }
        var all = pages.Values
            .Where(p => p.FrontMatter != null && p.Url != null)
            .OrderBy(p => p.FrontMatter!.Title, StringComparer.OrdinalIgnoreCase)
            .Select(p => new PageLinkModel(p.FrontMatter!.Title, context.SiteUrl(p.Url!), p.FrontMatter.Description))
            .ToList();
        return new SiteModel(s.Title, s.Description, s.Language, s.Url.TrimEnd('/') + context.Options.BasePath.TrimEnd('/'),
            context.Options.BasePath,
            new ClinicModel(s.Clinic.Name, s.Clinic.Email, s.Clinic.Phone, s.Clinic.Address),
            new NumbersModel(s.Numbers.Emergency, s.Numbers.Urgent),
            navigation,
            all,
            context.SiteUrl(context.OutputsOf(SiteBuilder.SearchPipeline).Single().Url!),
            Checker(context, pages));
    }
}
