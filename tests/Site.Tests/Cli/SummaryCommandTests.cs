using System.Globalization;
using System.Text.RegularExpressions;
using Site.Content;
using Site.Markdown;
using Site.Tests.Support;

namespace Site.Tests.Cli;

public sealed class SummaryCommandTests : IDisposable
{
    private const string Artifact = "https://github.com/example/site/actions/runs/1/artifacts/2";

    // Enough words to be scored: Flesch-Kincaid needs 50.
    private static readonly string PlainText = string.Join(" ", Enumerable.Repeat("Rest and drink water if you feel sore after your massage.", 6));
    private static readonly string HardText = string.Join(" ", Enumerable.Repeat(
        "Considerable proprioceptive recalibration necessitates deliberate rehydration and recuperation following intensive myofascial intervention.", 6));

    private readonly FixtureSite _site = new();

    public SummaryCommandTests()
    {
        _site.WritePage("new.md", FixtureSite.Page("Ice | heat [or](x.md) *both*", PlainText));
        _site.WritePage("aftercare.md", FixtureSite.Page("Aftercare", "### Ice\n\n" + HardText).Replace("next_review: 2027-11-01", "next_review: 2026-12-10"));
        File.WriteAllText(ChangesFile, "A\tinput/new.md\nM\tinput/aftercare.md\nD\tinput/old.md\nM\tinput/data/synonyms.yml\nM\tsrc/Site/Program.cs\n");
    }

    public void Dispose() => _site.Dispose();

    private string ChangesFile => Path.Combine(_site.Root, "changes.txt");

