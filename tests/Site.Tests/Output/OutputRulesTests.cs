using Site.Tests.Support;

namespace Site.Tests.Output;

/// <summary>
/// The output folder is replaced as a whole, so a mistaken <c>--output</c> must never cost anyone a file: each
/// refusal exits 2, names both folders where two are involved, and leaves every file where it was.
/// </summary>
public sealed class OutputRulesTests : IDisposable
{
    private readonly FixtureSite _site = new();

    public OutputRulesTests()
    {
        // A theme of the fixture's own, so that no test can ever point a build at the repository's theme.
        _site.UseThemeCopy();
    }

    public void Dispose() => _site.Dispose();

    private BuildRun BuildInto(string output, string command = "build")
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] args = command == "build"
            ? ["build", "--input", _site.Input, "--theme", _site.Theme, "--output", output, "--today", FixtureSite.Today]
            : ["serve", "--input", _site.Input, "--theme", _site.Theme, "--output", output, "--today", FixtureSite.Today, "--port", "0"];
        // A serve that wrongly started would never return; the wait turns that into a failure.
        var running = Task.Run(() => Program.Run(args, stdout, stderr));
        Assert.True(running.Wait(TimeSpan.FromMinutes(1)), $"{command} did not stop: {stdout}{stderr}");
        return new BuildRun(running.Result, stdout.ToString(), stderr.ToString());
    }

    private void AssertRefusedKeepingEverything(string output, params string[] named)
    {
        var before = FixtureSite.Snapshot(_site.Root);
        var run = BuildInto(output);
        Assert.True(run.ExitCode == 2, run.ToString());
        var message = Assert.Single(run.Stderr.Split('\n'), l => l.StartsWith("error: ", StringComparison.Ordinal));
        foreach (var folder in named)
            Assert.Contains(folder, message);
        Assert.Contains("--output", message);
        FixtureSite.AssertUnchanged(before, _site.Root);
    }

    [Fact]
    public void The_input_folder_is_refused() =>
        AssertRefusedKeepingEverything(_site.Input, _site.Input);

    [Fact]
    public void A_folder_holding_the_input_is_refused() =>
        AssertRefusedKeepingEverything(_site.Root, _site.Root, _site.Input);

    [Fact]
    public void A_folder_inside_the_input_is_refused() =>
        AssertRefusedKeepingEverything(Path.Combine(_site.Input, "site"), Path.Combine(_site.Input, "site"), _site.Input);

    [Fact]
    public void The_theme_and_folders_inside_it_are_refused()
    {
        AssertRefusedKeepingEverything(_site.Theme, _site.Theme);
        AssertRefusedKeepingEverything(Path.Combine(_site.Theme, "assets"), Path.Combine(_site.Theme, "assets"), _site.Theme);
    }

    [Fact]
    public void A_link_that_leads_to_the_input_is_refused()
    {
        var link = Path.Combine(_site.Root, "looks-harmless");
        Directory.CreateSymbolicLink(link, _site.Input);
        AssertRefusedKeepingEverything(link, link, _site.Input);
    }

    [Fact]
    public void A_repository_is_refused()
    {
        var repository = Path.Combine(_site.Root, "project");
        Directory.CreateDirectory(Path.Combine(repository, ".git"));
        File.WriteAllText(Path.Combine(repository, "notes.md"), "mine");
        AssertRefusedKeepingEverything(repository, repository, ".git");
    }

    [Fact]
    public void A_folder_with_someone_elses_files_is_refused_and_named()
    {
        var folder = Path.Combine(_site.Root, "documents");
        Directory.CreateDirectory(Path.Combine(folder, "letters"));
        File.WriteAllText(Path.Combine(folder, "letters", "to-the-clinic.txt"), "mine");
        AssertRefusedKeepingEverything(folder, folder, "letters/to-the-clinic.txt");
    }

    [Fact]
    public void A_file_added_to_a_built_site_stops_the_next_build_from_replacing_it()
    {
        Assert.Equal(0, _site.Build().ExitCode);
        File.WriteAllText(Path.Combine(_site.Output, "draft.txt"), "someone's notes");
        AssertRefusedKeepingEverything(_site.Output, _site.Output, "draft.txt");
    }

    [Fact]
    public void A_file_named_as_the_output_is_refused()
    {
        var file = Path.Combine(_site.Root, "site.html");
        File.WriteAllText(file, "mine");
        AssertRefusedKeepingEverything(file, file);
    }

    [Fact]
    public void The_file_system_root_is_refused()
    {
        var run = BuildInto("/");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("root of the file system", run.Stderr);
    }

    [Fact]
    public async Task The_home_folder_is_refused()
    {
        var home = Path.Combine(_site.Root, "home");
        Directory.CreateDirectory(home);
        File.WriteAllText(Path.Combine(home, ".profile"), "mine");
        var start = _site.BuildProcess(home);
        start.Environment["HOME"] = home;
        var (exitCode, stdout, stderr, _) = await ExternalProcess.RunAsync(start, TimeSpan.FromMinutes(2), "The .NET SDK must be on PATH.");
        Assert.True(exitCode == 2, stdout + stderr);
        Assert.Contains("home folder", stderr);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(home, ".profile")));
    }

    [Fact]
    public void Serve_refuses_an_output_inside_the_input_before_it_starts()
    {
        var run = BuildInto(Path.Combine(_site.Input, "preview"), "serve");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.False(Directory.Exists(Path.Combine(_site.Input, "preview")));
    }

    [Fact]
    public void An_empty_folder_is_replaced_and_the_site_lists_what_it_wrote()
    {
        Directory.CreateDirectory(_site.Output);
        Assert.Equal(0, _site.Build().ExitCode);
        var listed = File.ReadAllLines(Path.Combine(_site.Output, ".site-manifest")).Skip(1).ToHashSet();
        var written = Directory.EnumerateFiles(_site.Output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_site.Output, f)).Where(f => f != ".site-manifest");
        Assert.Equal(written.Order(), listed.Order());
        Assert.Equal(0, _site.Build().ExitCode);
    }
}
