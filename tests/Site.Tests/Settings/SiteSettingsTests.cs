using Site.Tests.Support;

namespace Site.Tests.Settings;

public sealed class SiteSettingsTests : IDisposable
{
    private readonly FixtureSite _site = new();

    public void Dispose() => _site.Dispose();

    private BuildRun BuildWithSettings(string settings)
    {
        File.WriteAllText(Path.Combine(_site.Input, "site.yml"), settings);
        return _site.Build();
    }

    [Fact]
    public void Missing_number_is_reported_at_its_block()
    {
        var run = BuildWithSettings(FixtureSite.Settings.Replace("  urgent: \"111\"\n", ""));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("site.yml:11:3: error SITE004: numbers has no 'urgent'", run.Stderr);
    }

    [Fact]
    public void Navigation_entry_that_is_not_a_page_is_reported_at_its_line()
    {
        var run = BuildWithSettings(FixtureSite.Settings.Replace("  - aftercare.md", "  - after-care.md"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("site.yml:15:5: error SITE013: the navigation entry 'after-care.md' is not a page", run.Stderr);
    }

    [Fact]
    public void A_navigation_entry_may_give_a_short_label()
    {
        var run = BuildWithSettings(FixtureSite.Settings.Replace("  - aftercare.md", "  - { page: aftercare.md, label: Ice and rest }"));
        Assert.True(run.ExitCode == 0, run.ToString());
        var home = File.ReadAllText(Path.Combine(_site.Output, "index.html"));
        Assert.Contains(">Ice and rest</a>", home);
    }

    [Fact]
    public void A_navigation_entry_without_its_page_is_reported()
    {
        var run = BuildWithSettings(FixtureSite.Settings.Replace("  - aftercare.md", "  - { label: Ice and rest }"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("site.yml:15:5: error SITE004: navigation has no 'page'", run.Stderr);
    }

    [Fact]
    public void Unknown_setting_is_reported()
    {
        var run = BuildWithSettings(FixtureSite.Settings + "\ntheme_colour: red\n");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("site.yml:16:1: error SITE003: unknown key 'theme_colour' in site.yml", run.Stderr);
    }

    [Fact]
    public void Placeholders_come_from_settings()
    {
        var run = BuildWithSettings(FixtureSite.Settings.Replace("emergency: \"999\"", "emergency: \"911\""));
        Assert.True(run.ExitCode == 0, run.ToString());
        var page = File.ReadAllText(Path.Combine(_site.Output, "aftercare", "index.html"));
        Assert.Contains("Call 911 if you have chest pain.", page);
        Assert.DoesNotContain("{{", page);
    }
}
