using Markdig.Renderers.Html;
using Markdig.Syntax;
using Site.Diagnostics;
using Site.Markdown.Sections;
using Site.Pipelines;

namespace Site.Content;

/// <summary>Parses each page into a Markdig syntax tree, once; checks and link rewriting work on the tree.</summary>
public sealed class ParseMarkdown(Markdig.MarkdownPipeline pipeline) : DocumentModule
{
    public override void Process(Document document, BuildContext context)
    {
        MarkdownDocument syntax;
        try
        {
            syntax = Markdig.Markdown.Parse(document.Text, pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig's own guard against input nested beyond what its parser and renderer can take.
            context.Error(document, Codes.Limit, 1, 1, "the page nests quotes, lists, links or emphasis too deeply to be read",
                $"keep nesting to a few levels (at most {CheckLimits.MaxNesting}); look for long runs of '>', '[', '*' or '_'");
            document.Stop();
            return;
        }
        document.Syntax = syntax;
        foreach (var block in syntax.Descendants<Block>())
        {
            var id = block is SectionBlock section ? section.Id : block.TryGetAttributes()?.Id;
            if (!string.IsNullOrEmpty(id))
                document.Ids.Add(id);
        }
    }
}
