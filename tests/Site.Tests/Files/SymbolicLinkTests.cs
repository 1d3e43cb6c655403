using System.Diagnostics;
using Site.Tests.Support;

namespace Site.Tests.Files;

/// <summary>
/// Git carries symbolic links in a pull request, so a link in the input or theme could publish any file of the
/// build machine. Links are never followed: each is an error naming it, and nothing it points to is published.
/// Special files (pipes) neither hang nor crash the build.
/// </summary>
public sealed class SymbolicLinkTests : IDisposable
{
    private readonly FixtureSite _site = new();
    private readonly string _secret;

    public SymbolicLinkTests()
    {
        var outside = Path.Combine(_site.Root, "private");
        Directory.CreateDirectory(outside);
        _secret = Path.Combine(outside, "secret.txt");
        File.WriteAllText(_secret, "SECRET-" + Guid.NewGuid().ToString("N"));
    }

    public void Dispose() => _site.Dispose();

    private void AssertRefused(BuildRun run, string link)
    {
        run.AssertReports(link, "SITE027", "symbolic link");
        if (Directory.Exists(_site.Output))
        {
            var secret = File.ReadAllText(_secret);
            foreach (var file in Directory.EnumerateFiles(_site.Output, "*", SearchOption.AllDirectories))
                Assert.DoesNotContain(secret, File.ReadAllText(file));
        }
    }

    [Theory]
    [InlineData("secret.txt", "file")]
    [InlineData("hostname.txt", "/etc/hostname")]
    [InlineData("environment.txt", "/proc/self/environ")]
    [InlineData("zero.bin", "/dev/zero")]
    [InlineData("ice.md", "file")]
    public void A_link_to_a_file_outside_the_input_is_refused_and_nothing_is_published(string name, string target)
    {
        var link = Path.Combine(_site.Input, name);
        var run = _site.BuildFailsAfter(() => File.CreateSymbolicLink(link, target == "file" ? _secret : target));
        AssertRefused(run, "input/" + name);
        Assert.DoesNotContain(Environment.GetEnvironmentVariable("PATH")!, run.All);
    }

    [Fact]
    public void A_link_to_a_folder_outside_the_input_is_refused()
    {
        var run = _site.BuildFailsAfter(() => Directory.CreateSymbolicLink(Path.Combine(_site.Input, "shared"), Path.GetDirectoryName(_secret)!));
        AssertRefused(run, "input/shared");
    }

    [Fact]
    public void A_link_inside_the_input_is_refused_too()
    {
        var run = _site.BuildFailsAfter(() => File.CreateSymbolicLink(Path.Combine(_site.Input, "copy.md"), Path.Combine(_site.Input, "aftercare.md")));
        AssertRefused(run, "input/copy.md");
    }

    [Fact]
    public void Link_loops_end_in_errors_not_a_crash()
    {
        var run = _site.BuildFailsAfter(() =>
        {
            File.CreateSymbolicLink(Path.Combine(_site.Input, "a.md"), Path.Combine(_site.Input, "b.md"));
            File.CreateSymbolicLink(Path.Combine(_site.Input, "b.md"), Path.Combine(_site.Input, "a.md"));
            Directory.CreateDirectory(Path.Combine(_site.Input, "guide"));
            Directory.CreateSymbolicLink(Path.Combine(_site.Input, "guide", "again"), _site.Input);
        });
        AssertRefused(run, "input/a.md");
        AssertRefused(run, "input/guide/again");
    }

    [Fact]
    public void A_linked_settings_file_is_refused_once_not_also_reported_missing()
    {
        var settings = Path.Combine(_site.Root, "settings.yml");
        var run = _site.BuildFailsAfter(() =>
        {
            File.Move(Path.Combine(_site.Input, "site.yml"), settings);
            File.CreateSymbolicLink(Path.Combine(_site.Input, "site.yml"), settings);
        });
        AssertRefused(run, "input/site.yml");
        Assert.DoesNotContain("SITE019", run.Stderr);
    }

    [Theory]
    [InlineData("assets/stolen.css")]
    [InlineData("layouts/partials/stolen.liquid")]
    public void Links_in_the_theme_are_refused(string name)
    {
        var theme = _site.UseThemeCopy();
        var run = _site.BuildFailsAfter(() => File.CreateSymbolicLink(Path.Combine(theme, name), _secret));
        AssertRefused(run, "theme/" + name);
    }

    [Fact]
    public async Task A_pipe_in_the_input_neither_hangs_nor_crashes_the_build()
    {
        Assert.Equal(0, _site.Build().ExitCode);
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(_site.Input, "pipe.md"), Path.Combine(_site.Input, "pipe.txt")]))
            mkfifo.WaitForExit();
        var run = await _site.BuildWithinAsync(TimeSpan.FromMinutes(1), "a pipe in the input");
        Assert.Equal(1, run.ExitCode);
        run.AssertReports("input/pipe.md:1", "SITE001", "no front matter");
    }
}
