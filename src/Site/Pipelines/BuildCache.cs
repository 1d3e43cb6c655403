using System.Collections.Frozen;
using Site.Layout;
using Site.Model;
using Site.Output;

namespace Site.Pipelines;

/// <summary>
/// What a previous build made that this one may reuse, for the preview's incremental builds; a plain build has
/// none. Whoever makes it decides what is still valid: <paramref name="Pages"/> only when nothing a page's own
/// pass reads (settings, checker data, layouts) has changed, <paramref name="View"/> only when the layouts are the same.
/// </summary>
/// <param name="Pages">Pages by input path; reused when their file is unchanged.</param>
/// <param name="View">The site view the <paramref name="Output"/> was rendered with.</param>
/// <param name="Output">The previous site: a page whose model and view are unchanged keeps its rendered bytes.</param>
public sealed record BuildCache(IReadOnlyDictionary<string, Page> Pages, SiteView? View, MemoryOutput? Output)
{
    public static readonly BuildCache None = new(FrozenDictionary<string, Page>.Empty, null, null);

    public Page? Reusable(Files.SourceFile file) =>
        Pages.TryGetValue(file.RelativePath, out var page) && page.Source == file ? page : null;
}
