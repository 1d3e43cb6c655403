using Markdig.Renderers.Html;
using Markdig.Syntax;
using Site.Markdown.Sections;
using Site.Pipelines;

namespace Site.Content;

/// <summary>Parses each page into a Markdig syntax tree, once; checks and link rewriting work on the tree.</summary>
public sealed class ParseMarkdown(Markdig.MarkdownPipeline pipeline) : DocumentModule
{
    public override void Process(Document document, BuildContext context)
    {
        var syntax = Markdig.Markdown.Parse(document.Text, pipeline);
        document.Syntax = syntax;
        foreach (var block in syntax.Descendants<Block>())
        {
            var id = block is SectionBlock section ? section.Id : block.TryGetAttributes()?.Id;
            if (!string.IsNullOrEmpty(id))
                document.Ids.Add(id);
        }
    }
}
