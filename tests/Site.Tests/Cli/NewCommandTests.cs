using Site.Cli;
using Site.Content;
using Site.Tests.Support;

namespace Site.Tests.Cli;

public sealed class NewCommandTests : IDisposable
{
    private readonly FixtureSite _site = new();

    public void Dispose() => _site.Dispose();

    private BuildRun New(params string[] args) => Run(["new", .. args, "--input", _site.Input, "--today", FixtureSite.Today]);

    [Fact]
    public void Writes_the_page_template_named_after_the_title_and_says_what_to_do_next()
    {
        var run = New("What's normal? \"Sore\": a guide");

        Assert.True(run.ExitCode == 0, run.ToString());
        var file = Path.Combine(_site.Input, "whats-normal-sore-a-guide.md");
        var text = File.ReadAllText(file);
        Assert.Equal(PageScaffold.Text("What's normal? \"Sore\": a guide", new DateOnly(2026, 11, 27)), text);
        var lines = text.Split('\n');
        Assert.Equal("---", lines[0]);
        Assert.Contains("title: \"What's normal? \\\"Sore\\\": a guide\"", lines);
        Assert.Contains("last_reviewed: 2026-11-27", lines);
        Assert.Contains("next_review: 2027-11-27", lines);
        Assert.Contains("## Pressure feedback", lines);
        Assert.Contains("## When to worry", lines);
        Assert.Contains("whats-normal-sore-a-guide.md", run.Stdout);
        Assert.Contains("'REPLACE THIS:'", run.Stdout);
        Assert.Contains("'author'", run.Stdout);
        Assert.Contains("'reviewed_by'", run.Stdout);
        Assert.Contains("./site serve", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Theory]
    [InlineData("What's normal?", "whats-normal")]
    [InlineData("What’s normal?", "whats-normal")]
    [InlineData("Café au lait", "cafe-au-lait")]
    [InlineData("Straße, Øl & Ærø", "strasse-ol-aero")]
    [InlineData("  -- Ice, heat -- rest!  ", "ice-heat-rest")]
    [InlineData("10 TIPS for day 2", "10-tips-for-day-2")]
    [InlineData("Müdigkeit nach der Massage", "mudigkeit-nach-der-massage")]
    public void The_file_name_is_the_title_in_lowercase_ascii_words(string title, string slug)
    {
        Assert.Equal(slug, PageSlug.From(title));
        var run = New(title);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(_site.Input, slug + ".md")), run.ToString());
    }

    [Fact]
    public void A_long_title_gives_a_file_name_of_at_most_60_characters_cut_between_words()
    {
        var slug = PageSlug.From("How long should soreness last after a deep tissue massage of the back and shoulders?");
        Assert.Equal("how-long-should-soreness-last-after-a-deep-tissue-massage-of", slug);
        Assert.True(slug.Length <= PageSlug.MaxLength);
        var oneWord = PageSlug.From(new string('a', 100));
        Assert.Equal(new string('a', PageSlug.MaxLength), oneWord);
    }

    [Theory]
    [InlineData("!!! ???")]
    [InlineData("日本語")]
    [InlineData("   ")]
    public void A_title_without_letters_or_digits_for_a_file_name_is_refused(string title)
    {
        var run = New(title);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("title", run.Stderr);
        Assert.Equal(["aftercare.md", "index.md", "site.yml"], Directory.GetFiles(_site.Input).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void An_existing_page_is_never_overwritten()
    {
        var before = File.ReadAllText(Path.Combine(_site.Input, "aftercare.md"));
        var run = New("Aftercare");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("aftercare.md already exists", run.Stderr);
        Assert.Contains("choose another title", run.Stderr);
        Assert.Equal(before, File.ReadAllText(Path.Combine(_site.Input, "aftercare.md")));
    }

    [Fact]
    public void A_page_with_the_same_address_in_a_folder_is_not_shadowed()
    {
        _site.WritePage("ice/index.md", FixtureSite.Page("Ice"));
        var run = New("Ice");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("ice/index.md already has the address /ice/", run.Stderr);
        Assert.False(File.Exists(Path.Combine(_site.Input, "ice.md")));
    }

    [Fact]
    public void Bad_usage_exits_with_2_and_writes_nothing()
    {
        Assert.Equal(2, Run(["new", "--input", _site.Input]).ExitCode);
        Assert.Contains("site new \"Page title\"", Run(["new", "--input", _site.Input]).Stderr);
        Assert.Equal(2, New(new string('a', NewCommand.MaxTitleLength + 1)).ExitCode);
        Assert.Equal(2, Run(["new", "Ice", "--input", _site.Input, "--today", "27/11/2026"]).ExitCode);
        Assert.Equal(2, Run(["new", "Ice", "--input", Path.Combine(_site.Root, "missing")]).ExitCode);
        Assert.False(File.Exists(Path.Combine(_site.Input, "ice.md")));
        Assert.False(File.Exists(Path.Combine(_site.Input, new string('a', PageSlug.MaxLength) + ".md")));
    }

    internal static BuildRun Run(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return new BuildRun(code, stdout.ToString(), stderr.ToString());
    }
}
