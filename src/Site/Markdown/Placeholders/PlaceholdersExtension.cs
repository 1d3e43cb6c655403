using Markdig;
using Markdig.Renderers;

namespace Site.Markdown.Placeholders;

/// <summary>Puts the site settings' values in place of <c>{{ name }}</c>, as text, while the page is parsed.</summary>
public sealed class PlaceholdersExtension(Settings.Placeholders values) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<PlaceholderParser>())
            pipeline.InlineParsers.Insert(0, new PlaceholderParser(values));
    }

    // A placeholder is a LiteralInline, so the standard literal renderer escapes it.
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) { }
}
