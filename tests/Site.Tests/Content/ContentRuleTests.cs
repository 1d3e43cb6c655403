using Site.Tests.Support;

namespace Site.Tests.Content;

/// <summary>
/// Each content rule on a small site: a good build first, then one broken page. The broken build must
/// exit 1, name the file, line and code, and leave the previous output byte for byte as it was.
/// </summary>
public sealed class ContentRuleTests : IDisposable
{
    private readonly FixtureSite _site = new();

    public void Dispose() => _site.Dispose();

    private BuildRun BreakAndBuild(string page, string text) => _site.BuildFailsAfter(() => _site.WritePage(page, text));

    private static void AssertReports(BuildRun run, string fileAndLine, string code, string words) => run.AssertReports(fileAndLine, code, words);

    [Fact]
    public void Page_without_when_to_worry_fails()
    {
        var text = FixtureSite.Page("Aftercare", "### Ice\n\nCold helps.")
            .Replace("## When to worry\n\nCall {{ numbers.emergency }} if you have chest pain.", "");
        var run = BreakAndBuild("aftercare.md", text);
        AssertReports(run, "aftercare.md", "SITE011", "no 'When to worry' section");
    }

    [Fact]
    public void Empty_pressure_feedback_section_fails_at_its_heading()
    {
        var text = FixtureSite.Page("Aftercare", "### Ice\n\nCold helps.")
            .Replace("## Pressure feedback\n\nTell your therapist if it hurts.\n", "## Pressure feedback\n\n");
        var line = text.Split('\n').ToList().IndexOf("## Pressure feedback") + 1;
        var run = BreakAndBuild("aftercare.md", text);
        AssertReports(run, $"aftercare.md:{line}", "SITE012", "'Pressure feedback' section is empty");
    }

    [Fact]
    public void Bad_yaml_fails_at_its_line()
    {
        var text = FixtureSite.Page("Aftercare", "### Ice\n\nCold.").Replace("author: Writer One", "author: [Writer One");
        var run = BreakAndBuild("aftercare.md", text);
        Assert.Contains("aftercare.md:", run.Stderr);
        Assert.Contains("error SITE002: the YAML is not valid", run.Stderr);
        var line = int.Parse(run.Stderr.Split("aftercare.md:")[1].Split(':')[0]);
        Assert.InRange(line, 4, 6); // the flow sequence opens on line 4 and is found unclosed just after
    }

    [Fact]
    public void Missing_front_matter_key_is_named()
    {
        var text = FixtureSite.Page("Aftercare", "### Ice\n\nCold.").Replace("reviewed_by: Reviewer Two\n", "");
        var run = BreakAndBuild("aftercare.md", text);
        AssertReports(run, "aftercare.md:2", "SITE004", "has no 'reviewed_by'");
    }

    [Fact]
    public void Broken_link_fails_at_its_line()
    {
        var text = FixtureSite.Page("Home", "Intro.\n\nSee [ice](afterkare.md).");
        var run = BreakAndBuild("index.md", text);
        AssertReports(run, $"index.md:{FixtureSite.LineOf(text, "afterkare")}:5", "SITE013", "does not exist");
    }

