using System.Text.Json;
using Site.Tests.Support;
using Site.Urgency;

namespace Site.Tests.BuiltSite;

/// <summary>
/// The urgency levels are defined once (<see cref="UrgencyLevels"/>) and reach the browser only through the JSON the
/// build writes: the checker page's data and the search data carry every level in rank order with its card and
/// label, and no script keeps a list of its own.
/// </summary>
public sealed class UrgencyLevelsTests(BuiltSiteFixture site) : IClassFixture<BuiltSiteFixture>
{
    private static readonly string Assets = Path.Combine(RepoPaths.Theme, "assets");

    /// <summary>The theme's own scripts (not the vendored library).</summary>
    private static IEnumerable<string> Scripts() =>
        Directory.EnumerateFiles(Assets, "*.js", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(Assets, f).StartsWith("vendor", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static string Name(string file) => Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/');

    [Fact]
    public void Each_level_is_ranked_by_its_place_and_shows_as_a_known_card()
    {
        Assert.Equal(Enumerable.Range(0, UrgencyLevels.All.Count), UrgencyLevels.All.Select(l => l.Rank));
        Assert.Equal(UrgencyLevels.All.Count, UrgencyLevels.Ids.Distinct().Count());
        Assert.All(UrgencyLevels.All, l => Assert.Contains(l.Card, UrgencyLevels.Cards));
        // Every kind of card is some level's card, and a more urgent level never shows a less urgent card.
        Assert.Equal(UrgencyLevels.Cards, UrgencyLevels.All.Select(l => l.Card).Distinct());
        var cards = UrgencyLevels.All.Select(l => UrgencyLevels.Cards.ToList().IndexOf(l.Card)).ToList();
        Assert.Equal(cards.Order(), cards);
        Assert.Equal("emergency", UrgencyLevels.MostUrgent.Id);
    }

    private static void AssertLevels(JsonElement levels, string what)
    {
        var items = levels.EnumerateArray().ToList();
        Assert.True(items.Count == UrgencyLevels.All.Count, $"{what} has {items.Count} levels, not {UrgencyLevels.All.Count}");
        foreach (var (item, level) in items.Zip(UrgencyLevels.All))
        {
            Assert.Equal(level.Id, item.GetProperty("id").GetString());
            Assert.Equal(level.Rank, item.GetProperty("rank").GetInt32());
            Assert.Equal(level.Card.Id, item.GetProperty("card").GetString());
            Assert.Equal(level.Label, item.GetProperty("label").GetString());
            Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("title").GetString()), $"{what}: '{level.Id}' has no title");
            Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("advice").GetString()), $"{what}: '{level.Id}' has no advice");
        }
    }

    [Fact]
    public void The_checker_page_data_carries_every_level_in_rank_order_with_its_card_and_label()
    {
        Assert.True(site.ExitCode == 0, site.Log);
        var script = site.Pages["symptom-checker/index.html"].QuerySelector("script#checker-data");
        Assert.True(script != null, "the checker page has no script#checker-data");
        AssertLevels(JsonDocument.Parse(script!.TextContent).RootElement.GetProperty("levels"), "the checker page's data");
    }

    [Fact]
    public void The_search_data_carries_every_level_in_rank_order_with_its_card_label_and_notice()
    {
        Assert.True(site.ExitCode == 0, site.Log);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(site.Output, "assets"), "search-index.*.json"));
        var data = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
        AssertLevels(data.GetProperty("levels"), "the search data");
        foreach (var (item, level) in data.GetProperty("levels").EnumerateArray().Zip(UrgencyLevels.All))
            Assert.Equal(level.SearchNotice, item.GetProperty("notice").GetBoolean());
        Assert.All(data.GetProperty("redFlags").EnumerateArray(), f => Assert.Contains(f.GetProperty("level").GetString(), UrgencyLevels.Ids));
    }

    [Fact]
    public void No_browser_script_keeps_its_own_list_of_levels_or_labels()
    {
        var scripts = Scripts().ToList();
        Assert.Contains(scripts, f => Name(f) == "theme/assets/search.js");
        Assert.Contains(scripts, f => Name(f) == "theme/assets/checker/evaluate.js");
        var found = new List<string>();
        foreach (var file in scripts)
        {
            var text = File.ReadAllText(file);
            foreach (var id in UrgencyLevels.Ids.Concat(UrgencyLevels.Cards.Select(c => c.Id)).Distinct())
                found.AddRange(new[] { '"', '\'', '`' }.Select(q => $"{q}{id}{q}").Where(text.Contains).Select(s => $"{Name(file)}: {s}"));
            found.AddRange(UrgencyLevels.Cards.Select(c => c.Label).Where(l => text.Contains(l, StringComparison.OrdinalIgnoreCase)).Select(l => $"{Name(file)}: {l}"));
        }
        Assert.True(found.Count == 0, "scripts spell levels or labels that must come from the build's data:\n" + string.Join("\n", found));
    }
}
