using Markdig.Syntax;
using Site.Markdown;
using Site.Markdown.Sections;

namespace Site.Tests.Markdown;

public sealed class MarkdownExtensionTests
{
    private static readonly Markdig.MarkdownPipeline Pipeline = MarkdownPipelineFactory.Create();

    private static string Html(string markdown) => Markdig.Markdown.ToHtml(markdown, Pipeline);

    [Fact]
    public void Each_level_two_heading_starts_a_section_that_takes_its_id()
    {
        var html = Html("Intro.\n\n## When to worry\n\nCall.\n\n### Chest pain\n\nNow.\n\n## Pressure feedback\n\nSay so.\n");
        Assert.StartsWith("<p>Intro.</p>", html);
        Assert.Contains("<section id=\"when-to-worry\">\n<h2>When to worry</h2>\n<p>Call.</p>\n<h3 id=\"chest-pain\">Chest pain</h3>\n<p>Now.</p>\n</section>", html);
        Assert.Contains("<section id=\"pressure-feedback\">\n<h2>Pressure feedback</h2>", html);
        Assert.DoesNotContain("<h2 id=", html);
    }

    [Fact]
    public void A_heading_with_nothing_under_it_is_an_empty_section()
    {
        var doc = Markdig.Markdown.Parse("## Pressure feedback\n\n## When to worry\n\nText.\n", Pipeline);
        var sections = doc.OfType<SectionBlock>().ToList();
        Assert.Equal(["pressure-feedback", "when-to-worry"], sections.Select(s => s.Id));
        Assert.False(sections[0].HasContent);
        Assert.True(sections[1].HasContent);
    }

    [Fact]
    public void Sections_keep_the_source_line_of_their_heading()
    {
        var doc = Markdig.Markdown.Parse("---\ntitle: x\n---\n\nIntro.\n\n## When to worry\n\nText.\n", Pipeline);
        Assert.Equal(6, doc.OfType<SectionBlock>().Single().Line); // 0-based: the heading is on line 7
    }

    [Theory]
    [InlineData("emergency", "Immediate action required")]
    [InlineData("urgent", "Urgent advice")]
    [InlineData("non-urgent", "Non-urgent advice")]
    public void Care_cards_put_the_level_in_words_in_their_heading(string level, string label)
    {
        var html = Html($"## When to worry\n\n::: {level}\nCall 999 if you:\n\n- have chest pain\n:::\n");
        Assert.Contains($"<div class=\"care-card care-card--{level}\">", html);
        Assert.Contains($"<h3 class=\"care-card__heading\"><span class=\"care-card__level\">{label}:</span> Call 999 if you:</h3>", html);
        Assert.Contains("<div class=\"care-card__content\">\n<ul>\n<li>have chest pain</li>", html);
    }

    [Fact]
    public void A_care_card_heading_sits_one_level_below_the_heading_before_it()
    {
        var html = Html("## A\n\n### B\n\n::: urgent\nText\n:::\n");
        Assert.Contains("<h4 class=\"care-card__heading\">", html);
    }

    [Fact]
    public void Front_matter_is_not_rendered()
    {
        var html = Html("---\ntitle: Secret\n---\n\nBody.\n");
        Assert.DoesNotContain("Secret", html);
        Assert.Contains("<p>Body.</p>", html);
    }
}
