using Site.Review;

namespace Site.Tests.Review;

public sealed class ChangeListTests
{
    [Fact]
    public void Reads_each_status_and_splits_a_rename_into_a_removal_and_an_addition()
    {
        var (changes, error) = ChangeList.Parse("A\tinput/a.md\r\nM\tinput/b.md\nT\tinput/c.md\n\nD\tinput/d.md\nR087\tinput/old.md\tinput/new.md\nC100\tinput/x.md\tinput/y.md\n");
        Assert.Null(error);
        Assert.Equal(
            [
                new Change(ChangeKind.Added, "input/a.md"), new Change(ChangeKind.Changed, "input/b.md"), new Change(ChangeKind.Changed, "input/c.md"),
                new Change(ChangeKind.Removed, "input/d.md"), new Change(ChangeKind.Removed, "input/old.md"), new Change(ChangeKind.Added, "input/new.md"),
                new Change(ChangeKind.Added, "input/y.md"),
            ],
            changes);
    }

    [Theory]
    [InlineData("plain/path.md", "plain/path.md")]
    [InlineData("\"caf\\303\\251.md\"", "café.md")]
    [InlineData("\"a\\tb\\\\c\\\"d.md\"", "a\tb\\c\"d.md")]
    [InlineData("\"\\360\\237\\230\\200 \U0001F600.md\"", "\U0001F600 \U0001F600.md")]
    [InlineData("\"unclosed.md", null)]
    [InlineData("\"bad \\q escape.md\"", null)]
    [InlineData("\"ends in a backslash\\\"", null)]
    public void Unquotes_paths_as_git_quotes_them(string written, string? expected)
    {
        Assert.Equal(expected, ChangeList.Unquote(written));
    }

    [Theory]
    [InlineData("\tinput/a.md", "line 1")]
    [InlineData("A\tinput/a.md\nR100\tinput/only-one.md", "line 2")]
    [InlineData("A\tinput/a.md\tinput/b.md", "line 1")]
    [InlineData("U\tinput/a.md", "the status 'U'")]
    public void A_line_that_git_would_not_write_is_named(string text, string words)
    {
        var (changes, error) = ChangeList.Parse(text);
        Assert.Empty(changes);
        Assert.Contains(words, error);
    }

    [Fact]
    public void The_list_is_bounded()
    {
        string Lines(int count) => string.Concat(Enumerable.Repeat("M\tinput/a.md\n", count));
        Assert.Null(ChangeList.Parse(Lines(ChangeList.MaxLines)).Error);
        Assert.Contains($"the most is {ChangeList.MaxLines:N0}", ChangeList.Parse(Lines(ChangeList.MaxLines + 1)).Error);
    }
}
