using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Site.Diagnostics;
using Site.Layout;

namespace Site.Review;

/// <summary>
/// The review schedule as aligned plain text for a terminal, as markdown for a GitHub issue (a table and a Mermaid
/// gantt chart of the year's review dates), or as JSON for other programs. Every value from a page is escaped for
/// where it goes, so a title cannot break a table row, a chart or the terminal.
/// </summary>
public static class ReviewFormats
{
    public static readonly IReadOnlyList<string> Names = ["table", "markdown", "json"];

    /// <summary>The gantt chart covers the reviews due in this many days, overdue ones included.</summary>
    public const int ChartDays = 365;

    // A GitHub issue body holds at most 65,536 characters: the markdown stays well below that however many pages are
    // due and however long their titles are.
    public const int MaxMarkdownRows = 100;
    public const int MaxChartTasks = 100;
    private const int MaxCellLength = 80;

    private static readonly string[] Headings = ["Title", "File", "Reviewer", "Last reviewed", "Next review", "Days left", "Grade"];

    public static void Write(string format, ReviewSchedule schedule, int? within, TextWriter output)
    {
        var rows = within is { } days ? schedule.DueWithin(days) : schedule.Rows;
        switch (format)
        {
            case "markdown": Markdown(schedule, rows, within, output); break;
            case "json": Json(rows, output); break;
            default: Table(schedule, rows, within, output); break;
        }
    }

    public static void Table(ReviewSchedule schedule, IReadOnlyList<ReviewRow> rows, int? within, TextWriter output)
    {
        if (rows.Count == 0)
        {
            output.WriteLine($"{Nothing(within)} (as of {RenderLayout.Iso(schedule.Today)}).");
            return;
        }
        var cells = rows.Select(r => Cells(r).Select(VisibleText.Escape).ToArray()).ToList();
        var widths = Headings.Select((h, i) => Math.Max(h.Length, cells.Max(c => c[i].Length))).ToArray();
        string Line(IReadOnlyList<string> values) =>
            string.Join("  ", values.Select((v, i) => i >= 5 ? v.PadLeft(widths[i]) : v.PadRight(widths[i]))).TrimEnd();
        output.WriteLine(Line(Headings));
        foreach (var row in cells)
            output.WriteLine(Line(row));
        output.WriteLine();
        output.WriteLine(Summary(schedule, rows, within));
    }

    public static void Markdown(ReviewSchedule schedule, IReadOnlyList<ReviewRow> rows, int? within, TextWriter output)
    {
        output.WriteLine("## Pages due for review");
        output.WriteLine();
        if (rows.Count == 0)
        {
            output.WriteLine($"{Nothing(within)} (as of {RenderLayout.Iso(schedule.Today)}).");
        }
        else
        {
            output.WriteLine(Summary(schedule, rows, within) + " Each page's reviewer checks it, then updates `last_reviewed` and `next_review`.");
            output.WriteLine();
            output.WriteLine("| " + string.Join(" | ", Headings) + " |");
            output.WriteLine("| --- | --- | --- | --- | --- | ---: | ---: |");
            foreach (var row in rows.Take(MaxMarkdownRows))
            {
                var cells = Cells(row).Select(MarkdownText.Cell).ToArray();
                if (schedule.Repository is { } repository)
                    cells[1] = MarkdownText.Link(row.Path, repository.EditUrl(row.RelativePath));
                if (row.Overdue)
                    cells[5] += " **overdue**";
                output.WriteLine("| " + string.Join(" | ", cells) + " |");
            }
            if (rows.Count > MaxMarkdownRows)
                output.WriteLine($"\nThis shows the first {MaxMarkdownRows} of {rows.Count} pages: run `./site review` to see them all.");
        }
        output.WriteLine();
        output.WriteLine($"### Review dates in the next year");
        output.WriteLine();
        Gantt(schedule.DueWithin(ChartDays), output);
    }

