using Markdig.Renderers;
using Site.Urgency;

namespace Site.Markdown.CareCards;

/// <summary>
/// The care card's markup, written here and nowhere else in the generator (the browser's twin is
/// <c>theme/assets/care-card.js</c>): a <c>div.care-card.care-card--KIND</c> holding a heading that starts with
/// the kind's label and a colon, then a <c>div.care-card__content</c>.
/// </summary>
public static class CareCardHtml
{
    /// <param name="kind">The care card kind (<see cref="UrgencyLevels.Cards"/>).</param>
    /// <param name="headingLevel">2 to 6: one below the heading the card follows.</param>
    /// <param name="headingText">Writes the rest of the heading, after the label; null for a heading of the label alone.</param>
    /// <param name="content">Writes the card's content as HTML blocks.</param>
    public static void Write(HtmlRenderer renderer, string kind, int headingLevel, Action? headingText, Action content)
    {
        var label = UrgencyLevels.Card(kind)?.Label ?? kind;
        renderer.EnsureLine();
        renderer.Write("<div class=\"care-card care-card--").WriteEscape(kind).WriteLine("\">");
        renderer.Write($"<h{headingLevel} class=\"care-card__heading\"><span class=\"care-card__level\">")
                .WriteEscape(label).Write(":</span>");
        if (headingText != null)
        {
            renderer.Write(' ');
            headingText();
        }
        renderer.WriteLine($"</h{headingLevel}>");
        renderer.WriteLine("<div class=\"care-card__content\">");
        content();
        renderer.EnsureLine();
        renderer.WriteLine("</div>");
        renderer.WriteLine("</div>");
    }
}
