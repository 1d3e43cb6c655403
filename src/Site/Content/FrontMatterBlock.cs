namespace Site.Content;

/// <summary>Finds the YAML between the opening and closing <c>---</c> lines at the top of a page.</summary>
public static class FrontMatterBlock
{
    /// <summary>The YAML starts on the line after the opening <c>---</c>.</summary>
    public const int FirstYamlLine = 2;

    public static (string Text, int EndLine)? Extract(string text)
    {
        var span = text.AsSpan();
        if (span.Length > 0 && span[0] == '\uFEFF')
            span = span[1..];
        if (!IsFence(FirstLine(span, out var rest)))
            return null;
        var yamlStart = span.Length - rest.Length;
        var line = 1;
        while (rest.Length > 0)
        {
            line++;
            var current = FirstLine(rest, out var after);
            if (IsFence(current) || current.TrimEnd().SequenceEqual("..."))
                return (span[yamlStart..(span.Length - rest.Length)].ToString(), line);
            rest = after;
        }
        return null;
    }

    private static ReadOnlySpan<char> FirstLine(ReadOnlySpan<char> s, out ReadOnlySpan<char> rest)
    {
        var end = s.IndexOf('\n');
        if (end < 0)
        {
            rest = [];
            return s.TrimEnd('\r');
        }
        rest = s[(end + 1)..];
        return s[..end].TrimEnd('\r');
    }

    private static bool IsFence(ReadOnlySpan<char> line) => line.TrimEnd().SequenceEqual("---");
}
