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

    /// <summary>
    /// Each broken site.yml: a name for it, the text of <see cref="FixtureSite.Settings"/> it changes and what it
    /// becomes, and the whole error line the build must print.
    /// </summary>
    [Theory]
    [InlineData("a missing number, at its block", "  urgent: \"111\"\n", "",
        "site.yml:11:3: error SITE004: numbers has no 'urgent'")]
    [InlineData("a navigation entry that is not a page, at its line", "  - aftercare.md", "  - after-care.md",
        "site.yml:15:5: error SITE013: the navigation entry 'after-care.md' is not a page")]
    [InlineData("a navigation entry without its page", "  - aftercare.md", "  - { label: Ice and rest }",
        "site.yml:15:5: error SITE004: navigation has no 'page'")]
    [InlineData("an unknown setting", "  - aftercare.md", "  - aftercare.md\ntheme_colour: red\n",
        "site.yml:16:1: error SITE003: unknown key 'theme_colour' in site.yml")]
    [InlineData("a repository that is not owner/name", "  - aftercare.md", "  - aftercare.md\nrepository:\n  name: clinic-site\n",
        "site.yml:17:9: error SITE005: 'name' is 'clinic-site', which is not a GitHub repository's owner/name")]
    [InlineData("a branch that is not a branch name", "  - aftercare.md", "  - aftercare.md\nrepository:\n  name: a/b\n  branch: \"main..x\"\n",
        "site.yml:18:11: error SITE005: 'branch' is 'main..x', which is not a branch name")]
    [InlineData("an owner without its @", "  - aftercare.md", "  - aftercare.md\nowners:\n  clinical: clinic/reviewers\n  maintainers: \"@clinic/dev\"\n",
        "site.yml:17:13: error SITE005: 'clinical' is 'clinic/reviewers', which is not a GitHub user or team")]
    public void Broken_settings_are_reported_at_their_line(string settings, string find, string replaceWith, string error)
    {
        var broken = FixtureSite.Settings.Replace(find, replaceWith);
        Assert.True(broken != FixtureSite.Settings, $"{settings}: '{find}' is not in the settings");
        var run = BuildWithSettings(broken);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(error, run.Stderr);
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
    public void Placeholders_come_from_settings()
    {
        var run = BuildWithSettings(FixtureSite.Settings.Replace("emergency: \"999\"", "emergency: \"911\""));
        Assert.True(run.ExitCode == 0, run.ToString());
        var page = File.ReadAllText(Path.Combine(_site.Output, "aftercare", "index.html"));
        Assert.Contains("Call 911 if you have chest pain.", page);
        Assert.DoesNotContain("{{", page);
    }

    [Fact]
    public void Pages_link_to_their_file_on_GitHub_when_the_settings_name_the_repository()
    {
        var run = BuildWithSettings(FixtureSite.Settings + "\nrepository:\n  name: example-clinic/clinic-site\n  branch: live\n  folder: content/pages\n");
        Assert.True(run.ExitCode == 0, run.ToString());
        var page = File.ReadAllText(Path.Combine(_site.Output, "aftercare", "index.html"));
        Assert.Contains("<a href=\"https://github.com/example-clinic/clinic-site/edit/live/content/pages/aftercare.md\">Suggest a change to this page</a>", page);
    }

    [Fact]
    public void Without_a_repository_pages_have_no_suggest_a_change_link()
    {
        var run = BuildWithSettings(FixtureSite.Settings);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("Suggest a change", File.ReadAllText(Path.Combine(_site.Output, "aftercare", "index.html")));
    }
}
