using System.Text.RegularExpressions;
using Site.Diagnostics;
using Site.Pipelines;
using Site.Yaml;
using YamlDotNet.RepresentationModel;

namespace Site.Content;

/// <summary>Reads and checks each page's YAML front matter against the site's content rules.</summary>
/// <param name="dueDates">Whether a page past or near its <c>next_review</c> is a problem; <c>review</c> lists such pages instead.</param>
public sealed partial class ParseFrontMatter(IReadOnlyCollection<string> layouts, bool dueDates = true) : DocumentModule
{
    public const string DefaultLayout = "page";

    public const int MaxDescriptionLength = FrontMatterSchema.MaxDescriptionLength;
    public const int ReviewWarningDays = 30;

    public override void Process(Document document, BuildContext context)
    {
        var yaml = FrontMatterBlock.Extract(document.Text);
        if (yaml == null)
        {
            context.Error(document, Codes.FrontMatterMissing, 1, 1, "the page has no front matter",
                "start the file with a line '---', then title, description, author, reviewed_by, last_reviewed, next_review and sources, then a line '---'");
            return;
        }

        var diagnostics = document.Diagnostics;
        var root = YamlText.Parse(yaml.Value.Text, FrontMatterBlock.FirstYamlLine, document.DisplayPath, diagnostics);
        if (root == null)
        {
            document.MarkFailed();
            return;
        }

        var reader = MappingReader.From(root, FrontMatterBlock.FirstYamlLine, document.DisplayPath, diagnostics, "the front matter", 1,
            context.Settings.Placeholders, yaml.Value.Text);
        if (reader == null)
        {
            document.MarkFailed();
            return;
        }
        document.FrontMatterYaml = (YamlMappingNode)root;
        var frontMatter = Read(reader, context.Options.Today, layouts, dueDates);
        if (reader.ErrorCount > 0 || frontMatter == null)
            document.MarkFailed();
        else
            document.FrontMatter = frontMatter;
    }

    internal static FrontMatter? Read(MappingReader r, DateOnly today, IReadOnlyCollection<string> layouts, bool dueDates)
    {
        r.RejectUnknownKeys([.. FrontMatterSchema.Keys]);
        var title = r.String("title", true, "How long should soreness last?");
        var description = r.String("description", true, "A sentence that tells readers what the page answers.");
        if (description is { Length: > MaxDescriptionLength })
            r.Error(Codes.DescriptionTooLong, r.Node("description", false, "")!,
                $"'description' is {description.Length} characters long; the most is {MaxDescriptionLength}",
                "shorten it to one plain sentence: search engines cut longer descriptions");

        var author = r.String("author", true, "Clinic editorial team");
        var reviewer = r.String("reviewed_by", true, "Clinical lead");
        if (author != null && reviewer != null && string.Equals(author, reviewer, StringComparison.OrdinalIgnoreCase))
            r.Error(Codes.ReviewerIsAuthor, r.Node("reviewed_by", false, "")!,
                "'reviewed_by' names the author: a page must be reviewed by someone else", "ask a clinician who did not write the page to review it");

        var last = r.Date("last_reviewed", true);
        var next = r.Date("next_review", true);
        CheckReviewDates(r, last, next, today, dueDates);

        var sources = ReadSources(r, today);
        var tags = ReadTags(r);
        var allowed = r.Strings("allow_words", "[utilise]");
        var layout = r.String("layout", false, DefaultLayout) ?? DefaultLayout;
        if (!layouts.Contains(layout))
            r.Error(Codes.InvalidValue, r.Node("layout", false, "")!, $"there is no layout '{layout}' in the theme",
                $"use one of: {string.Join(", ", layouts.Order(StringComparer.Ordinal))}, or leave 'layout' out");

        if (title == null || description == null || author == null || reviewer == null || last == null || next == null || sources == null)
            return null;
        return new FrontMatter(title, description, author, reviewer, last.Value, next.Value, sources, tags, layout) { AllowedWords = allowed };
    }

    private static void CheckReviewDates(MappingReader r, DateOnly? last, DateOnly? next, DateOnly today, bool dueDates)
    {
        if (last is { } l && l > today)
            r.Error(Codes.InvalidValue, r.Node("last_reviewed", false, "")!,
                $"'last_reviewed' is {l:yyyy-MM-dd}, which is after today ({today:yyyy-MM-dd})", "use the date the clinical review actually happened");
        if (next is not { } n)
            return;
        if (dueDates && n <= today)
            r.Error(Codes.ReviewOverdue, r.Node("next_review", false, "")!,
                $"the page was due for review on {n:yyyy-MM-dd}", "have the page reviewed, then update 'last_reviewed' and set a new 'next_review'");
        else if (dueDates && n <= today.AddDays(ReviewWarningDays))
            r.Warning(Codes.ReviewDueSoon, r.Node("next_review", false, "")!,
                $"the page is due for review on {n:yyyy-MM-dd}, within {ReviewWarningDays} days", "book its clinical review");
        if (last is { } l2 && l2 >= n)
            r.Error(Codes.InvalidValue, r.Node("next_review", false, "")!,
                "'next_review' must come after 'last_reviewed'", "set the next review a year or less after the last one");
    }

    private static List<Source>? ReadSources(MappingReader r, DateOnly today)
    {
        var list = r.Sequence("sources", true, "- title: ..., publisher: ..., year: 2024");
        if (list == null)
            return null;
        if (list.Children.Count == 0)
        {
            r.Error(Codes.InvalidValue, list, "'sources' is empty: every page names at least one source", "add a source with its title, publisher and year");
            return null;
        }
        var sources = new List<Source>();
        foreach (var item in list)
        {
            var s = r.Item(item, "sources");
            if (s == null)
                continue;
            s.RejectUnknownKeys([.. FrontMatterSchema.SourceKeys]);
            var title = s.String("title", true, "Title of the article or page");
            var publisher = s.String("publisher", true, "NHS");
            var year = s.Integer("year", true, "2024");
            if (year is { } y && (y < 1900 || y > today.Year))
                s.Error(Codes.InvalidValue, s.Node("year", false, "")!, $"'year' {y} is not a publication year", $"use a year between 1900 and {today.Year}");
            var url = s.String("url", false, "https://www.nhs.uk/");
            if (url != null && !UrlPolicy.IsWebAddress(url))
                s.Error(Codes.InvalidValue, s.Node("url", false, "")!, "'url' must be a full web address starting with https:// or http://", "for example 'url: https://www.nhs.uk/'");
            if (title != null && publisher != null && year != null)
                sources.Add(new Source(title, publisher, year.Value, url));
        }
        return sources;
    }

    private static List<string> ReadTags(MappingReader r)
    {
        var tags = new List<string>();
        var list = r.Sequence("tags", false, "[soreness, aftercare]");
        if (list == null)
            return tags;
        foreach (var item in list)
        {
            if (item is YamlScalarNode { Value: { } tag } && TagPattern().IsMatch(tag))
                tags.Add(tag);
            else
                r.Error(Codes.InvalidValue, item, "each tag must be a single word", "use lowercase words such as 'soreness' or 'first-massage'");
        }
        return tags;
    }

    /// <summary>What a tag may be; also valid JavaScript (with the u flag), so the web editor checks the same.</summary>
    internal const string TagPatternText = @"^[\p{Ll}\p{Lu}\p{Nd}][\p{Ll}\p{Lu}\p{Nd}-]*$";

    [GeneratedRegex(TagPatternText)]
    private static partial Regex TagPattern();
}
