using Site.Tests.Support;

namespace Site.Tests.Cli;

/// <summary>
/// The Native AOT build, which <c>./site</c> publishes when clang is installed (<c>bash test.sh</c> installs it),
/// behaves as the generator the other tests run: trimming can drop what only reflection reaches (a layout's view,
/// a JSON shape) without any error, so its output is compared with theirs byte for byte.
/// </summary>
[Collection(PublishCollection.Name)]
public sealed class NativeAotTests : IDisposable
{
    private readonly TempFolder _folder = new("site-aot-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_native_build_writes_the_real_site_and_reports_problems_as_the_tested_build_does()
    {
        var bin = _folder.Combine("bin");
        var publish = await ExternalProcess.RunAsync(
            ExternalProcess.Start("dotnet", ["publish", Path.Combine(RepoPaths.Root, "src", "Site"), "-c", "Release", "-p:SiteNativeAot=true", "-o", bin, "--nologo"]),
            TimeSpan.FromMinutes(10), "install the .NET SDK");
        Assert.True(publish.ExitCode == 0, $"the Native AOT publish failed (it needs clang and zlib1g-dev: bash test.sh installs them):\n{publish.Stdout}\n{publish.Stderr}");
        var native = Path.Combine(bin, "Site");

        var output = _folder.Combine("output");
        var run = await ExternalProcess.RunAsync(
            ExternalProcess.Start(native, ["build", "--input", RepoPaths.Input, "--theme", RepoPaths.Theme, "--output", output, "--base-path", RealSite.BasePath]),
            TimeSpan.FromMinutes(2), "the publish did not write the generator");
        var tested = RealSite.Shared;
        Assert.True(run.ExitCode == 0 && tested.ExitCode == 0, $"{run.Stdout}\n{run.Stderr}\n{tested.Log}");
        var (expected, actual) = (FixtureSite.Snapshot(tested.Output), FixtureSite.Snapshot(output));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs between the native and the tested build");

        using var site = new FixtureSite();
        site.WritePage("aftercare.md", FixtureSite.Page("Aftercare", "See [the missing page](missing.md) and [ice](#nowhere)."));
        var broken = await ExternalProcess.RunAsync(site.BuildProcess(), TimeSpan.FromMinutes(1), "build the tests first");
        var nativeBroken = await ExternalProcess.RunAsync(
            ExternalProcess.Start(native, ["build", "--input", site.Input, "--theme", site.Theme, "--output", site.Output, "--today", FixtureSite.Today], site.Root),
            TimeSpan.FromMinutes(1), "the publish did not write the generator");
        Assert.Equal(1, nativeBroken.ExitCode);
        Assert.Equal((broken.ExitCode, Numbers(broken.Stderr)), (nativeBroken.ExitCode, Numbers(nativeBroken.Stderr)));
    }

    /// <summary>A build's report without its timing, which differs from run to run.</summary>
    private static string Numbers(string stderr) => System.Text.RegularExpressions.Regex.Replace(stderr, @"in \d+\.\d{2,3} s", "in N s");
}
