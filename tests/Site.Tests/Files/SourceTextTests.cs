using System.Text;
using Site.Diagnostics;
using Site.Files;
using Site.Tests.Support;

namespace Site.Tests.Files;

public sealed class SourceTextTests : IDisposable
{
    private readonly TempFolder _folder = new("site-text-");

    public void Dispose() => _folder.Dispose();

    private (string? Text, IReadOnlyList<Diagnostic> Problems) Read(byte[] bytes)
    {
        var path = _folder.Combine("page.md");
        File.WriteAllBytes(path, bytes);
        var diagnostics = new DiagnosticBag();
        return (SourceText.Read(new SourceFile(path, "page.md", bytes.Length, DateTime.UnixEpoch), diagnostics), diagnostics.Sorted());
    }

    [Fact]
    public void Utf8_is_read_and_a_byte_order_mark_dropped()
    {
        var (text, problems) = Read([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("Müdigkeit\n")]);
        Assert.Equal("Müdigkeit\n", text);
        Assert.Empty(problems);
    }

    [Fact]
    public void A_byte_that_is_not_utf8_is_reported_at_its_line_and_column()
    {
        var (text, problems) = Read(Encoding.Latin1.GetBytes("line one\nline two\nsoirée\n"));
        Assert.Null(text);
        var problem = Assert.Single(problems);
        Assert.Equal((Codes.Encoding, 3, 5), (problem.Code, problem.Line, problem.Column));
        Assert.Contains("0xE9", problem.Message);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_unread()
    {
        var (text, problems) = Read(new byte[SourceText.MaxBytes + 1]);
        Assert.Null(text);
        Assert.Equal(Codes.Limit, Assert.Single(problems).Code);
    }

    [Fact]
    public void A_file_that_reports_no_size_is_never_opened()
    {
        var diagnostics = new DiagnosticBag();
        // A name that could not be opened: reading it would fail if it were tried.
        Assert.Equal("", SourceText.Read(new SourceFile(_folder.Combine("missing"), "missing", 0, DateTime.UnixEpoch), diagnostics));
        Assert.Empty(diagnostics.Sorted());
    }
}
