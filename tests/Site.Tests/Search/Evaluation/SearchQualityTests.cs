using Site.Tests.Support;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace Site.Tests.Search.Evaluation;

/// <summary>
/// Search as worried readers type, held to a standard: the evaluation set (queries.yml: misspellings, everyday
/// words, whole questions, medicines, abbreviations, red flags) run through the browser's engine on the real
/// site's search data. The right page comes first for at least 90 % of queries (precision at 1), and every
/// red-flag query raises its notice while no other query raises one. A reader's query that fails belongs in the set.
/// </summary>
public sealed class SearchQualityTests(ITestOutputHelper output)
{
    // Raised as ranking improves, never lowered.
    public const double MinimumPrecisionAtOne = 0.93;

    public sealed record Expected(string Query, string Page, string? Section, string Notice, string Kind);

    public static IReadOnlyList<Expected> Queries()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepoPaths.Root, "tests", "Site.Tests", "Search", "Evaluation", "queries.yml")))
            yaml.Load(reader);
        string? Get(YamlMappingNode item, string key) =>
            item.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;
        return ((YamlSequenceNode)yaml.Documents[0].RootNode).Children.Cast<YamlMappingNode>()
            .Select(i => new Expected(Get(i, "query")!, Get(i, "page")!, Get(i, "section"), Get(i, "notice") ?? "none", Get(i, "kind") ?? ""))
            .ToList();
    }

    /// <summary>The URL a page's input path is published at, under the real site's base path.</summary>
    private static string UrlOf(string page) =>
        RealSite.BasePath + (page == "index.md" ? "" : page.EndsWith("/index.md", StringComparison.Ordinal) ? page[..^"index.md".Length] : page[..^".md".Length] + "/");

    private static string PageOf(string url) => url.Split('#')[0];

    [Fact]
    public async Task The_right_page_comes_first_for_nine_in_ten_reader_queries_and_every_red_flag_raises_its_notice()
    {
        var site = RealSite.Shared;
        Assert.True(site.ExitCode == 0, site.Log);
        var expected = Queries();
        var answers = (await QueryRunner.RunAsync(site.Output, expected.Select(e => e.Query))).ToDictionary(a => a.Query);

        int first = 0, section = 0, sections = 0;
        double reciprocal = 0;
        var misses = new List<string>();
        var notices = new List<string>();
        foreach (var e in expected)
        {
            var answer = answers[e.Query];
            var want = UrlOf(e.Page);
            var rank = answer.Results.Select((r, i) => (r, i)).FirstOrDefault(x => PageOf(x.r.Url) == want, (null!, -1)).Item2 + 1;
            reciprocal += rank > 0 ? 1.0 / rank : 0;
            if (rank == 1)
                first++;
            else
                misses.Add($"  [{e.Kind}] '{e.Query}': wanted {want}, got {string.Join(", ", answer.Results.Take(3).Select(r => r.Url))}{(rank > 1 ? $" (it is #{rank})" : "")}");
            if (e.Section != null)
            {
                sections++;
                if (answer.Results.FirstOrDefault()?.Url == want + "#" + e.Section)
                    section++;
            }
            if ((answer.Notice ?? "none") != e.Notice)
                notices.Add($"  '{e.Query}': notice {answer.Notice ?? "none"}, wanted {e.Notice}");
        }
        var precision = (double)first / expected.Count;
        output.WriteLine($"{expected.Count} queries: precision at 1 {precision:P1}, mean reciprocal rank {reciprocal / expected.Count:0.000}, "
            + $"section first {section} of {sections}, notices right {expected.Count - notices.Count} of {expected.Count}");
        foreach (var kind in expected.GroupBy(e => e.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine($"  {kind.Key}: {kind.Count(e => PageOf(answers[e.Query].Results.FirstOrDefault()?.Url ?? "") == UrlOf(e.Page))} of {kind.Count()} first");
        output.WriteLine("Not first:\n" + string.Join("\n", misses));
        Assert.True(notices.Count == 0, "red-flag notices wrong:\n" + string.Join("\n", notices));
        Assert.True(precision >= MinimumPrecisionAtOne, $"precision at 1 is {precision:P1}, below {MinimumPrecisionAtOne:P0}:\n{string.Join("\n", misses)}");
    }
}
