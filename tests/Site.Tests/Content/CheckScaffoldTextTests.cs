using System.Text.RegularExpressions;
using Site.Content;
using Site.Tests.Cli;
using Site.Tests.Support;

namespace Site.Tests.Content;

/// <summary>A page started with <c>new</c> is refused, at each placeholder's line, until its writer has replaced them all.</summary>
public sealed partial class CheckScaffoldTextTests : IDisposable
{
    private readonly FixtureSite _site = new();

    public CheckScaffoldTextTests()
    {
        // The page template links to it, as the real site has it.
        _site.WritePage("when-to-worry.md", FixtureSite.Page("When to worry", "Most soreness is normal."));
    }

    public void Dispose() => _site.Dispose();

    private string NewPage(string title)
    {
        var run = NewCommandTests.Run(["new", title, "--input", _site.Input, "--today", FixtureSite.Today]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return Path.Combine(_site.Input, PageSlug.From(title) + ".md");
    }

    [Fact]
    public void A_new_page_is_refused_with_SITE028_on_each_placeholder_line_and_nothing_else()
    {
        var file = NewPage("Heat or ice?");
        var text = File.ReadAllText(file);
        var placeholderLines = text.Split('\n').Select((l, i) => (l, i + 1)).Where(x => x.l.Contains(PageScaffold.Marker)).Select(x => x.Item2).ToList();
        Assert.True(placeholderLines.Count >= 8, text);

        var run = _site.Build();

        Assert.True(run.ExitCode == 1, run.ToString());
        var errors = ErrorLine().Matches(run.Stderr).ToList();
        Assert.True(errors.All(e => e.Groups["code"].Value == "SITE028"), run.ToString());
        Assert.True(errors.All(e => e.Groups["file"].Value.EndsWith("heat-or-ice.md", StringComparison.Ordinal)), run.ToString());
        Assert.Equal(placeholderLines, errors.Select(e => int.Parse(e.Groups["line"].Value)).Order());
        run.AssertReports($"heat-or-ice.md:{FixtureSite.LineOf(text, "author:")}", "SITE028", "'author' still holds the new page's placeholder text 'REPLACE THIS: your name or team'");
        run.AssertReports($"heat-or-ice.md:{FixtureSite.LineOf(text, "publisher:")}", "SITE028", "the source's 'publisher' still holds");
        run.AssertReports($"heat-or-ice.md:{FixtureSite.LineOf(text, "start with the answer")}:1", "SITE028", "the line still holds the new page's placeholder text 'REPLACE THIS: start with");
        Assert.Contains("fix: write the page's own text in its place", run.Stderr);
    }

    [Fact]
    public void Once_every_placeholder_is_replaced_the_page_builds()
    {
        var file = NewPage("Heat or ice?");
        var text = File.ReadAllText(file)
            .Replace(PageScaffold.Description, "When heat helps and when ice does.")
            .Replace(PageScaffold.Author, "Clinic editorial team")
            .Replace(PageScaffold.Reviewer, "Clinical lead");
        File.WriteAllText(file, text);
        var almost = _site.Build();
        Assert.True(almost.ExitCode == 1, almost.ToString());
        Assert.DoesNotContain("'author'", almost.Stderr);

        // Each remaining placeholder is a line of its own: replace it with the writer's words.
        var lines = text.Split('\n').Select(l => l.Contains(PageScaffold.Marker)
            ? l[..l.IndexOf(PageScaffold.Marker, StringComparison.Ordinal)] + "Words of the page's own." + (l.EndsWith('"') ? "\"" : "")
            : l);
        File.WriteAllText(file, string.Join('\n', lines));
        var run = _site.Build();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(_site.Output, "heat-or-ice", "index.html")));
    }

    [Fact]
    public void The_marker_is_found_in_headings_lists_links_and_emphasis_but_not_in_code()
    {
        var body = """
            ### Ice

            Intro with `REPLACE THIS: shown as code` on purpose.

                REPLACE THIS: an indented code block

            ```
            REPLACE THIS: a fenced code block
            ```

            ### REPLACE THIS: a heading

            - first item
            - see [REPLACE THIS: link text](aftercare.md)

            Some *emphasis REPLACE THIS: in it* here.
            """;
        var page = FixtureSite.Page("Aftercare", body);
        var run = _site.BuildFailsAfter(() => _site.WritePage("aftercare.md", page));

        var lines = ErrorLine().Matches(run.Stderr).Select(m => (m.Groups["code"].Value, int.Parse(m.Groups["line"].Value))).ToList();
        Assert.Equal(
            [("SITE028", FixtureSite.LineOf(page, "a heading")), ("SITE028", FixtureSite.LineOf(page, "link text")), ("SITE028", FixtureSite.LineOf(page, "emphasis"))],
            lines);
        run.AssertReports($"aftercare.md:{FixtureSite.LineOf(page, "link text")}:8", "SITE028", "'REPLACE THIS: link text'");
    }

    [Fact]
    public void The_marker_in_a_title_is_reported_where_it_is_written()
    {
        var page = FixtureSite.Page("Aftercare").Replace("    publisher: NHS", "    publisher: \"REPLACE THIS: who\"")
            .Replace("title: Aftercare", "title: >-\n  A folded\n  REPLACE THIS: title");
        var run = _site.BuildFailsAfter(() => _site.WritePage("aftercare.md", page));
        run.AssertReports("aftercare.md:2", "SITE028", "'title' still holds the new page's placeholder text 'REPLACE THIS: title'");
        run.AssertReports($"aftercare.md:{FixtureSite.LineOf(page, "REPLACE THIS: who")}", "SITE028", "the source's 'publisher'");
    }

    [GeneratedRegex(@"^(?<file>\S+):(?<line>\d+):(?<column>\d+): error (?<code>SITE\d+):", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();
}
