using System.Collections.Frozen;

namespace Site.Links;

/// <summary>What the link check found: the pages with a broken link, which are not rendered.</summary>
public sealed record LinkCheck(FrozenSet<string> BrokenPages)
{
    public bool IsBroken(string relativePath) => BrokenPages.Contains(relativePath);
}
