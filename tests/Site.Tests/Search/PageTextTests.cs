using Site.Markdown;
using Site.Search;
using Site.Urgency;

namespace Site.Tests.Search;

/// <summary>
/// How search reads a page's text from its syntax tree: the blocks in order, each with its runs of spaces as one,
/// the label of a box on its first block, and the text of links to other pages beside each block.
/// </summary>
public sealed class PageTextTests
{
    private static readonly Markdig.MarkdownPipeline Pipeline = MarkdownPipelineFactory.Create();

    private static PageText Read(string markdown) => PageText.Read(Markdig.Markdown.Parse(markdown, Pipeline), "guidance/page.md", "/guidance/page/", "Page");

    /// <summary>Each section as "id | heading | block / block".</summary>
    private static List<string> Sections(PageText text) =>
        [.. text.Sections.Select(s => $"{s.Id} | {text[s.Heading]} | " +
            string.Join(" / ", text.Blocks.Skip(s.FirstBlock).Take(s.BlockCount).Select(b => text[b.Text].ToString())))];

    [Fact]
    public void The_text_before_the_first_section_comes_first_then_each_section_with_its_heading()
    {
        var text = Read("Intro.\n\n## Pressure feedback\n\nFirm is fine.\n\n### Ice\n\nUse ice.\n\n## When to worry\n\nCall us.\n");
        Assert.Equal(
        [
            " |  | Intro.",
            "pressure-feedback | Pressure feedback | Firm is fine. / Ice / Use ice.",
            "when-to-worry | When to worry | Call us.",
        ], Sections(text));
        var ice = text.Blocks.Single(b => text[b.Text].SequenceEqual("Ice"));
        Assert.Equal(TermScoring.Heading, ice.Weight); // a heading inside a section weighs as one
    }

    [Fact]
    public void Runs_of_spaces_tabs_and_line_breaks_become_one_space_and_none_stay_at_the_ends()
    {
        var text = Read("A line\nand   the next,\twith `code  that\tkeeps` spaces.  \n\n- `  x  ` item\n");
        Assert.Equal(["A line and the next, with code that keeps spaces.", "x item"], text.Blocks.Select(b => text[b.Text].ToString()));
    }

    [Fact]
    public void A_box_label_starts_its_first_block_only_and_an_empty_box_passes_none_on()
    {
        var label = UrgencyLevels.All.First().Label;
        var card = UrgencyLevels.All.First().Card.Id;
        var text = Read($"::: {card}\n:::\n\nAfter the empty box.\n\n::: {card}\nFirst.\n\nSecond.\n:::\n");
        Assert.Equal(["After the empty box.", $"{label}: First.", "Second."], text.Blocks.Select(b => text[b.Text].ToString()));
    }

    [Fact]
    public void A_section_names_the_boxes_that_start_in_it_but_not_an_empty_one()
    {
        var (urgent, emergency) = (UrgencyLevels.All[^2], UrgencyLevels.All[^1]);
        var text = Read($"::: {urgent.Card.Id}\nFirst.\n:::\n\n## Pressure feedback\n\n::: {emergency.Card.Id}\n:::\n\nNo box here.\n\n"
            + $"## When to worry\n\n:::: {urgent.Card.Id}\n::: {emergency.Card.Id}\nBoth.\n:::\n::::\n");
        Assert.Equal([[urgent.Label], [], [urgent.Label, emergency.Label]], text.Sections.Select(s => s.Labels));
        Assert.Equal($"{urgent.Label}: {emergency.Label}: Both.", text[text.Blocks[^1].Text].ToString());
    }

    [Fact]
    public void A_list_item_is_one_block_of_its_paragraphs()
    {
        var text = Read("- One.\n\n  Two.\n- Three.\n");
        Assert.Equal(["One. Two.", "Three."], text.Blocks.Select(b => text[b.Text].ToString()));
    }

    [Fact]
    public void Beside_each_block_stands_the_text_of_its_links_to_other_pages_only()
    {
        var text = Read("See [the aftercare page](../aftercare.md#ice), [a site](https://example.org/a.md), [mail](mailto:a@b.md), [below](#here), [outside](../../x.md) and ![a picture](p.md).\n");
        Assert.Equal("the aftercare page", text[text.Blocks.Single().Linked].ToString().Trim());
    }

    [Fact]
    public void Reading_the_next_page_leaves_nothing_of_the_one_before()
    {
        Read("A long first page, " + string.Concat(Enumerable.Repeat("with many words ", 5000)) + "\n\n## Pressure feedback\n\nMore.\n");
        var text = Read("Short.\n");
        Assert.Equal([" |  | Short."], Sections(text));
    }

    [Fact]
    public void The_text_is_kept_as_the_result_record_and_read_back_from_it_where_it_was()
    {
        // Quotes, a backslash, accents, an emoji (two UTF-16 units) and a line separator: escaped or multi-byte in the JSON.
        var text = Read("Say \"ouch\" \\ café 😀 here\u2028now.\n\n## Pressure feedback\n\nSee [the aftercare page](aftercare.md) — « firm ».\n\n- 😀 one\n");
        var head = System.Text.Json.JsonDocument.Parse(text.Head).RootElement;
        Assert.Equal("/guidance/page/", head.GetProperty("url").GetString());
        Assert.Equal("Page", head.GetProperty("title").GetString());
        var sections = head.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(text.Sections.Select(s => s.Id), sections.Select(s => s[0].GetString()));
        Assert.Equal(text.Sections.Select(s => text[s.Heading].ToString()), sections.Select(s => s[1].GetString()));
        // Each section's blocks apart, and all of them in one piece: a JSON array once bracketed.
        Assert.Equal(text.Blocks.Select(b => text[b.Text].ToString()),
            Enumerable.Range(0, text.Sections.Count).SelectMany(s => System.Text.Json.JsonDocument.Parse(text.SectionText(s)).RootElement.EnumerateArray().Select(b => b.GetString())));
        Assert.Equal(text.Sections.Count, System.Text.Json.JsonDocument.Parse("[" + System.Text.Encoding.UTF8.GetString(text.Text) + "]").RootElement.GetArrayLength());
        Assert.Equal(["Say \"ouch\" \\ café 😀 here\u2028now.", "See the aftercare page — « firm ».", "😀 one"], text.Blocks.Select(b => text[b.Text].ToString()));
        Assert.Equal("the aftercare page", text[text.Blocks[1].Linked].ToString().Trim());
    }

    [Fact]
    public void Two_pages_read_on_one_thread_each_give_their_own_text()
    {
        var (first, second) = (Read("First page.\n"), Read("Second page, longer than the first.\n"));
        Assert.Equal("First page.", first[first.Blocks[0].Text].ToString());
        Assert.Equal("Second page, longer than the first.", second[second.Blocks[0].Text].ToString());
        Assert.Equal("First page.", first[first.Blocks[0].Text].ToString());
    }
}
