using Site.Content;
using Site.Diagnostics;
using Site.Files;
using Site.Search;

namespace Site.Model;

/// <summary>
/// One page of the site as the content pipeline left it, read by every later stage and never changed. A page
/// with errors is still here (links to it are checked like any other), but has nothing to render.
/// </summary>
/// <param name="RelativePath">Its path in the input folder, e.g. <c>care/aftercare.md</c>.</param>
/// <param name="Url">Site-relative, percent-encoded, without the base path, e.g. <c>care/aftercare/</c>; empty for the home page.</param>
/// <param name="OutputPath">Where it is written, e.g. <c>care/aftercare/index.html</c>.</param>
/// <param name="FrontMatter">Null when the front matter has errors.</param>
/// <param name="Ids">Every section and heading id, the fragments a link may name.</param>
/// <param name="Links">Its links to pages and files of the site, for the link check.</param>
/// <param name="Body">The page's own HTML as UTF-8, links rewritten, before the layout; null when it has errors.
/// Held as bytes, half the size of a string, since every page's body waits in memory for the site model.</param>
/// <param name="SearchText">Its text as search reads it, for the search data; null when it has errors.</param>
/// <param name="Diagnostics">Its own problems, found on its text alone.</param>
public sealed record Page(
    SourceFile Source,
    string RelativePath,
    string DisplayPath,
    string Url,
    string OutputPath,
    FrontMatter? FrontMatter,
    IReadOnlySet<string> Ids,
    IReadOnlyList<PageLink> Links,
    byte[]? Body,
    PageText? SearchText,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors { get; } = Diagnostics.Any(d => d.Severity == Severity.Error);

    public bool IsHome => Url.Length == 0;

    /// <summary>How hard its text is to read (<see cref="CheckReadability"/>); null when it is too short to judge or was not read.</summary>
    public CheckReadability.Readability? Readability { get; init; }

    /// <summary>The title and the rest of what other pages show of this one: when it changes, they change.</summary>
    public (string Title, string Description, string Url)? Summary =>
        FrontMatter == null ? null : (FrontMatter.Title, FrontMatter.Description, Url);
}
