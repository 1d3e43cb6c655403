using System.Buffers;
using Site.Diagnostics;

namespace Site.Content;

/// <summary>
/// How long a page's lines and how many of them may be. Markdig's work on some inputs grows faster than their
/// length, so a page is refused, with the limit named, before it can stall a build. Real pages are far inside.
/// </summary>
public static class PageLimits
{
    public const int MaxLines = 10_000;
    public const int MaxLineLength = 10_000;

    // C0 controls but tab and carriage return (line feed ends the line), and DEL.
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(i => (char)i).Where(c => c is not ('\t' or '\r' or '\n')), '\u007f']);

    /// <summary>
    /// The first line that breaks a limit, or holds a control character (a sign of a damaged or binary file, and
    /// not allowed in HTML), with what is wrong; null when the text is fine.
    /// </summary>
    public static (string Code, int Line, string Message, string Hint)? Check(string text)
    {
        var line = 1;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            var length = (end < 0 ? text.Length : end) - start;
            if (length > MaxLineLength)
                return (Codes.Limit, line, $"line {line} is {length:N0} characters long; the most is {MaxLineLength:N0}",
                    "break it into shorter lines or paragraphs");
            var control = text.AsSpan(start, length).IndexOfAny(Controls);
            if (control >= 0)
                return (Codes.Encoding, line, $"line {line} holds a control character (U+{(int)text[start + control]:X4}), which is not text",
                    "the file may be damaged or not a text file; delete the character, or copy the text into a new file");
            if (end < 0)
                return null;
            if (++line > MaxLines)
                return (Codes.Limit, line, $"the page has more than {MaxLines:N0} lines", "split it into several pages");
            start = end + 1;
        }
        return null;
    }
}
