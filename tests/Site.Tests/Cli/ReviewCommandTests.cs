using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Site.Review;
using Site.Tests.Support;

namespace Site.Tests.Cli;

public sealed class ReviewCommandTests : IDisposable
{
    private readonly FixtureSite _site = new();

    public void Dispose() => _site.Dispose();

    /// <summary>A valid page reviewed by <paramref name="reviewer"/> and due again on <paramref name="next"/>.</summary>
    private void WritePage(string file, string title, string next, string reviewer = "Reviewer Two", string body = "") =>
        _site.WritePage(file, FixtureSite.Page(title, body)
            .Replace("title: " + title, "title: " + YamlQuoted(title))
            .Replace("next_review: 2027-11-01", "next_review: " + next)
            .Replace("reviewed_by: Reviewer Two", "reviewed_by: " + reviewer));

    private static string YamlQuoted(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>Pages due on different days, two on the same day, one overdue (today is 2026-11-27).</summary>
    private void WriteSchedule()
    {
        WritePage("index.md", "Home", "2027-06-01", body: "[Aftercare](aftercare.md#ice)");
        WritePage("aftercare.md", "Aftercare", "2026-12-10", body: "### Ice\n\nWrap ice in a towel.\n");
        WritePage("b-heat.md", "Heat", "2026-12-20", "Physio Three");
        WritePage("a-rest.md", "Rest", "2026-12-20", "Physio Four");
        WritePage("late.md", "Late page", "2026-11-20");
    }

    private BuildRun Review(params string[] extra) =>
        NewCommandTests.Run(["review", "--input", _site.Input, "--theme", _site.Theme, .. extra.Contains("--today") ? extra : [.. extra, "--today", FixtureSite.Today]]);

    private static List<string> TableFiles(string stdout) =>
        [.. stdout.Split('\n').Skip(1).TakeWhile(l => l.Length > 0).Select(l => Regex.Match(l, @"\S+\.md").Value)];

    [Fact]
    public void The_table_lists_every_page_by_next_review_then_file_with_its_reviewer_and_days_left()
    {
        WriteSchedule();
        var run = Review();

        Assert.True(run.ExitCode == 1, run.ToString()); // late.md is overdue
        var lines = run.Stdout.Split('\n');
        Assert.Matches(@"^Title +File +Reviewer +Last reviewed +Next review +Days left +Grade$", lines[0]);
        Assert.Equal(["late.md", "aftercare.md", "a-rest.md", "b-heat.md", "index.md"], TableFiles(run.Stdout).Select(Path.GetFileName));
        var rest = lines.Single(l => l.Contains("a-rest.md"));
        Assert.Matches(@"^Rest +\S*a-rest\.md +Physio Four +2026-11-01 +2026-12-20 +23 +-$", rest);
        Assert.Matches(@"^Late page .* 2026-11-20 +-7 +-$", lines.Single(l => l.Contains("late.md")));
        // Columns line up: every row's next review starts where the heading's does.
        var column = lines[0].IndexOf("Next review", StringComparison.Ordinal);
        Assert.All(lines.Skip(1).TakeWhile(l => l.Length > 0), l => Assert.Matches(@"^\d{4}-\d\d-\d\d", l[column..]));
        Assert.Contains("As of 2026-11-27: 5 pages, 1 overdue.", run.Stdout);
        Assert.Contains("1 page overdue", run.Stderr);
    }

    [Fact]
    public void Without_an_overdue_page_it_exits_0()
    {
        WritePage("index.md", "Home", "2027-06-01", body: "[Aftercare](aftercare.md#ice)");
        var run = Review();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["index.md", "aftercare.md"], TableFiles(run.Stdout).Select(Path.GetFileName));
        Assert.Equal("", run.Stderr);

        // Due today is overdue, as the build has it.
        var dueToday = Review("--today", "2027-11-01");
        Assert.True(dueToday.ExitCode == 1, dueToday.ToString());
        Assert.Matches(@"aftercare\.md .* 2027-11-01 +0 +-", dueToday.Stdout);
    }

