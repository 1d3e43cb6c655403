using System.Collections.Frozen;
using Site.Files;
using Site.Layout;
using Site.Links;
using Site.Model;
using Site.Output;

namespace Site.Pipelines;

/// <summary>
/// What earlier builds made that this one may reuse, for the preview's incremental builds; a plain build has none.
/// Whoever makes it decides what is still valid: <paramref name="Last"/> only while nothing a page's own pass
/// reads (settings, layouts, checker data, synonyms) has changed, <paramref name="Rendered"/> only while the layouts
/// are the same.
/// </summary>
/// <param name="Last">The last build's model, whose pages are reused while their files are unchanged.</param>
/// <param name="LastLinks">The last build's link check, of <paramref name="Last"/>.</param>
/// <param name="Stale">Full paths of files to read again whatever they look like (the watcher saw them change).</param>
/// <param name="Rendered">The last site that built, with the model and view it was rendered from.</param>
public sealed record BuildCache(SiteModel? Last, LinkCheck? LastLinks, IReadOnlySet<string> Stale, RenderedSite? Rendered)
{
    public static readonly BuildCache None = new(null, null, FrozenSet<string>.Empty, null);

    /// <summary>The last build's search data, of <paramref name="Last"/>'s pages.</summary>
    public Search.SearchIndex? LastSearch { get; init; }

    /// <summary>Each page file with the last build's page of it, when that is still valid (else null).</summary>
    /// <param name="files">In ordinal order of input path, as a scan lists them.</param>
    public IEnumerable<(SourceFile File, Page? Page)> Reusable(IEnumerable<SourceFile> files)
    {
        // The last pages are in that order too: both are walked side by side, with no lookup for each of thousands of files.
        var pages = Last?.Pages ?? [];
        var i = 0;
        foreach (var file in files)
        {
            while (i < pages.Count && !ReferenceEquals(pages[i].Source, file) && string.CompareOrdinal(pages[i].RelativePath, file.RelativePath) < 0)
                i++;
            yield return (file, i < pages.Count && IsUnchanged(pages[i].Source, file) ? pages[i] : null);
        }
    }

    // A file the preview saw change is always a new record, so the very record the page was read from is unchanged.
    private bool IsUnchanged(SourceFile before, SourceFile now) =>
        ReferenceEquals(before, now) || (before == now && !Stale.Contains(now.FullPath));

    /// <summary>Whether this build has this very page from the last one, unchanged.</summary>
    public bool Reused(Page page) => Last != null && ReferenceEquals(Last.Find(page.RelativePath), page);

    /// <summary>The last site, if it was rendered with a view equal to this one; compared once, since it lists every page.</summary>
    public RenderedSite? RenderedWith(SiteView view) => Rendered != null && Rendered.View.Equals(view) ? Rendered : null;
}

/// <summary>A site that built, held in memory, with the model and view its pages were rendered from.</summary>
public sealed record RenderedSite(SiteModel Site, SiteView View, MemoryOutput Output)
{
    /// <summary>The HTML this page was rendered to, if this very page was rendered.</summary>
    public byte[]? HtmlOf(Page page) => ReferenceEquals(Site.Find(page.RelativePath), page) ? Output.Find(page.OutputPath) : null;
}
