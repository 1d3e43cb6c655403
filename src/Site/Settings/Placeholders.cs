namespace Site.Settings;

/// <summary>
/// The values writers place in pages as <c>{{ numbers.emergency }}</c>, so numbers and names live in one place.
/// A value is always text: it is put in after the page or data file is parsed, so it can never add HTML,
/// Markdown or YAML structure to what uses it.
/// </summary>
public sealed class Placeholders(IReadOnlyDictionary<string, string> values)
{
    public static readonly Placeholders None = new(new Dictionary<string, string>());

    public IReadOnlyDictionary<string, string> Values => values;

    public string? ValueOf(string name) => values.GetValueOrDefault(name);

    /// <summary>The fix to print for an unknown name.</summary>
    public string Known => $"use one of: {string.Join(", ", values.Keys.Select(k => "{{ " + k + " }}"))}";

    /// <summary>
    /// The length of the placeholder that starts <paramref name="text"/> (<c>{{</c>, spaces, a name of letters,
    /// digits, '_' and '.', spaces, <c>}}</c>), or 0 when none does.
    /// </summary>
    public static int Match(ReadOnlySpan<char> text, out string name)
    {
        name = "";
        if (!text.StartsWith("{{"))
            return 0;
        var i = SkipSpaces(text, 2);
        var start = i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.'))
            i++;
        var end = i;
        i = SkipSpaces(text, i);
        if (!text[i..].StartsWith("}}"))
            return 0;
        name = text[start..end].ToString();
        return i + 2;
    }

    /// <summary>
    /// The text with every known placeholder replaced by its value; an unknown one is reported with its index
    /// in the text and left as written.
    /// </summary>
    public string Expand(string text, Action<int, string> unknown)
    {
        var first = text.IndexOf("{{", StringComparison.Ordinal);
        if (first < 0)
            return text;
        var result = new System.Text.StringBuilder(text.Length);
        result.Append(text, 0, first);
        for (var i = first; i < text.Length;)
        {
            var name = "";
            var length = text[i] == '{' ? Match(text.AsSpan(i), out name) : 0;
            if (length == 0)
            {
                result.Append(text[i++]);
                continue;
            }
            if (ValueOf(name) is { } value)
                result.Append(value);
            else
            {
                unknown(i, name);
                result.Append(text, i, length);
            }
            i += length;
        }
        return result.ToString();
    }

    private static int SkipSpaces(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
            i++;
        return i;
    }
}
