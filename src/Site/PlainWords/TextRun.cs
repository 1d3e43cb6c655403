using System.Text;

namespace Site.PlainWords;

/// <summary>
/// A stretch of text readers see (a paragraph, a heading, a front-matter value), joined from its pieces, with
/// where each piece stands in the page's file, so a word found in it is reported at its own line and column.
/// </summary>
public sealed class TextRun
{
    // Stands for what is not the page's own words (code, a web address, a placeholder's value): no phrase runs
    // across it. Pages cannot hold control characters (PageLimits), so it never meets one from the page.
    private const char Gap = '\0';

    private readonly StringBuilder _text = new();
    private readonly List<(int At, int Source, bool Exact)> _pieces = [];

    /// <param name="source">Where <paramref name="text"/> starts in the page's file, as an index into its text.</param>
    /// <param name="exact">Whether each letter of it stands at its own place there from <paramref name="source"/> on;
    /// when not, every word in it is reported at <paramref name="source"/>.</param>
    public void Add(string text, int source, bool exact = true)
    {
        _pieces.Add((_text.Length, source, exact));
        _text.Append(text);
    }

    public void AddSpace() => _text.Append(' ');

    public void AddGap() => _text.Append(Gap);

    public string Text => _text.ToString();

    /// <summary>The index in the page's text of the letter at <paramref name="index"/> of <see cref="Text"/>.</summary>
    public int SourceOf(int index)
    {
        var (low, high) = (0, _pieces.Count - 1);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (_pieces[middle].At <= index)
                low = middle;
            else
                high = middle - 1;
        }
        var piece = _pieces[low];
        return piece.Exact ? piece.Source + (index - piece.At) : piece.Source;
    }

    /// <summary>Whether only spaces stand between <paramref name="end"/> and <paramref name="start"/> of <paramref name="text"/>.</summary>
    public static bool OnlySpaces(string text, int end, int start) =>
        start >= end && text.AsSpan(end, start - end).IsWhiteSpace();
}
