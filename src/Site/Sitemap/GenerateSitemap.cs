using System.Text;
using System.Xml;
using Site.Layout;
using Site.Model;
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
        if (context.Cache.Rendered is { } before && SameEntries(before.Site, site) && before.Output.Pieces(FileName) is { } unchanged)
        {
            context.Output.Write(FileName, unchanged, "sitemap");
            return documents;
        }
        using var bytes = new MemoryStream(128 * site.Pages.Count + 256);
        using (var xml = XmlWriter.Create(bytes, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", Namespace);
            foreach (var page in site.PagesByUrl.Where(p => p.FrontMatter != null))
            {
                xml.WriteStartElement("url", Namespace);
                xml.WriteElementString("loc", Namespace, site.AbsoluteUrl(page.Url));
                xml.WriteElementString("lastmod", Namespace, RenderLayout.Iso(page.FrontMatter!.LastReviewed));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        bytes.WriteByte((byte)'\n'); // XmlWriter ends without a newline
        context.Output.Write(FileName, bytes.ToArray(), "sitemap");
        return documents;
    }

    private const string FileName = "sitemap.xml";

    /// <summary>Whether the preview's last sitemap still lists this site: every page with the same address and review
    /// date, side by side in input order (an unchanged page is the same record), on the same site address.</summary>
    private static bool SameEntries(SiteModel before, SiteModel now)
    {
        if (before.Pages.Count != now.Pages.Count || before.Options.BasePath != now.Options.BasePath || before.Settings.Url != now.Settings.Url)
            return false;
        for (var i = 0; i < now.Pages.Count; i++)
        {
            var (a, b) = (before.Pages[i], now.Pages[i]);
            if (!ReferenceEquals(a, b) && (a.Url != b.Url || a.FrontMatter?.LastReviewed != b.FrontMatter?.LastReviewed))
                return false;
        }
        return true;
    }
}
