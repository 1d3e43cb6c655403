using System.Text;

namespace Site.Review;

/// <summary>
/// Text from pages and file names, made safe for GitHub's markdown: it shows as written, in one table cell, and
/// cannot add links, markup or columns.
/// </summary>
public static class MarkdownText
{
    public const int MaxCellLength = 200;

    // The marks that can start markup inside a line: emphasis, code, links and images, HTML and entities, strikethrough,
    // math, and '|', which would end the table cell. CommonMark lets a backslash escape any of them.
    private const string Special = "\\`*_[]<>()!&~$|";

    /// <summary>The text with <see cref="Special"/> marks escaped, and the ':' that could open an emoji code
    /// (":warning:"), and line breaks and controls as spaces.</summary>
    public static string Cell(string text)
    {
        var shown = text.Length <= MaxCellLength ? text : text[..MaxCellLength] + "…";
        var escaped = new StringBuilder(shown.Length + 8);
        for (var i = 0; i < shown.Length; i++)
        {
            var c = shown[i];
            if (Diagnostics.VisibleText.IsControl(c))
                escaped.Append(' ');
            else
            {
                if (Special.Contains(c) || (c == ':' && i + 1 < shown.Length && (char.IsAsciiLetterOrDigit(shown[i + 1]) || shown[i + 1] is '_' or '+' or '-')))
                    escaped.Append('\\');
                escaped.Append(c);
            }
        }
        return escaped.ToString();
    }

    /// <summary>A link whose address cannot end the link or the table cell: spaces, brackets, pipes and backslashes are percent-encoded.</summary>
    public static string Link(string text, string url)
    {
        var address = new StringBuilder(url.Length);
        foreach (var c in url)
        {
            if (c <= ' ' || c is '<' or '>' or '(' or ')' or '|' or '\\' or '`' or '\u007f')
                address.Append('%').Append(((int)c).ToString("X2"));
            else
                address.Append(c);
        }
        return $"[{Cell(text)}](<{address}>)";
    }
}
