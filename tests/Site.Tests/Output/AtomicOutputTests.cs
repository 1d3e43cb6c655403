using System.Diagnostics;
using Site.Tests.Support;

namespace Site.Tests.Output;

public sealed class AtomicOutputTests : IDisposable
{
    private readonly FixtureSite _site = new();

    public void Dispose() => _site.Dispose();

    private string[] Leftovers() => Directory.GetFileSystemEntries(_site.Root, ".output-*");

    [Fact]
    public void A_good_build_replaces_the_previous_site_as_a_whole()
    {
        Assert.Equal(0, _site.Build().ExitCode);
        _site.WritePage("ice.md", FixtureSite.Page("Ice"));
        Assert.Equal(0, _site.Build().ExitCode);
        File.Delete(Path.Combine(_site.Input, "ice.md"));
        var run = _site.Build();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(Directory.Exists(Path.Combine(_site.Output, "ice")));
        Assert.True(File.Exists(Path.Combine(_site.Output, "aftercare", "index.html")));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void A_failed_first_build_writes_no_output_at_all()
    {
        _site.WritePage("aftercare.md", "no front matter");
        var run = _site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.False(Directory.Exists(_site.Output));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void A_broken_theme_leaves_the_previous_output()
    {
        Assert.Equal(0, _site.Build().ExitCode);
        var before = FixtureSite.Snapshot(_site.Output);
        var theme = Path.Combine(_site.Root, "theme");
        Directory.CreateDirectory(Path.Combine(theme, "layouts"));
        File.WriteAllText(Path.Combine(theme, "layouts", "page.liquid"), "<html>{% if page.title %}unclosed");
        File.WriteAllText(Path.Combine(theme, "layouts", "404.liquid"), "<html></html>");
        _site.Theme = theme;
        var run = _site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("page.liquid:", run.Stderr);
        Assert.Contains("error SITE020", run.Stderr);
        FixtureSite.AssertUnchanged(before, _site.Output);
    }

    [Fact]
    public async Task A_build_killed_while_writing_leaves_the_old_site_and_the_next_build_clears_its_staging_folder()
    {
        Assert.Equal(0, _site.Build().ExitCode);
        var before = FixtureSite.Snapshot(_site.Output);
        // Enough pages that the build is still writing when it is killed.
        for (var i = 0; i < 1500; i++)
            _site.WritePage($"guide/page-{i:D4}.md", FixtureSite.Page($"Page {i}", "Some words about aftercare.\n"));

        using var build = Process.Start(_site.BuildProcess())!;
        var clock = Stopwatch.StartNew();
        while (!StagingHasFiles() && !build.HasExited && clock.Elapsed < TimeSpan.FromMinutes(1))
            await Task.Delay(2);
        Assert.False(build.HasExited, "the build finished before it could be killed; give it more pages");
        build.Kill(); // SIGKILL: no clean-up code runs
        await build.WaitForExitAsync();

        FixtureSite.AssertUnchanged(before, _site.Output);
        Assert.NotEmpty(Leftovers());

        var next = _site.Build();
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.True(File.Exists(Path.Combine(_site.Output, "guide", "page-1499", "index.html")));
        Assert.Empty(Leftovers());
    }

    private bool StagingHasFiles() =>
        Directory.GetDirectories(_site.Root, ".output-build-*").Any(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories).Any());

    [Fact]
    public async Task Two_builds_at_once_into_one_folder_end_with_one_complete_site()
    {
        for (var i = 0; i < 100; i++)
            _site.WritePage($"guide/page-{i:D3}.md", FixtureSite.Page($"Page {i}"));
        var reference = Path.Combine(_site.Root, "reference");
        Assert.Equal(0, Program.Run(["build", "--input", _site.Input, "--theme", _site.Theme, "--output", reference, "--today", FixtureSite.Today],
            new StringWriter(), new StringWriter()));
        Assert.Equal(0, _site.Build().ExitCode);

        for (var round = 0; round < 3; round++)
        {
            var builds = Enumerable.Range(0, 2)
                .Select(_ => ExternalProcess.RunAsync(_site.BuildProcess(), TimeSpan.FromMinutes(2), "The .NET SDK must be on PATH.")).ToList();
            foreach (var result in await Task.WhenAll(builds))
                Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
            FixtureSite.AssertUnchanged(FixtureSite.Snapshot(reference), _site.Output);
            Assert.Empty(Leftovers());
        }
    }

    [Fact]
    public void A_staging_folder_that_a_running_build_holds_is_left_alone()
    {
        Assert.Equal(0, _site.Build().ExitCode);
        using var running = new Site.Output.OutputFolder(_site.Output);
        File.WriteAllText(Path.Combine(running.Staging, "half-written.html"), "...");
        Assert.Equal(0, _site.Build().ExitCode);
        Assert.True(File.Exists(Path.Combine(running.Staging, "half-written.html")));
    }
}
