namespace Site.Content;

public static class TextPosition
{
    /// <summary>The 1-based line and column of a character index.</summary>
    public static (int Line, int Column) Of(string text, int index)
    {
        var span = text.AsSpan(0, index);
        var line = span.Count('\n') + 1;
        var lineStart = span.LastIndexOf('\n') + 1;
        return (line, index - lineStart + 1);
    }
}
