using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Site.Markdown.RawHtml;

/// <summary>
/// Pages never publish raw HTML: the renderer writes nothing for an HTML block or inline tag. Checks refuse
/// such HTML with an error (an HTML comment, a note between writers, is allowed and simply left out), so this
/// is the second wall: even a page that slipped past a check could not put markup of its own on the site.
/// </summary>
public sealed class RawHtmlExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) { }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html)
            return;
        html.ObjectRenderers.RemoveAll(r => r is HtmlBlockRenderer or HtmlInlineRenderer);
        html.ObjectRenderers.Add(new SkipHtmlBlock());
        html.ObjectRenderers.Add(new SkipHtmlInline());
    }

    private sealed class SkipHtmlBlock : HtmlObjectRenderer<HtmlBlock>
    {
        protected override void Write(HtmlRenderer renderer, HtmlBlock block) { }
    }

    private sealed class SkipHtmlInline : HtmlObjectRenderer<HtmlInline>
    {
        protected override void Write(HtmlRenderer renderer, HtmlInline inline) { }
    }
}
