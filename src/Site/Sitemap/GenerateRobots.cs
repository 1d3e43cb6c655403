using Site.Admin;
using Site.Pipelines;

namespace Site.Sitemap;

/// <summary><c>robots.txt</c> allows everything but the web editor, and points crawlers at the sitemap.</summary>
public sealed class GenerateRobots : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        // The editor's page says noindex too; this keeps crawlers from fetching it and its scripts at all.
        var editor = context.Settings.Repository != null ? $"Disallow: {context.SiteUrl(GenerateAdmin.Folder + "/")}\n" : "";
        var robots = $"User-agent: *\nAllow: /\n{editor}\nSitemap: {context.AbsoluteUrl("sitemap.xml")}\n";
        return [.. documents, new Document("robots", "robots.txt") { OutputPath = "robots.txt", Html = robots }];
    }
}
