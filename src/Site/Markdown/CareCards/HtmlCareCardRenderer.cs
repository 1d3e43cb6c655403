using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Site.Markdown.CareCards;

/// <summary>
/// Renders a care card (<see cref="CareCardHtml"/>): a heading that starts with the level in words, then the
/// content. A first paragraph (such as "Call 999 now if you:") becomes the rest of the heading, as on NHS.UK.
/// </summary>
public sealed class HtmlCareCardRenderer : HtmlObjectRenderer<CustomContainer>
{
    protected override void Write(HtmlRenderer renderer, CustomContainer card)
    {
        var headingLevel = card.GetData(CareCardsExtension.HeadingLevelKey) as int? ?? 3;
        var lead = card.FirstOrDefault() as ParagraphBlock;
        CareCardHtml.Write(renderer, card.Info ?? "", headingLevel,
            lead?.Inline != null ? () => renderer.WriteLeafInline(lead) : null,
            () =>
            {
                foreach (var block in card)
                {
                    if (block != lead)
                        renderer.Render(block);
                }
            });
    }
}
