using Site.Review;

namespace Site.Tests.Review;

/// <summary>The one escaping for text in the review issue's and the pull request summary's tables.</summary>
public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("Heat | ice", "Heat \\| ice")]
    [InlineData("*bold* [link](x.md) <b>", "\\*bold\\* \\[link\\]\\(x.md\\) \\<b\\>")]
    [InlineData("Rest :warning: now", "Rest \\:warning: now")] // an emoji code cannot open
    [InlineData("Aftercare: ice, https://clinic.example/", "Aftercare: ice, https://clinic.example/")] // no code can start here
    [InlineData("two\nlines\u202e", "two lines ")]
    public void Text_shows_as_written_in_one_cell(string text, string cell) => Assert.Equal(cell, MarkdownText.Cell(text));
}
