using System.Security;
using System.Text;
using Site.Layout;
using Site.Pipelines;

namespace Site.Sitemap;

/// <summary>
/// <c>sitemap.xml</c> lists every page by its absolute URL, sorted so the file is the same on every build;
/// <c>lastmod</c> is the page's last review, never the build time.
/// </summary>
public sealed class GenerateSitemap : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var page in documents.Where(d => d.FrontMatter != null && d.Url != null).OrderBy(d => d.Url, StringComparer.Ordinal))
        {
            xml.Append("  <url><loc>").Append(SecurityElement.Escape(context.AbsoluteUrl(page.Url!))).Append("</loc>")
               .Append("<lastmod>").Append(RenderLayout.Iso(page.FrontMatter!.LastReviewed)).Append("</lastmod></url>\n");
        }
        xml.Append("</urlset>\n");
        return [new Document("sitemap", "sitemap.xml") { OutputPath = "sitemap.xml", Html = xml.ToString() }];
    }
}
