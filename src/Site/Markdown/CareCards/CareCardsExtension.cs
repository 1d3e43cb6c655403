using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Site.Markdown.CareCards;

/// <summary>
/// Care cards written as <c>::: urgent</c> … <c>:::</c> containers. The card's heading sits one level
/// below the heading it follows, so the page's outline stays in order.
/// </summary>
public sealed class CareCardsExtension : IMarkdownExtension
{
    internal const string HeadingLevelKey = "care-card-heading-level";

    // Needs Markdig's custom containers (UseCustomContainers) for parsing; this extension renders them.
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += NumberHeadings;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.RemoveAll(r => r is HtmlCustomContainerRenderer);
            html.ObjectRenderers.Insert(0, new HtmlCareCardRenderer());
        }
    }

    private static void NumberHeadings(MarkdownDocument document)
    {
        var level = 1;
        foreach (var block in document.Descendants())
        {
            if (block is HeadingBlock heading)
                level = heading.Level;
            else if (block is CustomContainer card)
                card.SetData(HeadingLevelKey, Math.Min(level + 1, 6));
        }
    }
}
