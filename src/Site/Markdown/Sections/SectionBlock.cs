using Markdig.Syntax;

namespace Site.Markdown.Sections;

/// <summary>A level-2 heading and everything up to the next one, rendered as <c>&lt;section id="…"&gt;</c>.</summary>
public sealed class SectionBlock(HeadingBlock heading, string id) : ContainerBlock(null)
{
    public HeadingBlock Heading { get; } = heading;
    public string Id { get; } = id;

    /// <summary>True when something with text follows the heading.</summary>
    public bool HasContent => this.Skip(1).Any(block => block is not (BlankLineBlock or ThematicBreakBlock));
}
