using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Site.Checker;
using Site.Diagnostics;
using Site.Pipelines;

namespace Site.Content;

/// <summary>
/// Fills a <c>::: signs emergency</c> container with the warning signs the symptom checker's data gives that
/// level, as a care card. The When to worry page and the checker's no-JavaScript list are both made this way,
/// so they cannot drift from the rules the checker applies.
/// </summary>
public sealed class InsertWarningSigns(MarkdownPipeline pipeline) : DocumentModule
{
    public const string Container = "signs";
    private CheckerData? _data;

    public override void Prepare(IReadOnlyList<Document> documents, BuildContext context) =>
        _data = context.OutputsOf(SiteBuilder.CheckerPipeline).FirstOrDefault()?.Model as CheckerData;

    public override void Process(Document document, BuildContext context)
    {
        foreach (var card in document.Syntax!.Descendants<CustomContainer>().Where(c => c.Info == Container).ToList())
        {
            var level = card.Arguments?.Trim() ?? "";
            var (line, column) = (card.Line + 1, card.Column + 1);
            if (_data == null)
            {
                context.Error(document, Codes.UnknownCareCard, line, column, "'::: signs' needs the symptom checker's data, which has errors or is missing",
                    $"fix {LoadChecker.RelativePath} first");
                continue;
            }
            var data = _data.Levels.FirstOrDefault(l => l.Id == level);
            if (data == null || level == CheckerData.LevelOrder[0])
            {
                context.Error(document, Codes.UnknownCareCard, line, column, $"'::: signs {level}' names no level with warning signs",
                    $"use one of: {string.Join(", ", CheckerData.LevelOrder.Skip(1).Select(l => "'::: signs " + l + "'"))}");
                continue;
            }
            Fill(card, data, Signs(_data, level));
        }
    }

    public static IEnumerable<string> Signs(CheckerData data, string level) =>
        data.Questions.SelectMany(q => q.Answers).Where(a => a.Level == level).SelectMany(a => a.Signs).Distinct();

    private void Fill(CustomContainer card, CheckerLevel level, IEnumerable<string> signs)
    {
        var markdown = $"{level.Title} if:\n\n" + string.Concat(signs.Select(s => $"- {s}\n"));
        var generated = Markdig.Markdown.Parse(markdown, pipeline);
        card.Clear();
        foreach (var block in generated.ToList())
        {
            generated.Remove(block);
            card.Add(block);
        }
        // The signs come from the checker's data, but a problem in them is shown where the writer placed the list.
        foreach (var block in card.Descendants<Block>())
            block.Line = card.Line;
        card.Info = level.Card;
    }
}
