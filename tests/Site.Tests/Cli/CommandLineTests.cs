using Site.Tests.Support;

namespace Site.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private readonly FixtureSite _site = new();

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("--today", "27/11/2026")]
    [InlineData("--input", "/no/such/folder")]
    public void Bad_usage_exits_with_2_and_writes_nothing(params string[] extra)
    {
        var run = extra[0] == "--input"
            ? Run(["build", .. extra, "--output", _site.Output])
            : _site.Build(extra);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("error", run.Stderr);
        Assert.False(Directory.Exists(_site.Output));
    }

    [Fact]
    public void Unknown_command_exits_with_2()
    {
        Assert.Equal(2, Run(["publish"]).ExitCode);
    }

    [Fact]
    public void A_good_build_exits_0_with_a_summary()
    {
        var run = _site.Build();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"Built 2 pages into .* in \d+\.\d{2,3} s: 0 warnings, 0 errors\.", run.Stdout);
    }

    [Fact]
    public void Verbose_prints_each_step_with_its_time_and_the_peak_memory()
    {
        var run = _site.Build("--verbose");
        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var step in new[] { "inputs: scan folders, settings, layouts", "content: ", "model: BuildSiteModel", "links: CheckLinks", "pages: RenderLayout + WriteDocuments", "search: WriteSearchIndex" })
            Assert.Matches(@"\d+\.\d ms  " + System.Text.RegularExpressions.Regex.Escape(step), run.Stdout);
        Assert.Matches(@"Peak memory: [1-9]\d* MB\.", run.Stdout);
        Assert.DoesNotContain("Peak memory", _site.Build().Stdout);
    }

    [Fact]
    public void Base_path_prefixes_every_internal_url()
    {
        var run = _site.Build("--base-path", "repo");
        Assert.True(run.ExitCode == 0, run.ToString());
        var home = File.ReadAllText(Path.Combine(_site.Output, "index.html"));
        Assert.Contains("href=\"/repo/aftercare/#ice\"", home);
        Assert.Contains("href=\"/repo/assets/site.css\"", home);
        Assert.Contains("<loc>https://clinic.example/repo/aftercare/</loc>", File.ReadAllText(Path.Combine(_site.Output, "sitemap.xml")));
        Assert.Contains("/repo/", File.ReadAllText(Path.Combine(_site.Output, "404.html")));
    }

    [Fact]
    public async Task In_github_actions_errors_are_also_printed_as_annotations()
    {
        _site.WritePage("aftercare.md", FixtureSite.Page("Aftercare", "# Title"));
        var run = await _site.BuildInGitHubActionsAsync();
        var stderr = run.Stderr;
        Assert.True(run.ExitCode == 1, run.ToString());
        // Paths are relative to the working directory, as GitHub expects them relative to the repository.
        Assert.Contains("input/aftercare.md:13:1: error SITE010:", stderr);
        Assert.Contains("::error file=input/aftercare.md,line=13,col=1,title=SITE010::a level-1 heading", stderr);
    }

    private static BuildRun Run(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return new BuildRun(code, stdout.ToString(), stderr.ToString());
    }
}
