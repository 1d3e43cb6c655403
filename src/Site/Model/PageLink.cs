namespace Site.Model;

/// <summary>What a link between pages points at, as far as its own text tells.</summary>
public enum LinkKind
{
    /// <summary>A markdown page (<c>aftercare.md</c>), maybe with a fragment.</summary>
    Page,

    /// <summary>Any other path: a published file, or by mistake a page's address.</summary>
    File,

    /// <summary>Only a fragment (<c>#ice</c>): a section of the same page.</summary>
    Fragment,

    /// <summary>A path from the site root (<c>/aftercare/</c>), which would skip the base path.</summary>
    Rooted,

    /// <summary>A path that climbs out of the input folder.</summary>
    Outside,
}

/// <summary>A link a page makes to a page or file of the site, with where it is written, for the link check.</summary>
/// <param name="Target">The input path it points at (<c>care/aftercare.md</c>); the page's own path for a fragment.</param>
public sealed record PageLink(string Written, LinkKind Kind, string Target, string? Fragment, int Line, int Column);
