using System.Text.Json;
using Site.Tests.Support;

namespace Site.Tests.Search;

/// <summary>The search data the build writes: section records, weights, synonyms and red flags.</summary>
public sealed class SearchIndexTests : IDisposable
{
    private readonly FixtureSite _site = new();

    public void Dispose() => _site.Dispose();

    private JsonElement BuildIndex()
    {
        var run = _site.Build();
        Assert.True(run.ExitCode == 0, run.ToString());
        var file = Path.Combine(_site.Output, "assets", "search-index.json");
        return JsonDocument.Parse(File.ReadAllText(file)).RootElement;
    }

    private static List<(string Url, string Title, string Heading, string Text)> Records(JsonElement index) =>
        index.GetProperty("records").EnumerateArray()
            .Select(r => (r.GetProperty("url").GetString()!, r.GetProperty("title").GetString()!, r.GetProperty("heading").GetString()!, r.GetProperty("text").GetString()!))
            .ToList();

    [Fact]
    public void Each_section_is_a_record_that_links_straight_to_it()
    {
        _site.WritePage("aftercare.md", FixtureSite.Page("Aftercare", "Rest well after a [massage](index.md).\n\n### Ice\n\n::: urgent\nCall now if:\n\n- your leg swells\n:::"));
        var records = Records(BuildIndex()).Where(r => r.Title == "Aftercare").ToList();
        Assert.Equal(["/aftercare/", "/aftercare/#pressure-feedback", "/aftercare/#when-to-worry"], records.Select(r => r.Url));
        Assert.Equal(["", "Pressure feedback", "When to worry"], records.Select(r => r.Heading));
        var intro = records[0].Text;
        Assert.Contains("Rest well after a massage.", intro); // link text kept, its address not
        Assert.DoesNotContain("index.md", intro);
        Assert.Contains("Ice", intro);
        Assert.Contains("Urgent advice: Call now if: your leg swells", intro);
        Assert.Contains("Call 999 if you have chest pain.", records[2].Text); // placeholders already replaced
    }

    [Fact]
    public void Titles_weigh_more_than_headings_and_headings_more_than_text()
    {
        var boost = BuildIndex().GetProperty("boost");
        var (title, heading, text) = (boost.GetProperty("title").GetInt32(), boost.GetProperty("heading").GetInt32(), boost.GetProperty("text").GetInt32());
        Assert.True(title > heading && heading > text, $"{title} > {heading} > {text}");
    }

    [Fact]
    public void One_pages_new_text_changes_the_search_data_but_no_other_page()
    {
        BuildIndex();
        var data = Path.Combine(_site.Output, "assets", "search-index.json");
        Assert.Contains("/assets/search-index.json", File.ReadAllText(Path.Combine(_site.Output, "aftercare", "index.html")));
        var (before, home) = (File.ReadAllText(data), File.ReadAllText(Path.Combine(_site.Output, "index.html")));
        _site.WritePage("aftercare.md", FixtureSite.Page("Aftercare", "### Ice\n\nSomething new."));
        BuildIndex();
        Assert.NotEqual(before, File.ReadAllText(data));
        Assert.Contains("Something new.", File.ReadAllText(data));
        Assert.Equal(home, File.ReadAllText(Path.Combine(_site.Output, "index.html")));
    }

    [Fact]
    public void A_synonym_that_points_nowhere_is_a_warning_at_its_line()
    {
        Directory.CreateDirectory(Path.Combine(_site.Input, "data"));
        File.WriteAllText(Path.Combine(_site.Input, "data", "synonyms.yml"), "# words\nwee: [chest]\nachy: [sore, aching]\n");
        var run = _site.Build();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("synonyms.yml:3:1: warning SITE024: 'achy' points to 'sore', which no page uses", run.Stderr);
        Assert.DoesNotContain("'wee' points", run.Stderr);
        var synonyms = JsonDocument.Parse(File.ReadAllText(Path.Combine(_site.Output, "assets", "search-index.json")))
            .RootElement.GetProperty("synonyms");
        Assert.Equal("chest", synonyms.GetProperty("wee")[0].GetString());
    }

    [Fact]
    public void A_malformed_synonyms_file_fails_the_build()
    {
        Directory.CreateDirectory(Path.Combine(_site.Input, "data"));
        File.WriteAllText(Path.Combine(_site.Input, "data", "synonyms.yml"), "wee:\n  nested: map\n");
        var run = _site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("synonyms.yml:1:1: error SITE005: the synonym 'wee' must name one or more words", run.Stderr);
    }

    [Fact]
    public void Red_flag_terms_come_from_the_checker_data_of_the_real_site()
    {
        var real = RealSite.Shared;
        Assert.True(real.ExitCode == 0, real.Log);
        var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(real.Output, "assets", "search-index.json"))).RootElement;
        var flags = index.GetProperty("redFlags").EnumerateArray().ToList();
        var chest = flags.Single(f => f.GetProperty("terms").EnumerateArray().Any(t => t.GetString() == "chest pain"));
        Assert.Equal("emergency", chest.GetProperty("level").GetString());
        var leg = flags.Single(f => f.GetProperty("terms").EnumerateArray().Any(t => t.GetString() == "swollen leg"));
        Assert.Equal("urgent", leg.GetProperty("level").GetString());
        var emergency = index.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "emergency");
        Assert.Contains("999", emergency.GetProperty("title").GetString());
    }
}
