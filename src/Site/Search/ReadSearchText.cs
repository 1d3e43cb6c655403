using Site.Layout;
using Site.Pipelines;

namespace Site.Search;

/// <summary>Reads each page's text for search, and its result record, while its syntax tree is there
/// (<see cref="PageText"/>); the search pipeline makes the rest of the search data from it, beside the pages' rendering.
/// The search page itself is left out: it answers nothing, and only lists the answers.</summary>
public sealed class ReadSearchText : DocumentModule
{
    public override void Process(Document document, BuildContext context)
    {
        if (document.FrontMatter is { } front && front.Layout != BuildSiteView.SearchLayout)
            document.SearchText = PageText.Read(document.Syntax!, document.RelativePath, context.SiteUrl(document.Url!), front.Title);
    }
}
