using System.Globalization;
using System.Text;
using Site.Content;
using Site.Diagnostics;
using Site.Model;
using Site.Pipelines;
using Site.Settings;

namespace Site.Review;

/// <summary>What a build made of a pull request's changes, for reviewers to read on the pull request.</summary>
/// <param name="Root">The folder the changes' paths start from: the repository's root.</param>
/// <param name="Settings">Null when <c>site.yml</c> could not be read: then addresses are given without the site's host.</param>
/// <param name="Site">Null when the build could not make its site model.</param>
/// <param name="Diagnostics">Every problem the build found.</param>
/// <param name="ArtifactUrl">Where the built site can be downloaded; null or empty when it was not uploaded.</param>
public sealed record SummaryInput(IReadOnlyList<Change> Changes, string Root, BuildOptions Options, SiteSettings? Settings, SiteModel? Site,
    IReadOnlyList<Diagnostic> Diagnostics, string? ArtifactUrl)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int Warnings => Diagnostics.Count - Errors;
}

/// <summary>
/// Writes the markdown of a pull request's job summary: the build's problem counts, a link to the built site,
/// and each page added, changed or removed with its address on the published site, its reading grade and its review
/// dates; other files in a line.
/// </summary>
public static class ChangeSummary
{
    public const int MaxOtherFiles = 20;

    private static readonly ChangeKind[] Order = [ChangeKind.Added, ChangeKind.Changed, ChangeKind.Removed];

    public static string Write(SummaryInput input)
    {
        var text = new StringBuilder();
        text.AppendLine("## The site in this pull request").AppendLine();
        text.AppendLine($"The build: **{Plural(input.Errors, "error")}, {Plural(input.Warnings, "warning")}**"
            + (input.Site != null ? $" ({Plural(input.Site.Pages.Count, "page")})." : ".")
            + (input.Errors + input.Warnings > 0 ? " The \"Build site\" step lists each one with its file, line and fix." : ""));
        text.AppendLine();
        text.AppendLine(!string.IsNullOrEmpty(input.ArtifactUrl)
            ? $"{MarkdownText.Link("Download the built site", input.ArtifactUrl)} (a zip of the `output/` folder)."
            : input.Errors > 0 ? "There is no built site to download: the build has errors."
            : "No link to the built site was given.");
        text.AppendLine();

        var inputFolder = input.Options.InputDirectory;
        var pages = new List<(Change Change, string RelativePath)>();
        var others = new List<Change>();
        foreach (var change in input.Changes)
        {
            var relative = UnderFolder(Path.Combine(input.Root, change.Path), inputFolder);
            if (relative != null && InputFiles.IsPage(relative) && InputFiles.IsPublished(relative))
                pages.Add((change, relative));
            else
                others.Add(change);
        }

        text.AppendLine("### Pages").AppendLine();
        if (pages.Count == 0)
            text.AppendLine("No page is added, changed or removed.");
        else
        {
            text.AppendLine($"| change | file | title | address | reading grade (aim: {CheckReadability.MaxGrade:0} or lower) | last reviewed | next review | problems |");
            text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
            foreach (var (change, relative) in pages.OrderBy(p => Array.IndexOf(Order, p.Change.Kind)).ThenBy(p => p.Change.Path, StringComparer.Ordinal))
                text.AppendLine(Row(input, change, relative));
        }
        if (others.Count > 0)
        {
            var listed = string.Join(", ", others.Take(MaxOtherFiles).Select(o => $"{MarkdownText.Cell(o.Path)} ({Word(o.Kind)})"));
            var more = others.Count > MaxOtherFiles ? $", and {others.Count - MaxOtherFiles} more" : "";
            text.AppendLine().AppendLine($"Other files: {listed}{more}.");
        }
        return text.ToString();
    }

    private static string Row(SummaryInput input, Change change, string relative)
    {
        // A removed page is not in the build: its old address comes from its path, by the rule every page's does.
        var page = change.Kind == ChangeKind.Removed ? null : input.Site?.Find(relative);
        var url = page?.Url ?? AssignUrls.UrlFor(relative).Url;
        var address = input.Settings != null ? input.Options.AbsoluteUrl(input.Settings.Url, url) : input.Options.SiteUrl(url);
        var problems = page == null ? [] : input.Diagnostics.Where(d => d.File == page.DisplayPath).ToList();
        var errors = problems.Count(d => d.Severity == Severity.Error);
        var (title, link, grade, last, next, found) = change.Kind == ChangeKind.Removed
            ? (None, $"{MarkdownText.Cell(address)} (no longer published)", None, None, None, None)
            : page == null
                ? (None, MarkdownText.Cell(address), "not in the build", None, None, None)
                : (Title(page), errors > 0 ? $"{MarkdownText.Cell(address)} (not published: the page has errors)" : MarkdownText.Link(address, address),
                    Grade(page), Date(page.FrontMatter?.LastReviewed), Next(page.FrontMatter?.NextReview, input.Options.Today),
                    $"{Plural(errors, "error")}, {Plural(problems.Count - errors, "warning")}");
        return $"| {Word(change.Kind)} | {MarkdownText.Cell(change.Path)} | {title} | {link} | {grade} | {last} | {next} | {found} |";
    }

    /// <summary>What a cell shows where a column does not apply.</summary>
    private const string None = "–";

    private static string Title(Page page) => page.FrontMatter is { } front ? MarkdownText.Cell(front.Title) : "(the front matter has errors)";

    private static string Grade(Page page) => page.Readability is not { } score
        ? "too short to score"
        : score.Grade.ToString("0.0", CultureInfo.InvariantCulture) + (score.Grade > CheckReadability.MaxGrade ? " (too hard)" : "");

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? None;

    private static string Next(DateOnly? next, DateOnly today) => next is not { } date ? None
        : date <= today ? Date(date) + " (overdue)"
        : date <= today.AddDays(ParseFrontMatter.ReviewWarningDays) ? Date(date) + $" (within {ParseFrontMatter.ReviewWarningDays} days)"
        : Date(date);

    /// <summary>The path below <paramref name="folder"/>, with '/', or null when it is not below it.</summary>
    private static string? UnderFolder(string path, string folder)
    {
        var full = Path.GetFullPath(path);
        var prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal) ? full[prefix.Length..].Replace('\\', '/') : null;
    }

    private static string Word(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Changed => "changed",
        _ => "removed",
    };

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n.ToString("N0", CultureInfo.InvariantCulture)} {word}s";
}
