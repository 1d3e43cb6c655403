using Markdig.Helpers;
using Markdig.Syntax.Inlines;

namespace Site.Markdown.Placeholders;

/// <summary>
/// A <c>{{ name }}</c> in a page. It is a literal: its text is the setting's value, rendered escaped like any
/// other text, and search, readability and headings read it as text. An unknown name keeps the text as written.
/// </summary>
public sealed class PlaceholderInline(string name, string? value, string written) : LiteralInline(new StringSlice(value ?? written))
{
    public string Name { get; } = name;
    public bool IsKnown { get; } = value != null;
}
