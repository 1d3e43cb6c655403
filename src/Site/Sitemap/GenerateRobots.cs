using Site.Pipelines;

namespace Site.Sitemap;

/// <summary><c>robots.txt</c> allows everything and points crawlers at the sitemap.</summary>
public sealed class GenerateRobots : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var robots = $"User-agent: *\nAllow: /\n\nSitemap: {context.AbsoluteUrl("sitemap.xml")}\n";
        return [.. documents, new Document("robots", "robots.txt") { OutputPath = "robots.txt", Html = robots }];
    }
}
