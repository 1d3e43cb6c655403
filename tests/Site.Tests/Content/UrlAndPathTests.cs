using Site.Content;

namespace Site.Tests.Content;

public sealed class UrlAndPathTests
{
    [Theory]
    [InlineData("index.md", "", "index.html")]
    [InlineData("aftercare.md", "aftercare/", "aftercare/index.html")]
    [InlineData("guidance/index.md", "guidance/", "guidance/index.html")]
    [InlineData("guidance/ice.md", "guidance/ice/", "guidance/ice/index.html")]
    public void Pages_get_clean_urls(string source, string url, string output)
    {
        Assert.Equal((url, output), AssignUrls.UrlFor(source));
    }

    [Theory]
    [InlineData("a/b.md", "c.md", "a/c.md")]
    [InlineData("a/b.md", "../c.md", "c.md")]
    [InlineData("a/b.md", "./d/../c.md", "a/c.md")]
    [InlineData("b.md", "../c.md", null)]
    public void Links_resolve_against_the_page_folder(string from, string link, string? expected)
    {
        Assert.Equal(expected, ResolveLinks.Combine(from, link));
    }

    [Fact]
    public void Front_matter_block_is_found_between_fences()
    {
        var block = FrontMatterBlock.Extract("---\r\ntitle: a\r\nb: c\r\n---\r\nbody");
        Assert.NotNull(block);
        Assert.Equal("title: a\r\nb: c\r\n", block.Value.Text);
        Assert.Equal(4, block.Value.EndLine);
        Assert.Null(FrontMatterBlock.Extract("title: a\n---\n"));
        Assert.Null(FrontMatterBlock.Extract("---\ntitle: a\n"));
    }
}
