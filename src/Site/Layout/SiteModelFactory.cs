using Site.Pipelines;

namespace Site.Layout;

/// <summary>Builds what layouts know of the site, with the settings' navigation entries resolved to pages.</summary>
public static class SiteModelFactory
{
    public static SiteModel Create(BuildContext context, IReadOnlyDictionary<string, Document> pages)
    {
        var s = context.Settings;
        var navigation = new List<LinkModel>();
        foreach (var entry in s.Navigation)
        {
            // Entries that name no page are reported by CheckNavigation.
            if (pages.TryGetValue(entry.Page, out var page) && page.FrontMatter != null)
                navigation.Add(new LinkModel(entry.Page == "index.md" ? "Home" : page.FrontMatter.Title, context.SiteUrl(page.Url!)));
        }
        return new SiteModel(s.Title, s.Description, s.Language, s.Url.TrimEnd('/') + context.Options.BasePath.TrimEnd('/'),
            context.Options.BasePath,
            new ClinicModel(s.Clinic.Name, s.Clinic.Email, s.Clinic.Phone, s.Clinic.Address),
            new NumbersModel(s.Numbers.Emergency, s.Numbers.Urgent),
            navigation);
    }
}
