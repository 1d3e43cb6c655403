using System.Text.Json;
using Site.Markdown.CareCards;

namespace Site.Checker;

/// <summary>
/// The checker's data as the browser script reads it: embedded in the checker page as JSON, with "Not sure"
/// added to every question and each level's links resolved to page titles and URLs. The default encoder
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
            Levels = data.Levels.Select(l => new
            {
                l.Id,
                l.Title,
                l.Card,
                Label = CareCardLevel.Label(l.Card),
                l.Advice,
                l.IfWorse,
                Links = l.Links.Select(resolve).OfType<Link>(),
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
