namespace Site.Markdown.RawHtml;

public static class HtmlComment
{
    /// <summary>
    /// True when raw HTML is one whole comment and nothing else: it starts with <c>&lt;!--</c>, and the first
    /// place a browser would end it is the very end. Comments are left out of the page, so this only makes sure
    /// that nothing a writer meant to show is lost with one.
    /// </summary>
    public static bool IsWhole(string html)
    {
        var text = html.AsSpan().Trim();
        if (!text.StartsWith("<!--") || !text.EndsWith("-->") || text.Length < "<!---->".Length)
            return false;
        var inner = text[4..^3];
        // "<!-->" and "<!--->" end at once; "-->" and "--!>" end it anywhere.
        return !inner.StartsWith(">") && !inner.StartsWith("->") && !inner.Contains("-->", StringComparison.Ordinal)
            && !inner.Contains("--!>", StringComparison.Ordinal);
    }
}
