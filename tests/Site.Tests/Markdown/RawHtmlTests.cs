using Site.Markdown;
using Site.Markdown.RawHtml;

namespace Site.Tests.Markdown;

public sealed class RawHtmlTests
{
    [Theory]
    [InlineData("<!-- a note -->", true)]
    [InlineData("  <!--\nlines\n-->\n", true)]
    [InlineData("<!---->", true)]
    [InlineData("<!-->", false)]
    [InlineData("<!--->", false)]
    [InlineData("<!-- a --> <script>x</script>", false)]
    [InlineData("<!-- a --> b -->", false)]
    [InlineData("<!-- a --!> b -->", false)]
    [InlineData("<b>x</b>", false)]
    public void Only_one_whole_comment_counts_as_a_comment(string html, bool whole) =>
        Assert.Equal(whole, HtmlComment.IsWhole(html));

    [Theory]
    [InlineData("<script>alert(1)</script>\n\nText.")]
    [InlineData("Text <img src=x onerror=alert(1)> more.")]
    [InlineData("<!-- note -->\n\nText.")]
    public void The_renderer_publishes_no_raw_html_even_unchecked(string markdown)
    {
        var html = Markdig.Markdown.ToHtml(markdown, MarkdownPipelineFactory.Create());
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<!--", html);
        Assert.Contains("Text", html);
    }
}
