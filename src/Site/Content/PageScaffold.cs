using System.Text;
using Site.Layout;

namespace Site.Content;

/// <summary>
/// A new page as <c>new</c> writes it and the web editor starts one: every key of the front matter that a page
/// needs (<see cref="FrontMatterSchema"/>), both required sections, and placeholder text that says what to write.
/// Every placeholder begins with <see cref="Marker"/>, and the build refuses a page that still holds one.
/// </summary>
public static class PageScaffold
{
    /// <summary>How every placeholder begins: words no finished page would hold.</summary>
    public const string Marker = "REPLACE THIS:";

    public const string Author = Marker + " your name or team";
    public const string Reviewer = Marker + " the clinician who checks the page";
    public const string Description = Marker + " one plain sentence that says what the page answers";

    /// <summary>The body: an opening, then the two sections every page must have.</summary>
    public static string Body { get; } = $"""
        {Marker} start with the answer to the reader's question, in two or three short sentences.

        ## Pressure feedback

        {Marker} what the reader should tell their therapist about pressure, during and after the massage.

        ## When to worry

        {Marker} the warning signs that need help, and whom to call. Link to [when to worry after a massage](when-to-worry.md).

        """;

    /// <summary>The whole file for a page titled <paramref name="title"/>, reviewed today and due again in a year.</summary>
    public static string Text(string title, DateOnly today)
    {
        var text = new StringBuilder();
        text.Append("---\n");
        text.Append($"title: {Quoted(title)}\n");
        text.Append($"description: \"{Description}\"\n");
        text.Append($"author: \"{Author}\"\n");
        text.Append($"reviewed_by: \"{Reviewer}\"\n");
        text.Append($"last_reviewed: {RenderLayout.Iso(today)}\n");
        text.Append($"next_review: {RenderLayout.Iso(today.AddYears(1))}\n");
        text.Append("sources:\n");
        text.Append($"  - title: \"{Marker} the title of the article or page\"\n");
        text.Append($"    publisher: \"{Marker} who published it\"\n");
        text.Append($"    year: {today.Year}\n");
        text.Append("---\n\n");
        text.Append(Body.Replace("\r\n", "\n"));
        return text.ToString();
    }

    /// <summary>A YAML double-quoted scalar: a title may hold a colon, a quote or a hash.</summary>
    public static string Quoted(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' or '\r' or '\t' => " ",
                _ when char.IsControl(c) => "",
                _ => c.ToString(),
            });
        return text.Append('"').ToString();
    }
}
