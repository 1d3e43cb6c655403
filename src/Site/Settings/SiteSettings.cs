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
    /// <summary>Where the site's source lives on GitHub: pages link to their source, and the web editor opens pull
    /// requests there. Null when <c>site.yml</c> names none.</summary>
    public SourceRepository? Repository { get; init; }

    /// <summary>Who reviews which files (as <c>.github/CODEOWNERS</c> says): placeholder team names to replace.</summary>
    public Owners? Owners { get; init; }

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

/// <summary>A GitHub repository, <c>owner/name</c>, the branch the site is published from, and the folder of the
/// repository that holds the pages.</summary>
public sealed record SourceRepository(string Name, string Branch, string Folder)
{
    /// <summary>The address where GitHub offers to edit a page's file and propose the change as a pull request.</summary>
    public string EditUrl(string relativePath) => $"https://github.com/{Name}/edit/{Escape(Branch)}/{Escape(Folder)}/{Escape(relativePath)}";

    private static string Escape(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}

/// <summary>The teams that own the content (clinical review) and the code (maintainers), as <c>@org/team</c>.</summary>
public sealed record Owners(string Clinical, string Maintainers);
