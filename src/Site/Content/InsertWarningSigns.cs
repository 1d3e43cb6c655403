using Markdig.Extensions.CustomContainers;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Checker;
using Site.Diagnostics;
using Site.Pipelines;
using Site.Urgency;

namespace Site.Content;

/// <summary>
/// Fills a <c>::: signs emergency</c> container with the warning signs the symptom checker's data gives that
/// level, as a care card: the level's title as its heading, then what to do and whom to call ("Call 111 …, if:")
/// and the signs. The When to worry page and the checker's no-JavaScript list are both made this way,
/// so they cannot drift from the rules the checker applies.
/// </summary>
public sealed class InsertWarningSigns : DocumentModule
{
    public const string Container = "signs";
    private static readonly ListBlockParser Lists = new();
    private CheckerData? _data;

    public override IReadOnlyList<IProduct> Reads => [Products.Checker];

    public override void Prepare(IReadOnlyList<Document> documents, BuildContext context) =>
        _data = context.Get(Products.Checker);

    /// <summary>Each list copies every sign of its level into the page; a page needs one per level at most.</summary>
    public const int MaxListsPerPage = 10;

    public override void Process(Document document, BuildContext context)
    {
        var lists = document.Syntax!.Descendants<CustomContainer>().Where(c => c.Info == Container).ToList();
        foreach (var (card, index) in lists.Select((c, i) => (c, i)))
        {
            var level = card.Arguments?.Trim() ?? "";
            var (line, column) = (card.Line + 1, card.Column + 1);
            if (index == MaxListsPerPage)
            {
                context.Error(document, Codes.Limit, line, column, $"the page has {lists.Count} '::: signs' lists; the most is {MaxListsPerPage}",
                    "keep one list for each level the page needs");
                break;
            }
            if (_data == null)
            {
                context.Error(document, Codes.UnknownCareCard, line, column, "'::: signs' needs the symptom checker's data, which has errors or is missing",
                    $"fix {LoadChecker.RelativePath} first");
                continue;
            }
            var data = _data.Levels.FirstOrDefault(l => l.Id == level);
            if (data == null || level == UrgencyLevels.LeastUrgent.Id)
            {
                context.Error(document, Codes.UnknownCareCard, line, column, $"'::: signs {level}' names no level with warning signs",
                    $"use one of: {string.Join(", ", UrgencyLevels.Ids.Skip(1).Select(l => "'::: signs " + l + "'"))}");
                continue;
            }
            Fill(card, data, Signs(_data, level));
        }
    }

    public static IEnumerable<string> Signs(CheckerData data, string level) =>
        data.Questions.SelectMany(q => q.Answers).Where(a => a.Level == level).SelectMany(a => a.Signs).Distinct();

    /// <summary>
    /// Builds the card from the checker's texts as plain text, never parsing them as Markdown: what the data says
    /// is shown as written, and cannot add links or markup to the page.
    /// </summary>
    private static void Fill(CustomContainer card, CheckerLevel level, IEnumerable<string> signs)
    {
        card.Clear();
        card.Add(Paragraph(level.Title, card.Line)); // the card's heading, after its label
        // What to do and whom to call, with and without JavaScript: the reader checked every listing level has it.
        card.Add(Paragraph($"{level.Action}, if:", card.Line));
        var list = new ListBlock(Lists) { BulletType = '-', Line = card.Line };
        foreach (var sign in signs)
        {
            var item = new ListItemBlock(Lists) { Line = card.Line };
            item.Add(Paragraph(sign, card.Line));
            list.Add(item);
        }
        card.Add(list);
        card.Info = UrgencyLevels.Find(level.Id)!.Card.Id; // the reader checked the data gives the same card
    }

    private static ParagraphBlock Paragraph(string text, int line) =>
        new(null) { Line = line, Inline = new ContainerInline().AppendChild(new LiteralInline(text)) };
}