    private BuildRun Summary(params string[] extra)
    {
        string[] args = ["summary", "--changes", ChangesFile, "--root", _site.Root, "--input", _site.Input, "--theme", _site.Theme,
            "--today", FixtureSite.Today, "--base-path", "/clinic/", .. extra];
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = Program.Run(args, stdout, stderr);
        return new BuildRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The table row of a file, split into its cells at the pipes that are not escaped.</summary>
    private static string[] Row(string summary, string file)
    {
        var line = summary.Split('\n').Single(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains($"| {file} |"));
        return Regex.Split(line.Trim().Trim('|'), @"(?<!\\)\|").Select(c => c.Trim()).ToArray();
    }

    private static string GradeOf(string page)
    {
        // With the fixture's numbers, as the build fills them in.
        var numbers = new Site.Settings.Placeholders(new Dictionary<string, string> { ["numbers.emergency"] = "999" });
        var syntax = Markdig.Markdown.Parse(page, MarkdownPipelineFactory.Create(numbers));
        var grade = CheckReadability.Score(CheckReadability.Sentences(syntax).Select(s => s.Text))!.Value.Grade;
        return grade.ToString("0.0", CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Lists_each_page_with_its_address_grade_and_review_dates_and_the_other_files()
    {
        var run = Summary("--artifact-url", Artifact);
        Assert.True(run.ExitCode == 0, run.ToString());
        var summary = run.Stdout;

        // The build's counts: the review due within 30 days and the hard page are its two warnings.
        Assert.Contains("The build: **0 errors, 2 warnings** (3 pages).", summary);
        Assert.Contains($"[Download the built site](<{Artifact}>)", summary);

        Assert.Equal(
            ["added", "input/new.md", @"Ice \| heat \[or\]\(x.md\) \*both\*", "[https://clinic.example/clinic/new/](<https://clinic.example/clinic/new/>)",
                GradeOf(File.ReadAllText(Path.Combine(_site.Input, "new.md"))), "2026-11-01", "2027-11-01", "0 errors, 0 warnings"],
            Row(summary, "input/new.md"));
        Assert.Equal(
            ["changed", "input/aftercare.md", "Aftercare", "[https://clinic.example/clinic/aftercare/](<https://clinic.example/clinic/aftercare/>)",
                GradeOf(File.ReadAllText(Path.Combine(_site.Input, "aftercare.md"))) + " (too hard)", "2026-11-01", "2026-12-10 (within 30 days)",
                "0 errors, 2 warnings"],
            Row(summary, "input/aftercare.md"));
        Assert.Equal(
            ["removed", "input/old.md", "–", "https://clinic.example/clinic/old/ (no longer published)", "–", "–", "–", "–"],
            Row(summary, "input/old.md"));
        // Added, changed, removed, in that order; the files that are not pages in a line of their own.
        Assert.True(summary.IndexOf("| added", StringComparison.Ordinal) < summary.IndexOf("| changed", StringComparison.Ordinal)
            && summary.IndexOf("| changed", StringComparison.Ordinal) < summary.IndexOf("| removed", StringComparison.Ordinal), summary);
        Assert.Contains("Other files: input/data/synonyms.yml (changed), src/Site/Program.cs (changed).", summary);
        Assert.DoesNotContain("| input/data/synonyms.yml |", summary);
    }

    [Fact]
    public void The_home_page_is_at_the_sites_root_and_a_quoted_path_is_read()
    {
        File.WriteAllText(ChangesFile, "M\tinput/index.md\nD\t\"input/caf\\303\\251 \\\"menu\\\".md\"\n");
        var run = Summary();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("[https://clinic.example/clinic/](<https://clinic.example/clinic/>)", Row(run.Stdout, "input/index.md")[3]);
        Assert.Equal("https://clinic.example/clinic/caf%C3%A9%20%22menu%22/ (no longer published)", Row(run.Stdout, "input/café \"menu\".md")[3]);
        Assert.Contains("No link to the built site was given.", run.Stdout);
    }

    [Fact]
    public void A_build_with_errors_still_writes_the_summary_and_exits_0()
    {
        _site.WritePage("new.md", FixtureSite.Page("New", "See [a missing page](missing.md)."));
        var run = Summary("--artifact-url", "");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("The build: **1 error, 2 warnings** (3 pages).", run.Stdout);
        Assert.Contains("There is no built site to download: the build has errors.", run.Stdout);
        var row = Row(run.Stdout, "input/new.md");
        Assert.Equal("https://clinic.example/clinic/new/ (not published: the page has errors)", row[3]);
        Assert.Equal("1 error, 0 warnings", row[7]);
    }

    [Fact]
    public void Without_page_changes_the_summary_says_so()
    {
        File.WriteAllText(ChangesFile, "M\ttheme/assets/site.css\n");
        var run = Summary();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("No page is added, changed or removed.", run.Stdout);
        Assert.Contains("Other files: theme/assets/site.css (changed).", run.Stdout);
    }

    [Theory]
    [InlineData("X\tinput/new.md\n", "line 1 has the status 'X'")]
    [InlineData("M\tinput/a.md\nM input/new.md\n", "line 2 is not 'STATUS<tab>PATH'")]
    [InlineData("M\t\"input/broken\n", "line 1 is not 'STATUS<tab>PATH'")]
    public void A_changes_file_that_is_not_git_diff_output_is_a_usage_error(string changes, string words)
    {
        File.WriteAllText(ChangesFile, changes);
        var run = Summary();
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(words, run.Stderr);
        Assert.Empty(run.Stdout);
    }

    [Theory]
    [InlineData("--artifact-url", "javascript:alert(1)")]
    [InlineData("--today", "27/11/2026")]
    [InlineData("--changes", "/no/such/changes.txt")]
    [InlineData("--no-such-option", "x")]
    public void Bad_usage_exits_with_2_and_writes_no_summary(string option, string value)
    {
        var run = Summary(option, value);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("error: ", run.Stderr);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void The_changes_file_is_required()
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Assert.Equal(2, Program.Run(["summary", "--input", _site.Input], stdout, stderr));
        Assert.Contains("--changes", stderr.ToString());
        Assert.Contains("site summary --changes FILE", stderr.ToString());
    }
}