    /// <summary>A Mermaid gantt chart, one task per page on its next review date; overdue ones are marked <c>crit</c>.</summary>
    public static void Gantt(IReadOnlyList<ReviewRow> rows, TextWriter output)
    {
        if (rows.Count == 0)
        {
            output.WriteLine("No page is due for review in the next year.");
            return;
        }
        output.WriteLine("```mermaid");
        output.WriteLine("gantt");
        output.WriteLine("    dateFormat YYYY-MM-DD");
        output.WriteLine("    axisFormat %b %Y");
        foreach (var group in rows.Take(MaxChartTasks).GroupBy(r => r.Overdue).OrderByDescending(g => g.Key))
        {
            output.WriteLine(group.Key ? "    section Overdue" : "    section Due");
            foreach (var row in group)
                output.WriteLine($"    {TaskName(row.Title)} :{(row.Overdue ? "crit, " : "")}{RenderLayout.Iso(row.NextReview)}, 1d");
        }
        output.WriteLine("```");
        if (rows.Count > MaxChartTasks)
            output.WriteLine($"\nThe chart shows the first {MaxChartTasks} of {rows.Count} reviews due in the next year.");
    }

    /// <summary>An array of objects with the same keys in the same order for every page.</summary>
    public static void Json(IReadOnlyList<ReviewRow> rows, TextWriter output)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartObject();
                json.WriteString("title", row.Title);
                json.WriteString("path", row.Path);
                json.WriteString("reviewer", row.Reviewer);
                json.WriteString("last_reviewed", RenderLayout.Iso(row.LastReviewed));
                json.WriteString("next_review", RenderLayout.Iso(row.NextReview));
                json.WriteNumber("days_left", row.DaysLeft);
                json.WriteBoolean("overdue", row.Overdue);
                if (row.Grade is { } grade)
                    json.WriteNumber("grade", Math.Round(grade, 1));
                else
                    json.WriteNull("grade");
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>A row's cells as text; a long title or reviewer is cut short, a file never is.</summary>
    private static string[] Cells(ReviewRow r) =>
    [
        Short(r.Title), r.Path, Short(r.Reviewer), RenderLayout.Iso(r.LastReviewed), RenderLayout.Iso(r.NextReview), r.DaysLeft.ToString(CultureInfo.InvariantCulture),
        r.Grade is { } g ? g.ToString("0.0", CultureInfo.InvariantCulture) : "-",
    ];

    private static string Summary(ReviewSchedule schedule, IReadOnlyList<ReviewRow> rows, int? within)
    {
        var overdue = rows.Count(r => r.Overdue);
        var pages = rows.Count == 1 ? "1 page" : $"{rows.Count} pages";
        var what = within is { } days ? $"{pages} due for review within {days} days" : pages;
        return $"As of {RenderLayout.Iso(schedule.Today)}: {what}, {(overdue == 0 ? "none" : overdue.ToString(CultureInfo.InvariantCulture))} overdue.";
    }

    private static string Nothing(int? within) =>
        within is { } days ? $"No page is due for review within {days} days" : "There are no pages";

    private static string Short(string text) => text.Length <= MaxCellLength ? text : text[..(MaxCellLength - 1)].TrimEnd() + "…";

    // Words Mermaid's gantt grammar reads at the start of a line whatever follows them, in any case.
    private static readonly string[] GanttKeywords =
    [
        "gantt", "title", "section", "dateformat", "axisformat", "tickinterval", "excludes", "includes", "inclusiveenddates",
        "topaxis", "todaymarker", "weekday", "weekend", "click", "call", "href", "acctitle", "accdescr",
    ];

    /// <summary>
    /// A page title as a Mermaid task name: only letters, digits, spaces and harmless punctuation (no ':' that ends
    /// the name, '#', ';' or '%' that start comments and entities, parentheses, quotes or backticks), in quotes when
    /// its first word is one the grammar would read as a keyword, and never empty.
    /// </summary>
    public static string TaskName(string title)
    {
        var name = new StringBuilder(Math.Min(title.Length, MaxCellLength));
        foreach (var c in title)
        {
            if (name.Length >= MaxCellLength)
                break;
            var keep = char.IsLetterOrDigit(c) || c is '.' or ',' or '?' or '!' or '\'' or '’' or '-' or '/' or '&' or '+';
            if (keep)
                name.Append(c);
            else if (name.Length > 0 && name[^1] != ' ')
                name.Append(' ');
        }
        var text = name.ToString().Trim();
        if (text.Length == 0)
            return "Untitled page";
        var firstWord = new string([.. text.TakeWhile(char.IsAsciiLetter)]).ToLowerInvariant();
        var startsLikeSyntax = char.IsAsciiDigit(text[0]) || GanttKeywords.Any(k => firstWord.StartsWith(k, StringComparison.Ordinal));
        return startsLikeSyntax ? $"“{text}”" : text;
    }
}
