using Site.Tests.Support;

namespace Site.Tests.Cli;

/// <summary>
/// The repository's <c>./site</c> command publishes the generator once, runs the published copy, and publishes
/// again only when the sources differ from that copy's. The test gives it a bin folder of its own
/// (<c>SITE_BIN_DIR</c>), so it neither uses nor disturbs a developer's <c>.site-bin/</c>, and asks for the
/// ReadyToRun build (<c>SITE_NATIVE_AOT=0</c>): it publishes twice, and a Native AOT publish takes about a minute
/// where ReadyToRun takes seconds. The launcher's choice of build is the same code either way.
/// </summary>
[Collection(PublishCollection.Name)]
public sealed class LauncherTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly FixtureSite _site = new();
    private readonly TempFolder _bin = new("site-launcher-");

    public void Dispose()
    {
        _site.Dispose();
        _bin.Dispose();
    }

    [Fact]
    public async Task Builds_with_one_publish_and_publishes_again_only_for_other_sources()
    {
        // Two runs at once on an empty bin folder: one publishes, the other waits for it and runs its copy.
        var first = await Task.WhenAll(RunAsync("first-a"), RunAsync("first-b"));
        AssertBuilt(first[0], "first-a");
        AssertBuilt(first[1], "first-b");
        Assert.Equal(1, first.Count(Published));

        var current = _bin.Combine("current");
        var binary = Path.Combine(current, "Site");
        var publishedAt = File.GetLastWriteTimeUtc(binary);
        var marker = Path.Combine(current, "marker-from-the-test");
        File.WriteAllText(marker, "");

        var second = await RunAsync("second");
        AssertBuilt(second, "second");
        Assert.False(Published(second), second.ToString());
        Assert.Equal(publishedAt, File.GetLastWriteTimeUtc(binary));
        Assert.True(File.Exists(marker), "the second run replaced the published copy");

        // As if src/ had changed since the copy was published: the hash kept beside it no longer matches.
        var hashFile = Path.Combine(current, "source-hash");
        var hash = File.ReadAllText(hashFile);
        File.WriteAllText(hashFile, "stale\n");
        var third = await RunAsync("third");
        AssertBuilt(third, "third");
        Assert.True(Published(third), third.ToString());
        Assert.False(File.Exists(marker), "the copy was not published again");
        Assert.Equal(hash, File.ReadAllText(hashFile));
    }

    private async Task<ExternalProcess.Result> RunAsync(string output)
    {
        var start = ExternalProcess.Start(Path.Combine(RepoPaths.Root, "site"),
            ["build", "--input", _site.Input, "--theme", _site.Theme, "--output", Path.Combine(_site.Root, output), "--today", FixtureSite.Today],
            _site.Root);
        start.Environment["SITE_BIN_DIR"] = _bin.Path;
        start.Environment["SITE_NATIVE_AOT"] = "0";
        return await ExternalProcess.RunAsync(start, Timeout, "./site needs bash, flock and the .NET SDK on PATH.");
    }

    private static bool Published(ExternalProcess.Result run) => run.Stderr.Contains("site: publishing");

    private void AssertBuilt(ExternalProcess.Result run, string output)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(_site.Root, output, "index.html")), run.ToString());
    }
}