    [Fact]
    public void Within_keeps_the_pages_due_within_that_many_days_and_the_overdue_ones()
    {
        WriteSchedule();
        Assert.Equal(["late.md", "aftercare.md"], TableFiles(Review("--within", "13").Stdout).Select(Path.GetFileName));
        Assert.Equal(["late.md", "aftercare.md", "a-rest.md", "b-heat.md"], TableFiles(Review("--within", "23").Stdout).Select(Path.GetFileName));
        Assert.Equal(["late.md"], TableFiles(Review("--within", "0").Stdout).Select(Path.GetFileName));

        WritePage("late.md", "Late page", "2027-01-20");
        var none = Review("--within", "10");
        Assert.True(none.ExitCode == 0, none.ToString());
        Assert.Equal("No page is due for review within 10 days (as of 2026-11-27).\n", none.Stdout.Replace("\r", ""));
    }

    [Fact]
    public void Json_is_an_array_of_objects_with_the_same_keys_for_every_page()
    {
        WriteSchedule();
        var run = Review("--format", "json", "--within", "30");
        using var json = JsonDocument.Parse(run.Stdout);
        var pages = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(4, pages.Count);
        string[] keys = ["title", "path", "reviewer", "last_reviewed", "next_review", "days_left", "overdue", "grade"];
        Assert.All(pages, p => Assert.Equal(keys, p.EnumerateObject().Select(o => o.Name)));
        var late = pages[0];
        Assert.Equal("Late page", late.GetProperty("title").GetString());
        Assert.EndsWith("late.md", late.GetProperty("path").GetString());
        Assert.Equal("Reviewer Two", late.GetProperty("reviewer").GetString());
        Assert.Equal("2026-11-01", late.GetProperty("last_reviewed").GetString());
        Assert.Equal("2026-11-20", late.GetProperty("next_review").GetString());
        Assert.Equal(-7, late.GetProperty("days_left").GetInt32());
        Assert.True(late.GetProperty("overdue").GetBoolean());
        Assert.False(pages[1].GetProperty("overdue").GetBoolean());
        Assert.Equal(JsonValueKind.Null, late.GetProperty("grade").ValueKind);
        Assert.Equal("[]", Review("--format", "json", "--today", "2026-11-01", "--within", "5").Stdout.Trim());
    }

    [Fact]
    public void The_grade_is_the_one_the_build_reports()
    {
        var hard = string.Join(" ", Enumerable.Repeat(
            "Physiotherapeutic intervention necessitates comprehensive consideration of musculoskeletal inflammation, particularly following vigorous manipulation.", 6));
        WritePage("aftercare.md", "Aftercare", "2027-06-01", body: "### Ice\n\n" + hard + "\n");
        var build = _site.Build();
        var reported = Regex.Match(build.Stderr, @"reads at US grade (\d+\.\d)").Groups[1].Value;
        Assert.True(reported.Length > 0, build.ToString());

        using var json = JsonDocument.Parse(Review("--format", "json").Stdout);
        var aftercare = json.RootElement.EnumerateArray().Single(p => p.GetProperty("path").GetString()!.EndsWith("aftercare.md"));
        Assert.Equal(double.Parse(reported, CultureInfo.InvariantCulture), aftercare.GetProperty("grade").GetDouble());
        Assert.Contains(reported, Review().Stdout);
    }

