using Site.Diagnostics;
using Site.Tests.Support;

namespace Site.Tests.Diagnostics;

public sealed class DiagnosticReporterTests
{
    private static readonly Diagnostic Example =
        new(Severity.Error, "SITE013", "input/a,b.md", 12, 5, "the link 'x.md' points to a page that does not exist", "check the name");

    // What a pull request can put in a YAML key: a line break, then a line GitHub would run as a command.
    private const string ForgedKey = "x\n::error file=forged.md::pwned";

    [Fact]
    public void Prints_path_line_column_code_and_fix()
    {
        var lines = Lines(Report(false, Example));
        Assert.Equal("input/a,b.md:12:5: error SITE013: the link 'x.md' points to a page that does not exist", lines[0]);
        Assert.Equal("    fix: check the name", lines[1]);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public void Adds_escaped_github_annotations_when_asked()
    {
        Assert.Contains(
            "::warning file=input/a%2Cb.md,line=12,col=5,title=SITE013::the link 'x.md' points to a page that does not exist%0AFix: check the name",
            Report(true, Example with { Severity = Severity.Warning }));
    }

    [Theory]
    [InlineData("\n", @"\n")]
    [InlineData("\r", @"\r")]
    [InlineData("\t", @"\t")]
    [InlineData("\0", @"\u0000")]
    [InlineData("\u001B", @"\u001B")]
    [InlineData("\u001F", @"\u001F")]
    [InlineData("\u007F", @"\u007F")]
    [InlineData("\u0085", @"\u0085")]
    [InlineData("\u009B", @"\u009B")]
    [InlineData("\u2028", @"\u2028")]
    [InlineData("\u2029", @"\u2029")]
    [InlineData("\u202A", @"\u202A")]
    [InlineData("\u202E", @"\u202E")]
    [InlineData("\u2066", @"\u2066")]
    [InlineData("\u2069", @"\u2069")]
    [InlineData("\u200F", @"\u200F")]
    public void Control_characters_are_printed_as_visible_escapes(string control, string escape)
    {
        var d = new Diagnostic(Severity.Error, "SITE003", $"input/a{control}b.md", 1, 1, $"key '{control}'", $"remove '{control}'");
        var lines = Lines(Report(false, d));
        Assert.Equal($"input/a{escape}b.md:1:1: error SITE003: key '{escape}'", lines[0]);
        Assert.Equal($"    fix: remove '{escape}'", lines[1]);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public void Other_text_is_printed_as_it_is()
    {
        const string text = "Café — naïve 日本語 العربية ' \" \\ % :: , 😀";
        Assert.Equal(text, VisibleText.Escape(text));
    }

    [Fact]
    public void A_line_break_in_a_message_cannot_start_a_line()
    {
        var d = Example with { Message = $"unknown key '{ForgedKey}'", Hint = "a\r\nb" };
        var lines = Lines(Report(false, d));
        Assert.Equal(@"input/a,b.md:12:5: error SITE013: unknown key 'x\n::error file=forged.md::pwned'", lines[0]);
        Assert.Equal(@"    fix: a\r\nb", lines[1]);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public void A_file_name_that_starts_with_colons_does_not_start_a_line_with_them()
    {
        var d = Example with { File = "::error::x.md" };
        Assert.StartsWith("./::error::x.md:12:5: error SITE013:", Report(false, d));
    }

    [Fact]
    public void Annotation_data_escapes_percent_and_line_breaks_and_shows_other_controls()
    {
        var d = Example with { Message = "100% \u001B[31mred\u001B[0m\r\n\u202Eevil", Hint = null };
        Assert.EndsWith(@"::100%25 \u001B[31mred\u001B[0m%0D%0A\u202Eevil", DiagnosticReporter.Annotation("error", d));
    }

    [Fact]
    public void Annotation_properties_also_escape_colons_and_commas()
    {
        var d = Example with { File = "::error a,b\u001B\n.md" };
        Assert.StartsWith(@"::error file=%3A%3Aerror a%2Cb\u001B%0A.md,line=12,col=5,title=SITE013::", DiagnosticReporter.Annotation("error", d));
    }

    [Fact]
    public void For_github_the_readable_lines_are_printed_with_commands_stopped_and_the_annotations_after()
    {
        var lines = Lines(Report(true, Example));
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("::stop-commands::", lines[0]);
        var token = lines[0]["::stop-commands::".Length..];
        Assert.Matches("^[0-9a-f]{32}$", token);
        Assert.StartsWith("input/a,b.md:12:5: error SITE013:", lines[1]);
        Assert.Equal("    fix: check the name", lines[2]);
        Assert.Equal($"::{token}::", lines[3]);
        Assert.StartsWith("::error file=input/a%2Cb.md,", lines[4]);
    }

    [Fact]
    public void Each_report_stops_commands_with_a_fresh_token()
    {
        Assert.NotEqual(Lines(Report(true, Example))[0], Lines(Report(true, Example))[0]);
    }

    [Fact]
    public void Nothing_to_report_prints_nothing()
    {
        Assert.Equal("", Report(true));
    }

    [Fact]
    public void Without_github_no_line_starts_with_colons()
    {
        var lines = Lines(Report(false, Example with { File = "::error::x.md", Message = ForgedKey, Hint = ForgedKey }));
        Assert.DoesNotContain(lines, l => l.StartsWith("::", StringComparison.Ordinal));
    }

    [Fact]
    public void Untrusted_file_names_and_messages_cannot_forge_a_command()
    {
        var output = Report(true,
            Example with { Message = $"unknown key '{ForgedKey}'", Hint = ForgedKey },
            Example with { File = "::error::x.md" });
        var lines = Lines(output);
        var commands = lines.Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, commands.Count); // stop, resume and the two real annotations
        Assert.DoesNotContain(lines, l => l.StartsWith("::error file=forged.md", StringComparison.Ordinal));
        Assert.Equal(2, commands.Count(l => l.StartsWith("::error", StringComparison.Ordinal)));
        Assert.Contains(@"::error file=input/a%2Cb.md,line=12,col=5,title=SITE013::unknown key 'x%0A::error file=forged.md::pwned'%0AFix: x%0A::error file=forged.md::pwned", lines);
        Assert.Contains(lines, l => l.StartsWith("::error file=%3A%3Aerror%3A%3Ax.md,line=12,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_cannot_forge_commands_or_control_the_terminal_through_the_build()
    {
        using var site = new FixtureSite();
        // A double-quoted YAML key: \n a line break, \r a carriage return, \e the escape that starts terminal codes.
        var page = FixtureSite.Page("Aftercare", "Wrap ice in a towel.")
            .Replace("title: Aftercare\n", "title: Aftercare\n\"x\\n::error file=forged.md::pwned\\r\\e[2J\": 1\n");
        site.WritePage("aftercare.md", page);

        var run = await site.BuildInGitHubActionsAsync();

        Assert.True(run.ExitCode == 1, run.ToString());
        var lines = run.All.Split('\n');
        Assert.DoesNotContain(lines, l => l.StartsWith("::error file=forged.md", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001B', run.All);
        Assert.DoesNotContain('\r', run.All.Replace(Environment.NewLine, "\n"));
        Assert.Contains(@"input/aftercare.md:3:1: error SITE003: unknown key 'x\n::error file=forged.md::pwned\r\u001B[2J' in the front matter", run.Stderr);
        Assert.Contains(@"::error file=input/aftercare.md,line=3,col=1,title=SITE003::unknown key 'x%0A::error file=forged.md::pwned%0D\u001B[2J' in the front matter%0AFix: ", run.Stderr);
    }

    private static string Report(bool githubAnnotations, params Diagnostic[] diagnostics)
    {
        var writer = new StringWriter { NewLine = "\n" };
        new DiagnosticReporter(writer, githubAnnotations).Report(diagnostics);
        return writer.ToString();
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
