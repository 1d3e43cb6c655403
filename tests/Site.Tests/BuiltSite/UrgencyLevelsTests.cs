using System.Text.Json;
using System.Text.RegularExpressions;
using Site.Tests.Support;
using Site.Urgency;

namespace Site.Tests.BuiltSite;

/// <summary>
/// The urgency levels are defined once (<see cref="UrgencyLevels"/>) and reach the browser only through the JSON the
/// build writes: the checker page's data and the search data carry every level in rank order with its card and
/// label, and no script keeps a list of its own. Care cards are drawn by one function on each side.
/// </summary>
public sealed partial class UrgencyLevelsTests
{
    private readonly RealSite site = RealSite.Shared;

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

    /// <summary>A reader told to see a clinician must never read the same words, or see the same card, as one told to look after themselves.</summary>
    [Fact]
    public void Each_level_has_its_own_card_and_label()
    {
        Assert.Equal(UrgencyLevels.All.Count, UrgencyLevels.All.Select(l => l.Card.Id).Distinct().Count());
        Assert.Equal(UrgencyLevels.All.Count, UrgencyLevels.All.Select(l => l.Label).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(UrgencyLevels.Cards.Count, UrgencyLevels.All.Count);
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
        var script = site.ParsePages()["symptom-checker/index.html"].QuerySelector("script#checker-data");
        Assert.True(script != null, "the checker page has no script#checker-data");
        AssertLevels(JsonDocument.Parse(script!.TextContent).RootElement.GetProperty("levels"), "the checker page's data");
    }

    [Fact]
    public void The_search_data_carries_every_level_in_rank_order_with_its_card_label_and_notice()
    {
        Assert.True(site.ExitCode == 0, site.Log);
        var file = Path.Combine(site.Output, "assets", "search", "meta.json");
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

    [Fact]
    public void Care_card_markup_is_written_in_one_place_on_each_side()
    {
        var scripts = Scripts().Where(f => File.ReadAllText(f).Contains("care-card__", StringComparison.Ordinal)).Select(Name);
        Assert.Equal(["theme/assets/care-card.js"], scripts);
        var checker = File.ReadAllText(Path.Combine(Assets, "checker", "checker.js"));
        Assert.Contains("from '../care-card.js'", checker);
        Assert.Contains("'../care-card.js'", File.ReadAllText(Path.Combine(Assets, "search", "ui.js")));

        var generator = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src", "Site"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Theme, "layouts"), "*.liquid", SearchOption.AllDirectories))
            .Where(f => File.ReadAllText(f).Contains("care-card__", StringComparison.Ordinal))
            .Select(Name);
        Assert.Equal(["src/Site/Markdown/CareCards/CareCardHtml.cs"], generator);
    }

    [GeneratedRegex(@"(?:\bfrom\s*|\bimport\s*\(\s*(?:new URL\(\s*)?)'([^']+)'")]
    private static partial Regex Import();

    [Fact]
    public void Every_module_a_script_imports_is_in_the_output()
    {
        Assert.True(site.ExitCode == 0, site.Log);
        var missing = new List<string>();
        var imports = 0;
        foreach (var file in Scripts())
        {
            var output = Path.Combine(site.Output, "assets", Path.GetRelativePath(Assets, file));
            Assert.True(File.Exists(output), $"{Name(file)} is not in the output");
            foreach (Match m in Import().Matches(File.ReadAllText(file)))
            {
                imports++;
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(output)!, m.Groups[1].Value));
                if (!File.Exists(target))
                    missing.Add($"{Name(file)} imports '{m.Groups[1].Value}', which is not in the output");
            }
        }
        Assert.True(imports >= 4, $"only {imports} imports found; is the pattern broken?");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }
}
