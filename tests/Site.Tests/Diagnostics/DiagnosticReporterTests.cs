using Site.Diagnostics;

namespace Site.Tests.Diagnostics;

public sealed class DiagnosticReporterTests
{
    private static readonly Diagnostic Example =
        new(Severity.Error, "SITE013", "input/a,b.md", 12, 5, "the link 'x.md' points to a page that does not exist", "check the name");

    [Fact]
    public void Prints_path_line_column_code_and_fix()
    {
        var writer = new StringWriter();
        new DiagnosticReporter(writer, githubAnnotations: false).Report([Example]);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("input/a,b.md:12:5: error SITE013: the link 'x.md' points to a page that does not exist", lines[0]);
        Assert.Equal("    fix: check the name", lines[1]);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public void Adds_escaped_github_annotations_when_asked()
    {
        var writer = new StringWriter();
        new DiagnosticReporter(writer, githubAnnotations: true).Report([Example with { Severity = Severity.Warning }]);
        Assert.Contains(
            "::warning file=input/a%2Cb.md,line=12,col=5,title=SITE013::the link 'x.md' points to a page that does not exist%0AFix: check the name",
            writer.ToString());
    }
}
