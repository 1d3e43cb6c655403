using Markdig.Syntax;
using Site.Diagnostics;
using Site.Markdown;
using Site.Markdown.BlockLimit;
using Site.Markdown.Sections;
using Site.Pipelines;

namespace Site.Content;

/// <summary>
/// Refuses a paragraph or heading too long to read safely (set aside by <see cref="BlockLimitExtension"/>) and
/// quotes, lists and cards nested more than <see cref="MaxNesting"/> deep, which no reader can follow either.
/// Later stages walk the tree by recursion, so the depth is checked here with a loop before any of them run.
/// </summary>
public sealed class CheckLimits : DocumentModule
{
    public const int MaxNesting = 16;

    public override void Process(Document document, BuildContext context)
    {
        var blocks = new Stack<(Block Block, int Depth)>();
        foreach (var top in document.Syntax!)
            blocks.Push((top, 1));
        while (blocks.Count > 0)
        {
            var (block, depth) = blocks.Pop();
            if (BlockLimitExtension.SetAsideLength(block) is { } length)
                context.Error(document, Codes.Limit, block.Line + 1, 1,
                    $"this paragraph, heading or table is {length:N0} characters long; the most is {MarkdownPipelineFactory.MaxBlockLength:N0}",
                    "split it into shorter paragraphs: readers take in short ones far better");
            if (depth > MaxNesting)
            {
                context.Error(document, Codes.Limit, block.Line + 1, block.Column + 1,
                    $"quotes, lists and cards are nested more than {MaxNesting} deep here",
                    "keep to a few levels: a list inside a list is about as deep as readers can follow");
                document.Stop();
                return;
            }
            if (block is ContainerBlock container)
            {
                // A section is the page's own grouping of a heading, not nesting a writer made.
                var inner = block is SectionBlock ? depth : depth + 1;
                foreach (var child in container)
                    blocks.Push((child, inner));
            }
        }
    }
}
