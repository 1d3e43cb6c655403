using Markdig.Helpers;
using Markdig.Parsers;

namespace Site.Markdown.Placeholders;

/// <summary>Reads <c>{{ name }}</c> in running text; code spans and link addresses are left as written.</summary>
public sealed class PlaceholderParser : InlineParser
{
    private readonly Settings.Placeholders _values;

    public PlaceholderParser(Settings.Placeholders values)
    {
        _values = values;
        OpeningCharacters = ['{'];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var length = Settings.Placeholders.Match(slice.AsSpan(), out var name);
        if (length == 0)
            return false;
        var start = slice.Start;
        processor.Inline = new PlaceholderInline(name, _values.ValueOf(name), slice.Text.Substring(start, length))
        {
            Span = new Markdig.Syntax.SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(start + length - 1)),
            Line = line,
            Column = column,
        };
        slice.Start += length;
        return true;
    }
}
