using System.Text.RegularExpressions;
using Site.PlainWords;
using Site.Tests.Support;

namespace Site.Tests.PlainWords;

public sealed class PlainWordsTests : IDisposable
{
    private const string List = """
        utilise: [use]
        prior to: [before]
        in order to: [to]
        additional: [more, extra]
        """;

    private readonly FixtureSite _site = new();

    public PlainWordsTests() => WriteList(List);

    public void Dispose() => _site.Dispose();

    private void WriteList(string yaml)
    {
        Directory.CreateDirectory(Path.Combine(_site.Input, "data"));
        File.WriteAllText(Path.Combine(_site.Input, "data", "plain-words.yml"), yaml);
    }

    /// <summary>The fixture's aftercare page (whose '#ice' the home page links to) with <paramref name="markdown"/> after its heading.</summary>
    private static string Body(string markdown) => FixtureSite.Page("Aftercare", "### Ice\n\n" + markdown);

    /// <summary>Every SITE029 warning of a build, as "line:column: message", in order.</summary>
    private static List<string> Warnings(BuildRun run, string page = "aftercare.md") =>
        run.Stderr.Split('\n')
            .Select(l => Regex.Match(l, $@"{Regex.Escape(page)}:(\d+):(\d+): warning SITE029: (.*)$"))
            .Where(m => m.Success)
            .Select(m => $"{m.Groups[1].Value}:{m.Groups[2].Value}: {m.Groups[3].Value}")
            .ToList();

