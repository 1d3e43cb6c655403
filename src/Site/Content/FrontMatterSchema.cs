namespace Site.Content;

/// <summary>What a front-matter value holds, as a writer and the web editor see it.</summary>
public enum FieldKind
{
    Text,
    /// <summary>A date written YYYY-MM-DD.</summary>
    Date,
    /// <summary>A list of single lowercase words.</summary>
    Tags,
    /// <summary>A list of words or phrases.</summary>
    Words,
    /// <summary>The list of sources, each with the fields of <see cref="FrontMatterSchema.SourceFields"/>.</summary>
    Sources,
    /// <summary>A layout of the theme.</summary>
    Layout,
}

/// <summary>One key of a page's front matter.</summary>
/// <param name="Label">Its name in the web editor.</param>
/// <param name="Hint">What to write, in plain words, for the editor and the page scaffold.</param>
public sealed record FrontMatterField(string Key, string Label, FieldKind Kind, bool Required, string Hint, int? MaxLength = null);

/// <summary>
/// The keys a page's front matter may have: the one list that the build checks pages against
/// (<see cref="ParseFrontMatter"/>), that <c>new</c> writes a page from and that the web editor's fields are made
/// from, so the three cannot drift apart.
/// </summary>
public static class FrontMatterSchema
{
    public const int MaxDescriptionLength = 160;

    public static IReadOnlyList<FrontMatterField> Fields { get; } =
    [
        new("title", "Title", FieldKind.Text, true, "The question or topic the page answers, in the reader's words."),
        new("description", "Description", FieldKind.Text, true,
            $"One plain sentence that says what the page answers; search results show it. At most {MaxDescriptionLength} characters.", MaxDescriptionLength),
        new("author", "Author", FieldKind.Text, true, "Who wrote the page, for example 'Clinic editorial team'."),
        new("reviewed_by", "Reviewed by", FieldKind.Text, true, "The clinician who checked the page; not its author."),
        new("last_reviewed", "Last reviewed", FieldKind.Date, true, "The day the clinical review happened."),
        new("next_review", "Next review", FieldKind.Date, true, "When the page must be reviewed again: a year or less after the last review."),
        new("sources", "Sources", FieldKind.Sources, true, "Where the page's facts come from: at least one."),
        new("tags", "Tags", FieldKind.Tags, false, "Single lowercase words for the topic, such as 'aftercare'."),
        new("allow_words", "Words to allow", FieldKind.Words, false,
            "Words the plain-words check suggests replacing that are the right words on this page."),
        new("layout", "Layout", FieldKind.Layout, false, $"Leave it out for an ordinary page ('{ParseFrontMatter.DefaultLayout}')."),
    ];

    /// <summary>The keys of each item of <c>sources</c>.</summary>
    public static IReadOnlyList<FrontMatterField> SourceFields { get; } =
    [
        new("title", "Title", FieldKind.Text, true, "The title of the article or web page."),
        new("publisher", "Publisher", FieldKind.Text, true, "Who published it, for example 'NHS'."),
        new("year", "Year", FieldKind.Text, true, "The year it was published."),
        new("url", "Web address", FieldKind.Text, false, "Its full web address, starting with https://."),
    ];

    public static IReadOnlyList<string> Keys { get; } = [.. Fields.Select(f => f.Key)];

    public static IReadOnlyList<string> SourceKeys { get; } = [.. SourceFields.Select(f => f.Key)];

    public static FrontMatterField Field(string key) => Fields.Single(f => f.Key == key);
}
