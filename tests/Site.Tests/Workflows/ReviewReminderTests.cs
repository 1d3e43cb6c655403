using Site.Tests.Support;

namespace Site.Tests.Workflows;

/// <summary>
/// The weekly reminder's script, run with the real generator on a small site and a fake <c>gh</c> on PATH that logs
/// each call (and the body it is given) and answers <c>gh issue list</c> with the open issues a test sets.
/// </summary>
public sealed class ReviewReminderTests : IDisposable
{
    private const string Title = "Pages due for review";

    private static string Script => Path.Combine(RepoPaths.Root, ".github", "scripts", "review-reminder.sh");
    private static string Workflow => Path.Combine(RepoPaths.Root, ".github", "workflows", "review-reminder.yml");

    private readonly FixtureSite _site = new();
    private readonly string _bin;
    private readonly string _log;
    private readonly string _issues;

    public ReviewReminderTests()
    {
        _bin = Path.Combine(_site.Root, "bin");
        _log = Path.Combine(_site.Root, "gh.log");
        _issues = Path.Combine(_site.Root, "open-issues.tsv");
        Directory.CreateDirectory(_bin);
        File.WriteAllText(_issues, "");
        // Each call is logged as its arguments, one a line, and a line '--'; a body file's text goes to gh.body.
        WriteScript("gh", """
            #!/usr/bin/env bash
            printf '%s\n' "$@" -- >>"$GH_LOG"
            prev=""
            for arg in "$@"; do
              [[ "$prev" == --body-file ]] && cp "$arg" "$GH_LOG.body"
              prev="$arg"
            done
            if [[ "$1 $2" == "issue list" ]]; then cat "$GH_OPEN_ISSUES"; fi
            """);
        // The generator as the tests built it, on the fixture's site, on a date the test sets.
        WriteScript("site", $"""
            #!/usr/bin/env bash
            exec dotnet "{RepoPaths.SiteDll}" "$@" --input "{_site.Input}" --theme "{_site.Theme}" --today "$REVIEW_TODAY"
            """);
    }

    public void Dispose() => _site.Dispose();

    private void WriteScript(string name, string text)
    {
        var path = Path.Combine(_bin, name);
        File.WriteAllText(path, text.Replace("\r", "") + "\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private async Task<(ExternalProcess.Result Run, List<string[]> Calls)> RemindAsync(string today)
    {
        var start = ExternalProcess.Start("bash", [Script], _site.Root);
        start.Environment["PATH"] = _bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["SITE"] = Path.Combine(_bin, "site");
        start.Environment["REVIEW_TODAY"] = today;
        start.Environment["GH_LOG"] = _log;
        start.Environment["GH_OPEN_ISSUES"] = _issues;
        var run = await ExternalProcess.RunAsync(start, TimeSpan.FromMinutes(2), "bash must be on PATH.");
        var calls = new List<string[]>();
        if (File.Exists(_log))
        {
            var current = new List<string>();
            foreach (var line in File.ReadAllLines(_log))
            {
                if (line == "--")
                {
                    calls.Add([.. current]);
                    current.Clear();
                }
                else
                    current.Add(line);
            }
        }
        return (run, calls);
    }

    private string Body => File.ReadAllText(_log + ".body");

    private static string[] ListCall => ["issue", "list", "--state", "open", "--search", $"in:title \"{Title}\"", "--json", "number,title", "--jq", ".[] | [.number, .title] | @tsv"];

    [Fact]
    public async Task Pages_due_open_the_issue_with_the_table_and_the_chart()
    {
        // The fixture's pages are due on 2027-11-01: within 30 days of 2027-10-10.
        var (run, calls) = await RemindAsync("2027-10-10");

        Assert.True(run.ExitCode == 0, $"{run.Stdout}\n{run.Stderr}");
        Assert.Equal(2, calls.Count);
        Assert.Equal(ListCall, calls[0]);
        Assert.Equal(["issue", "create", "--title", Title, "--body-file"], calls[1][..^1]);
        Assert.Contains("| Title | File | Reviewer |", Body);
        Assert.Contains("| Aftercare | ", Body);
        Assert.Contains("| Reviewer Two |", Body);
        Assert.Contains("```mermaid\ngantt\n", Body);
        Assert.Contains("    Aftercare :2027-11-01, 1d", Body);
        Assert.Contains("opened the issue", run.Stdout);
    }

    [Fact]
    public async Task An_open_issue_with_exactly_that_title_is_updated_and_an_overdue_page_fails_the_run_after()
    {
        File.WriteAllText(_issues, $"3\t{Title} (old)\n7\t{Title}\n");
        // The fixture's pages were due on 2027-11-01.
        var (run, calls) = await RemindAsync("2027-11-05");

        Assert.True(run.ExitCode == 1, $"{run.Stdout}\n{run.Stderr}");
        Assert.Equal(2, calls.Count);
        Assert.Equal(["issue", "edit", "7", "--body-file"], calls[1][..^1]);
        Assert.Contains("-4 **overdue**", Body);
        Assert.Contains(":crit, 2027-11-01, 1d", Body);
        Assert.Contains("updated issue #7", run.Stdout);
    }

    [Fact]
    public async Task With_no_page_due_the_open_issue_is_closed()
    {
        File.WriteAllText(_issues, $"7\t{Title}\n");
        var (run, calls) = await RemindAsync(FixtureSite.Today);

        Assert.True(run.ExitCode == 0, $"{run.Stdout}\n{run.Stderr}");
        Assert.Equal(2, calls.Count);
        Assert.Equal(["issue", "close", "7", "--comment", "No page is due for review within 30 days."], calls[1]);
    }

    [Fact]
    public async Task With_no_page_due_and_no_issue_nothing_is_written()
    {
        var (run, calls) = await RemindAsync(FixtureSite.Today);

        Assert.True(run.ExitCode == 0, $"{run.Stdout}\n{run.Stderr}");
        Assert.Equal([ListCall], calls);
    }

    [Fact]
    public async Task When_the_review_itself_fails_the_issue_is_left_alone()
    {
        File.WriteAllText(_issues, $"7\t{Title}\n");
        var (run, calls) = await RemindAsync("not-a-date");

        Assert.True(run.ExitCode == 2, $"{run.Stdout}\n{run.Stderr}");
        Assert.Contains("the issue is left as it is", run.Stderr);
        Assert.Empty(calls);
    }

    [Fact]
    public void The_workflow_runs_weekly_with_only_the_permissions_it_needs()
    {
        var text = File.ReadAllText(Workflow);
        Assert.Matches(@"(?m)^  schedule:\n    - cron: ""\d+ \d+ \* \* \d""$", text.Replace("\r", ""));
        Assert.Contains("  workflow_dispatch:", text);
        Assert.Contains("permissions:\n  issues: write\n  contents: read\n\n", text.Replace("\r", ""));
        Assert.Contains("persist-credentials: false", text);
        Assert.Contains("GH_TOKEN: ${{ github.token }}", text);
        Assert.Contains("run: bash .github/scripts/review-reminder.sh", text);
    }
}