    [Fact]
    public void Broken_fragment_lists_the_targets_ids()
    {
        var text = FixtureSite.Page("Home", "Intro.\n\nSee [ice](aftercare.md#cold).");
        var run = BreakAndBuild("index.md", text);
        AssertReports(run, $"index.md:{FixtureSite.LineOf(text, "#cold")}:5", "SITE014", "'#cold' is not a section or heading of aftercare.md");
        Assert.Contains("#ice", run.Stderr);
    }

    [Fact]
    public void Duplicate_output_path_fails_naming_both_sources()
    {
        var run = BreakAndBuild("aftercare/index.md", FixtureSite.Page("Aftercare again"));
        AssertReports(run, "aftercare/index.md:1", "SITE015", "writes aftercare/index.html, which");
        Assert.Contains("aftercare.md writes too", run.Stderr);
    }

    [Fact]
    public void Level_one_heading_in_content_fails()
    {
        var text = FixtureSite.Page("Aftercare", "### Ice\n\n# Another title\n\nText.");
        var run = BreakAndBuild("aftercare.md", text);
        AssertReports(run, $"aftercare.md:{FixtureSite.LineOf(text, "# Another")}:1", "SITE010", "level-1 heading");
    }

    [Fact]
    public void Unknown_key_suggests_the_right_one()
    {
        var run = BreakAndBuild("aftercare.md", FixtureSite.Page("Aftercare", "### Ice\n\nCold.").Replace("reviewed_by:", "reviewed-by:"));
        AssertReports(run, "aftercare.md:5", "SITE003", "unknown key 'reviewed-by'");
        Assert.Contains("did you mean 'reviewed_by'?", run.Stderr);
    }

    [Fact]
    public void Long_description_fails()
    {
        var run = BreakAndBuild("aftercare.md", FixtureSite.Page("Aftercare", "### Ice\n\nCold.").Replace("A short description of the page.", new string('a', 161)));
        AssertReports(run, "aftercare.md:3", "SITE006", "161 characters");
    }

    [Fact]
    public void Reviewer_must_differ_from_author()
    {
        var run = BreakAndBuild("aftercare.md", FixtureSite.Page("Aftercare", "### Ice\n\nCold.").Replace("Reviewer Two", "writer one"));
        AssertReports(run, "aftercare.md:5", "SITE007", "reviewed by someone else");
    }

    [Fact]
    public void Overdue_review_fails()
    {
        var run = BreakAndBuild("aftercare.md", FixtureSite.Page("Aftercare", "### Ice\n\nCold.").Replace("next_review: 2027-11-01", "next_review: 2026-11-27"));
        AssertReports(run, "aftercare.md:7", "SITE008", "due for review on 2026-11-27");
    }

    [Fact]
    public void Review_due_within_30_days_warns_but_builds()
    {
        _site.WritePage("aftercare.md", FixtureSite.Page("Aftercare", "### Ice\n\nCold.").Replace("next_review: 2027-11-01", "next_review: 2026-12-20"));
        var run = _site.Build();
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("aftercare.md:7:14: warning SITE009:", run.Stderr);
        Assert.Contains("1 warning, 0 errors", run.Stdout);
    }

    [Fact]
    public void Unknown_placeholder_fails_at_its_position()
    {
        var text = FixtureSite.Page("Aftercare", "### Ice\n\nCall {{ numbers.police }} now.");
        var run = BreakAndBuild("aftercare.md", text);
        AssertReports(run, $"aftercare.md:{FixtureSite.LineOf(text, "police")}:6", "SITE017", "unknown placeholder 'numbers.police'");
    }

    [Fact]
    public void Unknown_care_card_level_fails()
    {
        var text = FixtureSite.Page("Aftercare", "### Ice\n\n::: critical\nText\n:::");
        var run = BreakAndBuild("aftercare.md", text);
        AssertReports(run, $"aftercare.md:{FixtureSite.LineOf(text, "critical")}:1", "SITE018", "'::: critical' is not a care card level");
    }

    [Theory]
    [InlineData("A massage helps your body detox.", "detox")]
    [InlineData("It will flush out toxins.", "flush out")]
    [InlineData("Massage can cure back pain.", "cure")]
    [InlineData("Some say it flushes the waste out.", "flushes the waste out")]
    public void Banned_claims_fail_at_their_line(string sentence, string claim)
    {
        var text = FixtureSite.Page("Aftercare", "### Ice\n\n" + sentence);
        var run = BreakAndBuild("aftercare.md", text);
        AssertReports(run, $"aftercare.md:{FixtureSite.LineOf(text, sentence)}", "SITE021", $"'{claim}'");
    }

    [Fact]
    public void Words_that_only_contain_a_banned_word_are_allowed()
    {
        _site.WritePage("aftercare.md", FixtureSite.Page("Aftercare", "### Ice\n\nKeep your things secure and be accurate. Procure a towel."));
        var run = _site.Build();
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public void Unknown_layout_is_refused_naming_the_layouts_there_are()
    {
        var text = FixtureSite.Page("Aftercare", "### Ice\n\nCold.").Replace("title: Aftercare", "title: Aftercare\nlayout: fancy");
        var run = BreakAndBuild("aftercare.md", text);
        AssertReports(run, "aftercare.md:3", "SITE005", "there is no layout 'fancy'");
        Assert.Contains("use one of: checker, page, search", run.Stderr);
    }

    [Fact]
    public void A_signs_list_without_checker_data_or_with_an_unknown_level_fails()
    {
        var text = FixtureSite.Page("Aftercare", "### Ice\n\n::: signs emergency\n:::");
        var run = BreakAndBuild("aftercare.md", text);
        AssertReports(run, $"aftercare.md:{FixtureSite.LineOf(text, "::: signs")}", "SITE018", "needs the symptom checker's data");
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        _site.WritePage("index.md", FixtureSite.Page("Home", "# Title\n\n[x](missing.md)").Replace("author: Writer One\n", ""));
        var run = _site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SITE004", run.Stderr);
        Assert.Contains("SITE010", run.Stderr);
        Assert.Contains("SITE013", run.Stderr);
        Assert.Contains("3 errors", run.Stderr);
    }
}
