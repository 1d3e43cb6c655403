using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Site.Diagnostics;
using Site.Pipelines;
using Site.Urgency;

namespace Site.Content;

/// <summary>A <c>:::</c> container must name one of the care card levels (or be a <c>::: signs</c> list).</summary>
public sealed class CheckCareCards : DocumentModule
{
    public override void Process(Document document, BuildContext context)
    {
        foreach (var card in document.Syntax!.Descendants<CustomContainer>())
        {
            // A signs list that could not be filled has been reported by InsertWarningSigns.
            if (card.Info != InsertWarningSigns.Container && UrgencyLevels.Card(card.Info) == null)
                context.Error(document, Codes.UnknownCareCard, card.Line + 1, card.Column + 1,
                    $"'::: {card.Info}' is not a care card level",
                    $"start the card with one of: {string.Join(", ", UrgencyLevels.Cards.Select(c => "'::: " + c.Id + "'"))}");
        }
    }
}
