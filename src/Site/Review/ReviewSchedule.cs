using Site.Content;
using Site.Diagnostics;
using Site.Markdown;
using Site.Output;
using Site.Pipelines;
using Site.Settings;

namespace Site.Review;

/// <summary>One page's clinical review: who reviews it, when it was last reviewed and when it is due again.</summary>
/// <param name="Path">The page's file as a writer sees it, e.g. <c>input/aftercare.md</c>.</param>
/// <param name="RelativePath">Its path in the input folder, for its address on GitHub.</param>
/// <param name="DaysLeft">Days from today to <paramref name="NextReview"/>: 0 or less when the review is overdue.</param>
/// <param name="Grade">Its US reading grade (<see cref="CheckReadability"/>); null when it has too little text to judge.</param>
public sealed record ReviewRow(
    string Title, string Path, string RelativePath, string Reviewer, DateOnly LastReviewed, DateOnly NextReview, int DaysLeft, double? Grade)
{
    /// <summary>Due today or before: the build refuses the page (as <see cref="ParseFrontMatter"/> does).</summary>
    public bool Overdue => DaysLeft <= 0;
}

/// <summary>
/// Every page's review dates, read the way the build reads pages (the content pipeline's own modules, up to the
/// markdown tree for the reading grade, nothing rendered), sorted by next review and then by file.
/// </summary>
/// <param name="Problems">Errors that kept a page, the settings or the theme from being read, with their file and line.</param>
public sealed record ReviewSchedule(IReadOnlyList<ReviewRow> Rows, IReadOnlyList<Diagnostic> Problems, DateOnly Today, SourceRepository? Repository)
{
    /// <summary>The pages due within <paramref name="days"/> days of today, overdue ones included.</summary>
    public IReadOnlyList<ReviewRow> DueWithin(int days) => [.. Rows.Where(r => r.DaysLeft <= days)];

    public static ReviewSchedule Read(BuildOptions options)
    {
        var inputs = SiteInputs.Load(options);
        if (inputs.Settings == null || inputs.Layouts == null)
            return new([], Errors(inputs.Diagnostics.Sorted()), options.Today, null);

        var context = new BuildContext(options, inputs.Settings, inputs.Diagnostics, new MemoryOutput(), inputs.Input, inputs.Theme);
        var pipeline = new Pipeline("review",
            new ListPages(),
            new ReadText(),
            new ParseFrontMatter(inputs.Layouts.PageLayouts, dueDates: false),
            new ParseMarkdown(MarkdownPipelineFactory.Create(inputs.Settings.Placeholders)),
            new CheckReadability(),
            new ReleaseText());
        var documents = pipeline.Run(context);

        var rows = documents
            .Where(d => d.FrontMatter != null)
            .Select(d => Row(d, d.FrontMatter!, d.Readability?.Grade, options.Today))
            .OrderBy(r => r.NextReview)
            .ThenBy(r => r.Path, StringComparer.Ordinal)
            .ToList();
        var problems = inputs.Diagnostics.Sorted().Concat(documents.SelectMany(d => d.Diagnostics.Sorted()));
        return new(rows, Errors(problems), options.Today, inputs.Settings.Repository);
    }

    private static ReviewRow Row(Document d, FrontMatter f, double? grade, DateOnly today) =>
        new(f.Title, d.DisplayPath, d.RelativePath, f.ReviewedBy, f.LastReviewed, f.NextReview, f.NextReview.DayNumber - today.DayNumber, grade);

    private static List<Diagnostic> Errors(IEnumerable<Diagnostic> diagnostics) => [.. diagnostics.Where(d => d.Severity == Severity.Error)];

    /// <summary>Lets each page's text and markdown tree go once its grade is scored: only its front matter is listed.</summary>
    private sealed class ReleaseText : DocumentModule
    {
        public override void Process(Document document, BuildContext context) => document.Release();
    }
}