    [Fact]
    public void Markdown_is_a_github_table_and_a_gantt_chart_of_the_year_with_overdue_pages_marked()
    {
        WriteSchedule();
        WritePage("pipe.md", "Heat | ice *and* [rest]", "2026-12-01", "Dr <b>Who</b>");
        WritePage("odd.md", "Section 3: ice; heat # rest (100%) `now`", "2027-03-01");
        WritePage("later.md", "Next year", "2028-01-01");
        var run = Review("--format", "markdown", "--within", "30");

        Assert.True(run.ExitCode == 1, run.ToString());
        var lines = run.Stdout.Replace("\r", "").Split('\n');
        var header = Array.IndexOf(lines, "| Title | File | Reviewer | Last reviewed | Next review | Days left | Grade |");
        Assert.True(header > 0, run.Stdout);
        Assert.Equal("| --- | --- | --- | --- | --- | ---: | ---: |", lines[header + 1]);
        var rows = lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.Equal(["Late page", "Heat \\| ice \\*and\\* \\[rest\\]", "Aftercare", "Rest", "Heat"], rows.Select(r => r.Split(" | ")[0].TrimStart('|', ' ')));
        // Every row has the header's seven cells: the '|' in a title is escaped, not a cell's end.
        Assert.All(rows, r => Assert.Equal(9, Regex.Split(r, @"(?<!\\)\|").Length));
        Assert.Contains("Dr \\<b\\>Who\\</b\\>", rows[1]);
        Assert.Contains("| -7 **overdue** |", rows[0]);
        Assert.DoesNotContain(rows, r => r.Contains("later.md") || r.Contains("odd.md"));

        var start = Array.IndexOf(lines, "```mermaid");
        var end = Array.IndexOf(lines, "```", start + 1);
        Assert.True(start > header && end > start, run.Stdout);
        var chart = lines[(start + 1)..end];
        Assert.Equal(["gantt", "    dateFormat YYYY-MM-DD"], chart[..2]);
        var tasks = chart.Where(l => l.Contains(" :")).ToList();
        // The year's reviews, overdue ones included, but not next year's.
        Assert.Equal(7, tasks.Count);
        Assert.Equal("    Late page :crit, 2026-11-20, 1d", tasks[0]);
        Assert.Equal("    Heat ice and rest :2026-12-01, 1d", tasks[1]);
        Assert.Contains("    “Section 3 ice heat rest 100 now” :2027-03-01, 1d", tasks);
        Assert.Single(tasks, t => t.Contains("crit"));
        Assert.DoesNotContain(tasks, t => t.Contains("Next year"));
        // A task name holds nothing Mermaid reads as syntax: one ':' (before the date), no '#', ';', '%', parentheses or quotes.
        Assert.All(tasks, t => Assert.Matches(@"^    [^:#;%()""`]+ :(crit, )?\d{4}-\d\d-\d\d, 1d$", t));
    }

    [Theory]
    [InlineData("title", "“title”")]
    [InlineData("Section 2", "“Section 2”")]
    [InlineData("click here", "“click here”")]
    [InlineData("2026-12-01 changes", "“2026-12-01 changes”")]
    [InlineData("#; :", "Untitled page")]
    [InlineData("Après: l'eau", "Après l'eau")]
    public void Task_names_never_read_as_mermaid_syntax(string title, string name)
    {
        Assert.Equal(name, ReviewFormats.TaskName(title));
    }

    [Fact]
    public void Pages_with_broken_front_matter_are_reported_with_file_and_line_and_the_rest_still_listed()
    {
        WriteSchedule();
        _site.WritePage("broken.md", FixtureSite.Page("Broken").Replace("next_review: 2027-11-01", "next_review: soon"));
        _site.WritePage("bad-yaml.md", FixtureSite.Page("Bad").Replace("title: Bad", "title: [unclosed"));
        var run = Review("--within", "400");

        Assert.True(run.ExitCode == 1, run.ToString());
        run.AssertReports("broken.md:7", "SITE005", "'next_review' must be a date");
        Assert.Matches(@"bad-yaml\.md:\d+:\d+: error SITE002: the YAML is not valid", run.Stderr);
        Assert.Contains("2 problems kept pages from being read", run.Stderr);
        Assert.Equal(5, TableFiles(run.Stdout).Count);
        Assert.DoesNotContain("broken.md", run.Stdout);
        // Overdue is not a problem of the page's front matter here: it is what the list is for.
        Assert.DoesNotContain("SITE008", run.Stderr);
    }

    [Theory]
    [InlineData("--format", "html")]
    [InlineData("--within", "-1")]
    [InlineData("--within", "soon")]
    [InlineData("--today", "tomorrow")]
    public void Bad_usage_exits_with_2(string option, string value)
    {
        var run = Review(option, value);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("error", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Ten_thousand_pages_are_listed_in_seconds()
    {
        for (var i = 0; i < 10_000; i++)
            _site.WritePage($"pages/p{i:D5}.md", FixtureSite.Page($"Page {i}").Replace("2027-11-01", $"2027-{1 + i % 12:D2}-{1 + i % 28:D2}"));
        var clock = Stopwatch.StartNew();
        var run = Review("--format", "json");
        clock.Stop();

        Assert.True(run.ExitCode == 0, run.ToString()[..Math.Min(2000, run.ToString().Length)]);
        using var json = JsonDocument.Parse(run.Stdout);
        var dates = json.RootElement.EnumerateArray().Select(p => p.GetProperty("next_review").GetString()).ToList();
        Assert.Equal(10_002, dates.Count);
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"review took {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
