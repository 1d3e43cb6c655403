using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Site.Markdown.Sections;

/// <summary>
/// Groups each level-2 heading with the blocks under it into a <see cref="SectionBlock"/>. The section takes
/// the heading's id, so <c>#when-to-worry</c> points at the whole section, and required sections can be
/// checked on the syntax tree without parsing any HTML.
/// </summary>
public sealed class SectionsExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Wrap;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<HtmlSectionRenderer>())
            html.ObjectRenderers.Insert(0, new HtmlSectionRenderer());
    }

    private static void Wrap(MarkdownDocument document)
    {
        SectionBlock? current = null;
        var blocks = document.ToList();
        foreach (var block in blocks)
        {
            if (block is HeadingBlock { Level: 2 } heading)
            {
                var attributes = heading.GetAttributes();
                var id = attributes.Id ?? "";
                attributes.Id = null; // the id moves to the section; one element per id
                document.Remove(heading);
                current = new SectionBlock(heading, id) { Line = heading.Line, Column = heading.Column, Span = heading.Span };
                current.Add(heading);
                document.Add(current);
            }
            else if (current != null)
            {
                document.Remove(block);
                current.Add(block);
            }
            else
            {
                // Blocks before the first section stay in place; re-adding keeps their order.
                document.Remove(block);
                document.Add(block);
            }
        }
    }
}
