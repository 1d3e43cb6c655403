namespace Site.Layout;

// What layouts can read. Members are exposed to Liquid in snake_case (page.last_reviewed_text).

public sealed record SiteModel(
    string Title,
    string Description,
    string Language,
    string Url,
    string BasePath,
    ClinicModel Clinic,
    NumbersModel Numbers,
    IReadOnlyList<LinkModel> Navigation,
    IReadOnlyList<PageLinkModel> Pages,
    string SearchIndex,
    CheckerModel? Checker);

/// <summary>The symptom checker, for its page: version and review date to show, and the data for the script.</summary>
public sealed record CheckerModel(string Version, string LastReviewed, string LastReviewedText, string ReviewedBy, string Json);

public sealed record ClinicModel(string Name, string Email, string Phone, string Address);

public sealed record NumbersModel(string Emergency, string Urgent);

public sealed record LinkModel(string Title, string Url);

public sealed record PageLinkModel(string Title, string Url, string Description);

public sealed record SourceModel(string Title, string Publisher, int Year, string Url);

public sealed record PageModel(
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
    IReadOnlyList<SourceModel> Sources,
    IReadOnlyList<string> Tags,
    IReadOnlyList<LinkModel> Breadcrumbs,
    bool IsHome,
    string JsonLd);

public sealed record NotFoundPageModel(string Title, string Description, string Url, string CanonicalUrl);
