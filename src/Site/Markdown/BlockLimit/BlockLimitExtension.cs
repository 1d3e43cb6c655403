using Markdig;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Site.Markdown.BlockLimit;

/// <summary>
/// Markdig reads the inlines of a paragraph in time that can grow with the square of its length (thousands of
/// unclosed <c>[a](</c>, say). A paragraph or heading longer than the limit has its text set aside before inlines
/// are read, and is marked so a check can report it; the page then fails instead of stalling the build.
/// </summary>
public sealed class BlockLimitExtension(int maxCharacters) : IMarkdownExtension
{
    private const string LengthKey = "block-limit-length";

    /// <summary>The length of a block that was set aside, or null.</summary>
    public static int? SetAsideLength(Block block) => block.GetData(LengthKey) as int?;

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        foreach (var parser in pipeline.BlockParsers)
        {
            parser.Closed -= Limit;
            parser.Closed += Limit;
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) { }

    private void Limit(Markdig.Parsers.BlockProcessor processor, Block block)
    {
        if (block is not LeafBlock { ProcessInlines: true } leaf || leaf.Lines.Lines == null)
            return;
        var length = 0;
        for (var i = 0; i < leaf.Lines.Count; i++)
            length += leaf.Lines.Lines[i].Slice.Length;
        if (length <= maxCharacters)
            return;
        leaf.SetData(LengthKey, length);
        leaf.Lines = new StringLineGroup(1);
    }
}
