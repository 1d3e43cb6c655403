using Site.Tests.Support;

namespace Site.Tests.Output;

public sealed class DeterminismTests
{
    [Fact]
    public void Two_builds_of_the_real_site_are_byte_identical()
    {
        var first = RealSite.Shared;
        using var second = RealSite.Build();
        Assert.True(first.ExitCode == 0, first.Log);
        Assert.True(second.ExitCode == 0, second.Log);
        var a = FixtureSite.Snapshot(first.Output);
        var b = FixtureSite.Snapshot(second.Output);
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        Assert.True(a.Count > 10);
        foreach (var (path, bytes) in a)
            Assert.True(bytes.SequenceEqual(b[path]), $"{path} differs between two builds");
    }
}
