using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Site.Urgency;

namespace Site.Markdown.CareCards;

/// <summary>
/// Renders a care card: a heading that starts with the level in words, then the content. A first
/// paragraph (such as "Call 999 now if you:") becomes the rest of the heading, as on NHS.UK.
/// </summary>
public sealed class HtmlCareCardRenderer : HtmlObjectRenderer<CustomContainer>
{
    protected override void Write(HtmlRenderer renderer, CustomContainer card)
    {
        var level = card.Info ?? "";
        var label = UrgencyLevels.Card(level)?.Label ?? level;
        var headingLevel = card.GetData(CareCardsExtension.HeadingLevelKey) as int? ?? 3;
        var lead = card.FirstOrDefault() as ParagraphBlock;

        renderer.EnsureLine();
        renderer.Write("<div class=\"care-card care-card--").WriteEscape(level).WriteLine("\">");
        renderer.Write($"<h{headingLevel} class=\"care-card__heading\"><span class=\"care-card__level\">")
                .WriteEscape(label).Write(":</span>");
        if (lead?.Inline != null)
        {
            renderer.Write(' ');
            renderer.WriteLeafInline(lead);
        }
        renderer.WriteLine($"</h{headingLevel}>");
        renderer.WriteLine("<div class=\"care-card__content\">");
        foreach (var block in card)
        {
            if (block != lead)
                renderer.Render(block);
        }
        renderer.EnsureLine();
        renderer.WriteLine("</div>");
        renderer.WriteLine("</div>");
    }
}
