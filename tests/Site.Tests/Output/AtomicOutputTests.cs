using Site.Tests.Support;

namespace Site.Tests.Output;

public sealed class AtomicOutputTests : IDisposable
{
    private readonly FixtureSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void A_good_build_replaces_the_whole_previous_output()
    {
        Directory.CreateDirectory(_site.Output);
        File.WriteAllText(Path.Combine(_site.Output, "stale.html"), "old");
        var run = _site.Build();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(File.Exists(Path.Combine(_site.Output, "stale.html")));
        Assert.True(File.Exists(Path.Combine(_site.Output, "aftercare", "index.html")));
        Assert.Empty(Directory.GetDirectories(_site.Root, ".output-*"));
    }

    [Fact]
    public void A_failed_first_build_writes_no_output_at_all()
    {
        _site.WritePage("aftercare.md", "no front matter");
        var run = _site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.False(Directory.Exists(_site.Output));
        Assert.Empty(Directory.GetDirectories(_site.Root, ".output-*"));
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
        Assert.Equal(before.Keys.Order(), FixtureSite.Snapshot(_site.Output).Keys.Order());
    }
}
