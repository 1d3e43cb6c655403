using Site.Tests.Support;

namespace Site.Tests.Output;

public sealed class DeterminismTests
{
    [Fact]
    public void Two_builds_of_the_real_site_are_byte_identical()
    {
        var root = Path.Combine(Path.GetTempPath(), "site-determinism-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = Path.Combine(root, "a");
            var second = Path.Combine(root, "b");
            foreach (var output in new[] { first, second })
            {
                var err = new StringWriter();
                var code = Program.Run(["build", "--input", RepoPaths.Input, "--theme", RepoPaths.Theme, "--output", output, "--base-path", "/x/"], new StringWriter(), err);
                Assert.True(code == 0, err.ToString());
            }
            var a = FixtureSite.Snapshot(first);
            var b = FixtureSite.Snapshot(second);
            Assert.Equal(a.Keys.Order(), b.Keys.Order());
            Assert.True(a.Count > 10);
            foreach (var (path, bytes) in a)
                Assert.True(bytes.SequenceEqual(b[path]), $"{path} differs between two builds");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
