using Site.Diagnostics;
using Site.Files;
using Site.Yaml;
using YamlDotNet.RepresentationModel;

namespace Site.Settings;

/// <summary>Reads and checks <c>site.yml</c>; returns null when it has errors, which are reported.</summary>
public static class SiteSettingsLoader
{
    public const string FileName = "site.yml";

    public static SiteSettings? Load(string inputDirectory, DiagnosticBag diagnostics) => Load(SourceTree.Scan(inputDirectory, diagnostics), diagnostics);

    public static SiteSettings? Load(SourceTree input, DiagnosticBag diagnostics)
    {
        var file = input.Find(FileName);
        if (file == null)
        {
            if (!input.IsRefused(FileName))
                diagnostics.Error(Codes.Settings, input.DisplayPathOf(FileName), 1, 1, "the site settings file is missing",
                    $"create {FileName} in the input folder with the site's title, language, url, clinic and numbers");
            return null;
        }
        var display = file.DisplayPath;
        var text = SourceText.Read(file, diagnostics);
        if (text == null)
            return null;
        var root = YamlText.Parse(text, 1, display, diagnostics);
        var reader = MappingReader.From(root, 1, display, diagnostics, FileName, 1);
        if (reader == null)
            return null;

        reader.RejectUnknownKeys("title", "description", "language", "url", "clinic", "numbers", "navigation", "footer", "repository", "owners");
        var title = PlaceholderValue(reader, "title", "Sore after a massage?");
        var description = reader.String("description", true, "Guidance from our clinic");
        var language = reader.String("language", true, "en-GB");
        var url = reader.String("url", true, "https://example.org");
        if (url != null && !Content.UrlPolicy.IsWebAddress(url))
            reader.Error(Codes.InvalidValue, reader.Node("url", false, "")!, "'url' must be the site's full web address, starting with https:// or http://",
                "for example 'url: https://clinic.example.org'");

        var clinic = ReadClinic(reader.Mapping("clinic", true, "clinic"));
        var numbers = ReadNumbers(reader.Mapping("numbers", true, "numbers"));
        var navigation = ReadMenu(reader, "navigation", "menu");
        var footer = ReadMenu(reader, "footer", "footer");
        var repository = ReadRepository(reader.Mapping("repository", false, "repository"));
        var owners = ReadOwners(reader.Mapping("owners", false, "owners"));

        if (reader.ErrorCount > 0 || title == null || description == null || language == null || url == null || clinic == null || numbers == null)
            return null;
        return new SiteSettings(title, description, language, url, clinic, numbers, navigation, footer) { Repository = repository, Owners = owners };
    }

    /// <summary>Placeholder values go into every page that names them, so a long one would multiply a page's size.</summary>
    public const int MaxPlaceholderLength = 200;

    public const int MaxNavigation = 20;

    private static string? PlaceholderValue(MappingReader r, string key, string example)
    {
        var value = r.String(key, true, example);
        if (value is { Length: > MaxPlaceholderLength })
            r.Error(Codes.Limit, r.Node(key, false, "")!,
                $"'{key}' is {value.Length:N0} characters long; a value pages can use as a placeholder may be at most {MaxPlaceholderLength}",
                "shorten it: it is put into every page that names it");
        return value;
    }

    private static ClinicDetails? ReadClinic(MappingReader? clinic)
    {
        if (clinic == null)
            return null;
        clinic.RejectUnknownKeys("name", "email", "phone", "address");
        var name = PlaceholderValue(clinic, "name", "Riverside Massage Clinic");
        var email = PlaceholderValue(clinic, "email", "hello@example.org");
        var phone = PlaceholderValue(clinic, "phone", "01234 567890");
        var address = PlaceholderValue(clinic, "address", "1 High Street, Town, AB1 2CD");
        return name == null || email == null || phone == null || address == null ? null : new ClinicDetails(name, email, phone, address);
    }

    private static PhoneNumbers? ReadNumbers(MappingReader? numbers)
    {
        if (numbers == null)
            return null;
        numbers.RejectUnknownKeys("emergency", "urgent");
        var emergency = PlaceholderValue(numbers, "emergency", "999");
        var urgent = PlaceholderValue(numbers, "urgent", "111");
        return emergency == null || urgent == null ? null : new PhoneNumbers(emergency, urgent);
    }

