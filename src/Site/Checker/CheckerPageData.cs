using System.Text.Json;
using Site.Json;
using Site.Urgency;

namespace Site.Checker;

/// <summary>
/// The checker's data as the browser script reads it: embedded in the checker page as JSON, with "Not sure"
/// added to every question and each level's links resolved to page titles and URLs. The levels come in the
/// order of <see cref="UrgencyLevels"/>, each with its rank, care card and label, so the script holds no list of
/// its own: evaluate.js ranks answers by them, checker.js draws the result's card from them. A follow-up question
/// carries its <c>askIf</c>, and evaluate.js asks it by the same rule as <see cref="CheckerFlow.IsAsked"/>. The default encoder
/// escapes <c>&lt;</c> and <c>&amp;</c>, so the JSON cannot end its script element.
/// </summary>
public static class CheckerPageData
{
    private static readonly SiteJsonContext Context = new(new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase });

    public sealed record Link(string Title, string Url);

    public static string Json(CheckerData data, Func<string, Link?> resolve) =>
        JsonSerializer.Serialize(new PageJson(
            data.Version,
            data.LastReviewed.ToString("yyyy-MM-dd"),
            UrgencyLevels.All.Select(u =>
            {
                var level = data.Levels.Single(l => l.Id == u.Id); // the reader checked the data lists every level
                return new LevelJson(u.Id, u.Rank, u.Card.Id, u.Label, level.Title, level.Advice, level.IfWorse,
                    level.Links.Select(resolve).OfType<Link>());
            }),
            data.Questions.Select(q => new QuestionJson(q.Id, q.Text, q.Help, q.FirstThatFits ? CheckerFlow.FirstThatFitsText : null, q.RedFlag,
                q.AskIf is { } rule ? new AskIfJson(rule.Question, rule.Answers) : null,
                CheckerFlow.Answers(q).Select(a => new AnswerJson(a.Id, a.Text, a.Level))))),
            Context.PageJson);

    // The shapes of the JSON, each member in the order it is written.
    internal sealed record PageJson(string Version, string LastReviewed, IEnumerable<LevelJson> Levels, IEnumerable<QuestionJson> Questions);

    internal sealed record LevelJson(string Id, int Rank, string Card, string Label, string Title, string Advice, string IfWorse, IEnumerable<Link> Links);

    /// <param name="Instruction">How to choose, for a question whose answers go from most to least urgent; else null.</param>
    /// <param name="AskIf">For a follow-up, the earlier question and the answers it is asked after; else null.</param>
    internal sealed record QuestionJson(string Id, string Text, string? Help, string? Instruction, bool RedFlag, AskIfJson? AskIf, IEnumerable<AnswerJson> Answers);

    internal sealed record AskIfJson(string Question, IReadOnlyList<string> Answers);

    internal sealed record AnswerJson(string Id, string Text, string Level);
}
