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
    [InlineData("Über uns.md", "%C3%9Cber%20uns/", "Über uns/index.html")]
    [InlineData("Müdigkeit.md", "M%C3%BCdigkeit/", "Müdigkeit/index.html")]
    [InlineData("a b/c#d.md", "a%20b/c%23d/", "a b/c#d/index.html")]
    [InlineData("a b/index.md", "a%20b/", "a b/index.html")]
    [InlineData("50% off?.md", "50%25%20off%3F/", "50% off?/index.html")]
    [InlineData("what's new & why.md", "what%27s%20new%20%26%20why/", "what's new & why/index.html")]
    public void Urls_are_percent_encoded_while_output_paths_keep_the_names(string source, string url, string output)
    {
        Assert.Equal((url, output), AssignUrls.UrlFor(source));
        // The whole URL is the path: nothing is read as a query or fragment, and nothing is left to escape.
        Assert.Equal("/" + url, new Uri(new Uri("https://clinic.example/"), url).AbsolutePath);
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
