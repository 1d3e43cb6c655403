using System.Text.Json;
using Site.Urgency;

namespace Site.Checker;

/// <summary>
/// The checker's data as the browser script reads it: embedded in the checker page as JSON, with "Not sure"
/// added to every question and each level's links resolved to page titles and URLs. The levels come in the
/// order of <see cref="UrgencyLevels"/>, each with its rank, care card and label, so the script holds no list of
/// its own: evaluate.js ranks answers by them, checker.js draws the result's card from them. The default encoder
/// escapes <c>&lt;</c> and <c>&amp;</c>, so the JSON cannot end its script element.
/// </summary>
public static class CheckerPageData
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public sealed record Link(string Title, string Url);

    public static string Json(CheckerData data, Func<string, Link?> resolve) =>
        JsonSerializer.Serialize(new
        {
            data.Version,
            LastReviewed = data.LastReviewed.ToString("yyyy-MM-dd"),
            Levels = UrgencyLevels.All.Select(u =>
            {
                var level = data.Levels.Single(l => l.Id == u.Id); // the reader checked the data lists every level
                return new
                {
                    u.Id,
                    u.Rank,
                    Card = u.Card.Id,
                    u.Label,
                    level.Title,
                    level.Advice,
                    level.IfWorse,
                    Links = level.Links.Select(resolve).OfType<Link>(),
                };
            }),
            Questions = data.Questions.Select(q => new
            {
                q.Id,
                q.Text,
                q.Help,
                q.RedFlag,
                Answers = CheckerFlow.Answers(q).Select(a => new { a.Id, a.Text, a.Level }),
            }),
        }, Options);
}
