using Site.Diagnostics;
using Site.Model;

namespace Site.Links;

/// <summary>
/// What the link check found: the problems of each page with a broken link, which is not rendered. Kept by the
/// preview, so the next build takes a page's result as it was while neither the page nor anything its links can
/// name has changed.
/// </summary>
public sealed record LinkCheck(IReadOnlyDictionary<string, IReadOnlyList<Diagnostic>> Broken)
{
    public bool IsBroken(string relativePath) => Broken.ContainsKey(relativePath);

    /// <summary>
    /// Whether every link resolves the same way in both sites: the same pages by input path, each with the same
    /// fragment ids, and the same files. Pages are in input order in both, so they are compared side by side, and
    /// an unchanged page is the same record.
    /// </summary>
    public static bool SameTargets(SiteModel before, SiteModel now)
    {
        if (before.Pages.Count != now.Pages.Count || !before.Files.SetEquals(now.Files))
            return false;
        for (var i = 0; i < now.Pages.Count; i++)
        {
            var (a, b) = (before.Pages[i], now.Pages[i]);
            if (!ReferenceEquals(a, b) && (a.RelativePath != b.RelativePath || !a.Ids.SetEquals(b.Ids)))
                return false;
        }
        return true;
    }
}