    private BuildRun BuildWith(string page)
    {
        _site.WritePage("aftercare.md", page);
        var run = _site.Build();
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    [Fact]
    public void A_formal_word_is_a_warning_at_its_line_and_column_with_the_plainer_word_and_a_fix()
    {
        var page = Body("Wrap ice in a towel. We utilise a cold pack.\n");
        var run = BuildWith(page);
        var line = FixtureSite.LineOf(page, "We utilise");
        Assert.Equal([$"{line}:25: 'utilise' has a plainer word: 'use'"], Warnings(run));
        var lines = run.Stderr.Split('\n').ToList();
        var fix = lines[lines.FindIndex(l => l.Contains("warning SITE029")) + 1];
        Assert.Equal("    fix: use 'use', or, if 'utilise' is the right word here, add it to allow_words in the front matter", fix);
        Assert.Contains("1 warning, 0 errors", run.Stdout);
    }

    [Fact]
    public void A_phrase_is_found_across_words_and_a_line_break_but_not_across_punctuation()
    {
        var page = Body("Rest for a day prior\nto your next visit.\n\nIt was prior, to be fair.\n\nIn order *to* rest, stop.\n");
        var run = BuildWith(page);
        Assert.Equal(
            [
                $"{FixtureSite.LineOf(page, "day prior")}:16: 'prior to' has a plainer word: 'before'",
                $"{FixtureSite.LineOf(page, "In order")}:1: 'in order to' has a plainer word: 'to'",
            ],
            Warnings(run));
    }

    [Fact]
    public void Capitals_do_not_matter_and_every_choice_is_named()
    {
        var page = Body("UTILISE it.\n\nAn Additional towel helps.\n");
        var run = BuildWith(page);
        Assert.Equal(
            [
                $"{FixtureSite.LineOf(page, "UTILISE")}:1: 'utilise' has a plainer word: 'use'",
                $"{FixtureSite.LineOf(page, "Additional")}:4: 'additional' has a plainer word: 'more' or 'extra'",
            ],
            Warnings(run));
    }

    [Fact]
    public void Only_whole_words_are_found()
    {
        var page = Body("Utilisers and reutilise are other words, but utilise is the word.\n");
        var run = BuildWith(page);
        Assert.Equal([$"{FixtureSite.LineOf(page, "Utilisers")}:46: 'utilise' has a plainer word: 'use'"], Warnings(run));
    }

    [Fact]
    public void Code_and_web_addresses_are_not_checked_but_link_text_is()
    {
        var page = Body("""
            Type `utilise` here, see [ice](https://example.org/utilise) or <https://example.org/prior-to>.

            ```
            utilise prior to
            ```

                utilise indented

            Read [how we utilise ice](aftercare.md).
            """);
        var run = BuildWith(page);
        Assert.Equal([$"{FixtureSite.LineOf(page, "Read [how")}:14: 'utilise' has a plainer word: 'use'"], Warnings(run));
    }

    [Fact]
    public void Headings_lists_tables_and_the_title_and_description_are_checked()
    {
        var page = FixtureSite.Page("Utilise ice", """
            ### Ice

            ### Prior to a massage

            - Utilise a towel

            | When | What |
            | --- | --- |
            | prior to | rest |
            """).Replace("A short description of the page.", "'Additional help, in order to rest.'");
        var run = BuildWith(page);
        Assert.Equal(
            [
                "2:8: 'utilise' has a plainer word: 'use'",
                "3:15: 'additional' has a plainer word: 'more' or 'extra'",
                "3:32: 'in order to' has a plainer word: 'to'",
                $"{FixtureSite.LineOf(page, "### Prior")}:5: 'prior to' has a plainer word: 'before'",
                $"{FixtureSite.LineOf(page, "- Utilise")}:3: 'utilise' has a plainer word: 'use'",
                $"{FixtureSite.LineOf(page, "| prior to")}:3: 'prior to' has a plainer word: 'before'",
            ],
            Warnings(run));
    }

    [Fact]
    public void Allow_words_lets_the_words_it_names_stand_on_that_page_only()
    {
        var text = "We utilise ice prior to the massage.\n";
        _site.WritePage("index.md", FixtureSite.Page("Home", "[Aftercare](aftercare.md#ice)\n\n" + text));
        var page = Body(text).Replace("sources:", "allow_words: [Utilise, prior to]\nsources:");
        var run = BuildWith(page);
        Assert.Empty(Warnings(run));
        Assert.Equal(2, Warnings(run, "index.md").Count);
    }

    [Fact]
    public void Without_the_list_no_page_is_checked()
    {
        var page = Body("We utilise ice.\n");
        Assert.Single(Warnings(BuildWith(page)));
        File.Delete(Path.Combine(_site.Input, "data", "plain-words.yml"));
        Assert.Empty(Warnings(BuildWith(page)));
    }

    [Theory]
    [InlineData("utilise: [use]\nprior to: []\n", 2, "SITE005", "'prior to' must name one or more plainer words")]
    [InlineData("utilise: [use]\n\nprior to: before: x\n", 3, "SITE002", "the YAML is not valid")]
    [InlineData("utilise: [use]\nprior, to: [before]\n", 2, "SITE005", "'prior, to' must be letters and spaces only")]
    [InlineData("utilise: [use]\nUtilise: [use]\n", 2, "SITE005", "'utilise' is listed twice")]
    [InlineData("utilise: [use]\nutilise: [use]\n", 2, "SITE002", "duplicate key")]
    [InlineData("utilise: [use]\nprior to: [Prior  to]\n", 2, "SITE005", "'prior to' names itself")]
    [InlineData("utilise: [use]\nprior to: {a: b}\n", 2, "SITE005", "'prior to' must name one or more plainer words")]
    [InlineData("- utilise\n", 1, "SITE005", "the plain words must be 'formal word: [plainer word]' lines")]
    public void A_broken_list_is_an_error_at_its_line(string yaml, int line, string code, string words)
    {
        WriteList(yaml);
        var run = _site.Build();
        Assert.True(run.ExitCode == 1, run.ToString());
        run.AssertReports($"plain-words.yml:{line}", code, words);
    }

    [Fact]
    public void The_list_is_bounded()
    {
        WriteList(string.Join("\n", Enumerable.Range(0, PlainWordList.MaxEntries + 1).Select(i => $"word{i}: [plain]")));
        _site.Build().AssertReports("plain-words.yml:1", "SITE025", $"the most is {PlainWordList.MaxEntries}");
        WriteList("utilise: [use]\n" + string.Join(" ", Enumerable.Repeat("very", PlainWordList.MaxPhraseWords + 1)) + ": [plain]\n");
        _site.Build().AssertReports("plain-words.yml:2", "SITE005", "is too long");
    }

    [Fact]
    public void The_real_site_uses_no_word_of_its_list()
    {
        var site = RealSite.Shared;
        Assert.True(site.ExitCode == 0, site.Log);
        Assert.DoesNotContain("SITE029", site.Log);
        // The check did run over the real list: it is there, and long enough to matter.
        var list = File.ReadAllText(Path.Combine(RepoPaths.Input, "data", "plain-words.yml"));
        Assert.InRange(list.Split('\n').Count(l => l.Length > 0 && char.IsLetter(l[0]) && l.Contains(": [")), 40, 70);
    }
}
