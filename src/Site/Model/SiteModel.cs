using Site.Checker;
using Site.Content;
using Site.Pipelines;
using Site.Settings;

namespace Site.Model;

/// <summary>
/// The whole site, made once after the content pipeline and never changed: every page, the files it publishes,
/// the settings and the checker's data. Every later stage (links, layouts, the 404 page, search data, sitemap)
/// reads the site through this.
/// </summary>
public sealed class SiteModel
{
    /// <summary>Where the search data starts (its other pieces are beside it): one name, so a page does not change when another page's text does.</summary>
    public const string SearchDataPath = Search.WriteSearchIndex.MetaPath;

    // Plain dictionaries, made once and never changed: a preview makes a model on every save, and frozen ones cost
    // more to make than their faster reads win back.
    private readonly Dictionary<string, Page> _byPath;
    private readonly Dictionary<string, Page> _byUrl;

    /// <param name="previous">The preview's last model: while every page keeps its path and URL, its URL order still holds.</param>
    public SiteModel(BuildOptions options, SiteSettings settings, IEnumerable<Page> pages, IEnumerable<string> files, CheckerData? checker, SiteModel? previous = null)
    {
        Options = options;
        Settings = settings;
        var list = pages.ToList();
        for (var i = 1; i < list.Count; i++)
            if (string.CompareOrdinal(list[i - 1].RelativePath, list[i].RelativePath) > 0)
            {
                list.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
                break;
            }
        Pages = list;
        _byPath = new(list.Count, StringComparer.Ordinal);
        _byUrl = new(list.Count, StringComparer.Ordinal);
        var order = previous != null && SameAddresses(previous, this) ? previous.UrlOrder : null; // not the model: it would keep every model alive
        _urlOrder = new(() => order ?? UrlOrderOf(Pages));
        _byUrlOrder = new(() => UrlOrder.Select(i => Pages[i]).ToList());
        foreach (var page in Pages)
        {
            _byPath[page.RelativePath] = page;
            // Two sources of one address are reported as an output conflict; the first keeps the address here.
            _byUrl.TryAdd(page.Url, page);
        }
        Files = files.ToHashSet(StringComparer.Ordinal);
        Checker = checker;
    }

    public BuildOptions Options { get; }
    public SiteSettings Settings { get; }

    /// <summary>Every page, by input path in ordinal order.</summary>
    public IReadOnlyList<Page> Pages { get; }

    /// <summary>Every page by URL in ordinal order, as the sitemap and the search data list them; sorted once, when first asked.</summary>
    public IReadOnlyList<Page> PagesByUrl => _byUrlOrder.Value;

    private readonly Lazy<IReadOnlyList<Page>> _byUrlOrder;
    private readonly Lazy<int[]> _urlOrder;

    /// <summary>The indexes of <see cref="Pages"/> in URL order.</summary>
    private int[] UrlOrder => _urlOrder.Value;

    // Two pages of one URL are a reported conflict; their input paths keep the order the same on every build.
    private static int[] UrlOrderOf(IReadOnlyList<Page> pages)
    {
        var order = Enumerable.Range(0, pages.Count).ToArray();
        Array.Sort(order, (a, b) => string.CompareOrdinal(pages[a].Url, pages[b].Url) is var c && c != 0 ? c : a.CompareTo(b));
        return order;
    }

    // Side by side: an unchanged page is the same record, so only changed ones compare their strings.
    private static bool SameAddresses(SiteModel before, SiteModel now)
    {
        if (before.Pages.Count != now.Pages.Count)
            return false;
        for (var i = 0; i < now.Pages.Count; i++)
        {
            var (a, b) = (before.Pages[i], now.Pages[i]);
            if (!ReferenceEquals(a, b) && (a.RelativePath != b.RelativePath || a.Url != b.Url))
                return false;
        }
        return true;
    }

    /// <summary>Every other file the site publishes, by output path: the input's static files and the theme's assets.</summary>
    public IReadOnlySet<string> Files { get; }

    /// <summary>The symptom checker's data; null when it is missing or has errors (reported).</summary>
    public CheckerData? Checker { get; }

    public Page? Find(string relativePath) => _byPath.GetValueOrDefault(relativePath);

    /// <summary>The page published at a site-relative URL (<c>care/aftercare/</c>, encoded as in links), if any.</summary>
    public Page? AtUrl(string url) => _byUrl.GetValueOrDefault(url);

    /// <summary>The index pages of the folders above a page, from the home page down.</summary>
    public IEnumerable<Page> Ancestors(Page page)
    {
        if (page.IsHome)
            yield break;
        var folders = page.RelativePath.Split('/')[..^1];
        for (var i = 0; i <= folders.Length; i++)
        {
            var path = i == 0 ? "index.md" : string.Join('/', folders[..i]) + "/index.md";
            if (path != page.RelativePath && Find(path) is { } parent)
                yield return parent;
        }
    }

    /// <summary>A site URL with the base path, e.g. <c>/clinic/aftercare/</c>.</summary>
    public string SiteUrl(string relativeUrl) => Options.SiteUrl(relativeUrl);

    /// <summary>An absolute URL for sitemaps and canonical links.</summary>
    public string AbsoluteUrl(string relativeUrl) => Options.AbsoluteUrl(Settings.Url, relativeUrl);
}
