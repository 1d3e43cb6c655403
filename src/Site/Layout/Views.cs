namespace Site.Layout;

// What layouts can read. Members are exposed to Liquid in snake_case (page.last_reviewed_text).

public sealed record SiteView(
    string Title,
    string Description,
    string Language,
    string Url,
    string BasePath,
    ClinicView Clinic,
    NumbersView Numbers,
    IReadOnlyList<LinkView> Navigation,
    IReadOnlyList<LinkView> Footer,
    IReadOnlyList<PageLinkView> Pages,
    string SearchPage,
    string SearchIndex,
    CheckerView? Checker)
{
    // By value, lists too: the preview keeps a page's rendered HTML while the view it was rendered with is equal.
    public bool Equals(SiteView? other) =>
        other is not null && (Title, Description, Language, Url, BasePath, Clinic, Numbers, SearchPage, SearchIndex, Checker)
            == (other.Title, other.Description, other.Language, other.Url, other.BasePath, other.Clinic, other.Numbers, other.SearchPage, other.SearchIndex, other.Checker)
        && Navigation.SequenceEqual(other.Navigation) && Footer.SequenceEqual(other.Footer) && (ReferenceEquals(Pages, other.Pages) || Pages.SequenceEqual(other.Pages));

    public override int GetHashCode() => HashCode.Combine(Title, Url, Navigation.Count, Pages.Count, Checker);
}

/// <summary>The symptom checker, for its page: version and review date to show, and the data for the script.</summary>
public sealed record CheckerView(string Version, string LastReviewed, string LastReviewedText, string ReviewedBy, string Json);

public sealed record ClinicView(string Name, string Email, string Phone, string Address);

public sealed record NumbersView(string Emergency, string Urgent);

public sealed record LinkView(string Title, string Url);

public sealed record PageLinkView(string Title, string Url, string Description);

public sealed record SourceView(string Title, string Publisher, int Year, string Url);

public sealed record PageView(
    string Title,
    string Description,
    string Url,
    string CanonicalUrl,
    string Content,
    string Author,
    string ReviewedBy,
    string LastReviewed,
    string LastReviewedText,
    string NextReview,
    string NextReviewText,
    IReadOnlyList<SourceView> Sources,
    IReadOnlyList<string> Tags,
    IReadOnlyList<LinkView> Breadcrumbs,
    bool IsHome,
    string JsonLd,
    string SuggestUrl);

public sealed record NotFoundView(string Title, string Description, string Url, string CanonicalUrl);
