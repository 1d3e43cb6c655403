using System.Collections.Frozen;
using Site.Files;
using Site.Layout;
using Site.Model;
using Site.Output;

namespace Site.Pipelines;

/// <summary>
/// What earlier builds made that this one may reuse, for the preview's incremental builds; a plain build has none.
/// Whoever makes it decides what is still valid: <paramref name="Pages"/> only while nothing a page's own pass
/// reads (settings, layouts, checker data, synonyms) has changed, <paramref name="Rendered"/> only while the layouts
/// are the same.
/// </summary>
/// <param name="Pages">The last build's pages, by input path; each is reused while its file is unchanged.</param>
/// <param name="Stale">Full paths of files to read again whatever they look like (the watcher saw them change).</param>
/// <param name="Rendered">The last site that built, with the model and view it was rendered from.</param>
public sealed record BuildCache(Func<string, Page?> Pages, IReadOnlySet<string> Stale, RenderedSite? Rendered)
{
    public static readonly BuildCache None = new(_ => null, FrozenSet<string>.Empty, null);

    public Page? Reusable(SourceFile file) =>
        Pages(file.RelativePath) is { } page && !Stale.Contains(file.FullPath)
        // An unchanged file is the very record the last scan made: compared by reference first, as it is asked for every page.
        && (ReferenceEquals(page.Source, file) || page.Source == file) ? page : null;

    /// <summary>Whether this build has this very page from the last one, unchanged.</summary>
    public bool Reused(Page page) => ReferenceEquals(Pages(page.RelativePath), page);

    /// <summary>The last site, if it was rendered with a view equal to this one; compared once, since it lists every page.</summary>
    public RenderedSite? RenderedWith(SiteView view) => Rendered != null && Rendered.View.Equals(view) ? Rendered : null;
}

/// <summary>A site that built, held in memory, with the model and view its pages were rendered from.</summary>
public sealed record RenderedSite(SiteModel Site, SiteView View, MemoryOutput Output)
{
    /// <summary>The HTML this page was rendered to, if this very page was rendered.</summary>
    public byte[]? HtmlOf(Page page) => ReferenceEquals(Site.Find(page.RelativePath), page) ? Output.Find(page.OutputPath) : null;
}
