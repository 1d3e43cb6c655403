namespace Site.Settings;

/// <summary>The site-wide settings from <c>input/site.yml</c>.</summary>
public sealed record SiteSettings(
    string Title,
    string Description,
    string Language,
    string Url,
    ClinicDetails Clinic,
    PhoneNumbers Numbers,
    IReadOnlyList<NavigationEntry> Navigation,
    IReadOnlyList<NavigationEntry> Footer)
{
    /// <summary>Values writers may place in pages as <c>{{ numbers.emergency }}</c>, so numbers are never hard-coded.</summary>
    public Placeholders Placeholders { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["site.title"] = Title,
        ["clinic.name"] = Clinic.Name,
        ["clinic.email"] = Clinic.Email,
        ["clinic.phone"] = Clinic.Phone,
        ["clinic.address"] = Clinic.Address,
        ["numbers.emergency"] = Numbers.Emergency,
        ["numbers.urgent"] = Numbers.Urgent,
    });
}

public sealed record ClinicDetails(string Name, string Email, string Phone, string Address);

/// <summary>Emergency and urgent-care numbers differ by country, so they live in settings.</summary>
public sealed record PhoneNumbers(string Emergency, string Urgent);

/// <summary>
/// A menu entry (main navigation or footer) names a page by its markdown path, with a short label where the page's title is too
/// long for the menu; the line lets a broken entry be reported.
/// </summary>
public sealed record NavigationEntry(string Page, string? Label, int Line, int Column);
