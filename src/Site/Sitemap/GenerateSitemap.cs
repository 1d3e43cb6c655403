using System.Text;
using System.Xml;
using Site.Layout;
using Site.Pipelines;

namespace Site.Sitemap;

/// <summary>
/// <c>sitemap.xml</c> lists every page by its absolute URL, sorted so the file is the same on every build;
/// <c>lastmod</c> is the page's last review, never the build time.
/// </summary>
public sealed class GenerateSitemap : IModule
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    // The same bytes on every machine: UTF-8 without a byte order mark, and "\n" whatever the platform's newline.
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    public IReadOnlyList<IProduct> Reads => [Products.Site];

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var site = context.Get(Products.Site);
        using var bytes = new MemoryStream();
        using (var xml = XmlWriter.Create(bytes, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", Namespace);
            foreach (var page in site.Pages.Where(p => p.FrontMatter != null).OrderBy(p => p.Url, StringComparer.Ordinal))
            {
                xml.WriteStartElement("url", Namespace);
                xml.WriteElementString("loc", Namespace, site.AbsoluteUrl(page.Url));
                xml.WriteElementString("lastmod", Namespace, RenderLayout.Iso(page.FrontMatter!.LastReviewed));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        var text = Encoding.UTF8.GetString(bytes.ToArray()) + "\n"; // XmlWriter ends without a newline
        return [new Document("sitemap", "sitemap.xml") { OutputPath = "sitemap.xml", Html = text }];
    }
}
