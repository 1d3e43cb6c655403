using Markdig.Syntax;
using Site.Diagnostics;
using Site.Pipelines;

namespace Site.Content;

/// <summary>The layout renders the title as the page's only level-1 heading; content may not add another.</summary>
public sealed class CheckHeadings : DocumentModule
{
    public override void Process(Document document, BuildContext context)
    {
        foreach (var heading in document.Syntax!.Descendants<HeadingBlock>())
        {
            if (heading.Level == 1)
                context.Error(document, Codes.LevelOneHeading, heading.Line + 1, heading.Column + 1,
                    "a level-1 heading in the content: the page's title is its only level-1 heading",
                    "use '## ' for a section heading, or change 'title' in the front matter");
        }
    }
}