    private static SourceRepository? ReadRepository(MappingReader? repository)
    {
        if (repository == null)
            return null;
        repository.RejectUnknownKeys("name", "branch", "folder");
        var name = repository.String("name", true, "example-clinic/clinic-site");
        var branch = repository.String("branch", false, "main") ?? "main";
        var folder = repository.String("folder", false, "input") ?? "input";
        if (name != null && !IsRepositoryName(name))
            repository.Error(Codes.InvalidValue, repository.Node("name", false, "")!, $"'name' is '{name}', which is not a GitHub repository's owner/name",
                "write the owner and the repository's name with a slash between, as in its address: 'example-clinic/clinic-site'");
        if (!IsGitName(branch))
            repository.Error(Codes.InvalidValue, repository.Node("branch", false, "")!, $"'branch' is '{branch}', which is not a branch name",
                "use the name of the branch the site is published from, such as 'main'");
        if (!IsGitName(folder))
            repository.Error(Codes.InvalidValue, repository.Node("folder", false, "")!, $"'folder' is '{folder}', which is not a folder of the repository",
                "name the folder that holds the pages, from the repository's top, such as 'input'");
        return name == null || repository.ErrorCount > 0 ? null : new SourceRepository(name, branch, folder.Trim('/'));
    }

    private static Owners? ReadOwners(MappingReader? owners)
    {
        if (owners == null)
            return null;
        owners.RejectUnknownKeys("clinical", "maintainers");
        string? Team(string key, string example)
        {
            var team = owners.String(key, true, example);
            if (team != null && !(team.StartsWith('@') && team.Length > 1 && team[1..].Split('/').All(IsGitHubName) && team.Count(c => c == '/') <= 1))
                owners.Error(Codes.InvalidValue, owners.Node(key, false, "")!, $"'{key}' is '{team}', which is not a GitHub user or team",
                    $"write it as GitHub does, starting with @: '{example}'");
            return team;
        }
        var clinical = Team("clinical", "@example-clinic/clinical-reviewers");
        var maintainers = Team("maintainers", "@example-clinic/maintainers");
        return clinical == null || maintainers == null || owners.ErrorCount > 0 ? null : new Owners(clinical, maintainers);
    }

    // GitHub's own rules: letters, digits and hyphens for owners and teams; dots and underscores too for repositories.
    private static bool IsGitHubName(string name) => name.Length is > 0 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static bool IsRepositoryName(string name) => name.Split('/') is [var owner, var repo] && IsGitHubName(owner) && IsGitHubName(repo) && repo is not "." and not "..";

    private static bool IsGitName(string branch) => branch.Length is > 0 and <= 200 && !branch.StartsWith('-') && !branch.Contains("..")
        && branch.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/');

    /// <summary>The main menu (<c>navigation</c>) or the footer's links (<c>footer</c>): pages, each maybe with a shorter label.</summary>
    private static List<NavigationEntry> ReadMenu(MappingReader reader, string key, string name)
    {
        var entries = new List<NavigationEntry>();
        var list = reader.Sequence(key, false, "- aftercare.md, or - { page: aftercare.md, label: Aftercare }");
        if (list == null)
            return entries;
        // A menu is on every page: a long one would multiply every page's size, and would not fit a phone anyway.
        if (list.Children.Count > MaxNavigation)
        {
            reader.Error(Codes.Limit, list.Children[MaxNavigation], $"the {name} has {list.Children.Count} entries; the most is {MaxNavigation}",
                "keep the menu to the main pages; the others are found through them and through search");
            return entries;
        }
        foreach (var item in list)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } page })
            {
                entries.Add(new NavigationEntry(page, null, YamlText.Line(item, 1), (int)item.Start.Column));
                continue;
            }
            var entry = reader.Item(item, key);
            if (entry == null)
                continue;
            entry.RejectUnknownKeys("page", "label");
            var path = entry.String("page", true, "aftercare.md");
            var label = entry.String("label", true, "Aftercare");
            if (path != null && label != null)
                entries.Add(new NavigationEntry(path, label, YamlText.Line(item, 1), (int)item.Start.Column));
        }
        return entries;
    }
}
