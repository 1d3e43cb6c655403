using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Diagnostics;
using Site.Markdown.RawHtml;
using Site.Pipelines;

namespace Site.Content;

/// <summary>
/// Pages may not contain raw HTML. Content arrives through pull requests, and HTML cannot be judged safe by
/// looking at it (browsers decode entities, forgive broken quotes and run more than scripts: a meta refresh
/// sends every reader elsewhere). Writers have Markdown and care cards; an HTML comment, a note between
/// writers, is allowed and left out of the page.
/// </summary>
public sealed class CheckRawHtml : DocumentModule
{
    private const string Hint = "write it in Markdown instead ('**bold**', '[link](page.md)', '::: urgent' for a care card); " +
                                "a note to other writers can go in a comment: <!-- like this -->";

    public override void Process(Document document, BuildContext context)
    {
        foreach (var node in document.Syntax!.Descendants())
        {
            var (html, line, column) = node switch
            {
                HtmlBlock block => (block.Lines.ToString(), block.Line, block.Column),
                HtmlInline inline => (inline.Tag, inline.Line, inline.Column),
                _ => (null, 0, 0),
            };
            if (html == null || HtmlComment.IsWhole(html))
                continue;
            context.Error(document, Codes.UnsafeHtml, line + 1, column + 1, $"raw HTML is not allowed in a page: '{Excerpt(html)}'", Hint);
        }
    }

    private static string Excerpt(string html)
    {
        var firstLine = html.AsSpan().Trim();
        var end = firstLine.IndexOfAny('\r', '\n');
        if (end >= 0)
            firstLine = firstLine[..end];
        return firstLine.Length <= 60 ? firstLine.ToString() : firstLine[..60].ToString() + "…";
    }
}
