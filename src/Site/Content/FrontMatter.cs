namespace Site.Content;

/// <summary>A page's checked front matter.</summary>
public sealed record FrontMatter(
    string Title,
    string Description,
    string Author,
    string ReviewedBy,
    DateOnly LastReviewed,
    DateOnly NextReview,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<string> Tags,
    string Layout)
{
    /// <summary>Words the plain-words check lets stand on this page (<c>allow_words</c>).</summary>
    public IReadOnlyList<string> AllowedWords { get; init; } = [];
}

/// <summary>Where a page's facts come from.</summary>
public sealed record Source(string Title, string Publisher, int Year, string? Url);
