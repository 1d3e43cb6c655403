using Markdig;
using Markdig.Renderers;
using Site.Pipelines;

namespace Site.Content;

/// <summary>Renders each page's syntax tree (links already rewritten) to HTML.</summary>
public sealed class RenderMarkdown(MarkdownPipeline pipeline) : DocumentModule
{
    public override void Process(Document document, BuildContext context)
    {
        if (document.HasErrors || document.Syntax == null)
            return;
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(document.Syntax);
        document.Html = writer.ToString();
    }
}
