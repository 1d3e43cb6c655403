using Site.Checker;
using Site.Pipelines;
using Site.Layout;
using Site.Links;
using Site.Model;
using Site.PlainWords;
using Site.Search;

namespace Site;

/// <summary>What the pipelines make for each other; <see cref="SiteBuilder.Pipelines"/> shows who makes and reads each.</summary>
public static class Products
{
    /// <summary>The symptom checker's data, proved safe; null when it is missing or has errors.</summary>
    public static readonly Product<CheckerData?> Checker = new("checker data");

    public static readonly Product<Synonyms> Synonyms = new("search synonyms");

    /// <summary>Formal words and their plainer choices, which pages are checked for.</summary>
    public static readonly Product<PlainWordList> PlainWords = new("plain words");

    /// <summary>Every page as the content pipeline left it.</summary>
    public static readonly Product<IReadOnlyList<Page>> Pages = new("pages");

    /// <summary>The one model of the site that every later stage reads.</summary>
    public static readonly Product<SiteModel> Site = new("site model");

    /// <summary>What the layouts see of the site, made once for every page and the 404 page.</summary>
    public static readonly Product<SiteView> View = new("site view");

    /// <summary>The search data in memory, which the preview keeps to update on the next save.</summary>
    public static readonly Product<SearchIndex> Search = new("search index");

    /// <summary>The pages whose links are broken, so they are not rendered.</summary>
    public static readonly Product<LinkCheck> Links = new("link check");
}
