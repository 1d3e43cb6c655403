using System.Text;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Site.Markdown;
using Site.Markdown.CareCards;
using Site.Markdown.Sections;
using Site.Pipelines;

namespace Site.Search;

/// <summary>
/// Turns each page's syntax tree into section-level search records: the text before the first section,
/// then one record per level-2 section, each with its heading and plain text.
/// </summary>
public sealed class ExtractSearchRecords : DocumentModule
{
    public override void Process(Document document, BuildContext context)
    {
        var records = new List<SearchRecord>();
        var intro = new StringBuilder();
        foreach (var block in document.Syntax!)
        {
            if (block is SectionBlock section)
            {
                var text = new StringBuilder();
                foreach (var child in section.Skip(1))
                    AppendText(child, text);
                records.Add(new SearchRecord(section.Id, Clean(PlainText.Of(section.Heading.Inline)), Clean(text.ToString())));
            }
            else
            {
                AppendText(block, intro);
            }
        }
        var introText = Clean(intro.ToString());
        if (introText.Length > 0)
            records.Insert(0, new SearchRecord("", "", introText));
        document.SearchRecords = records;
    }

    private static void AppendText(Block block, StringBuilder text)
    {
        switch (block)
        {
            case CustomContainer card:
                text.Append(CareCardLevel.Label(card.Info)).Append(": ");
                foreach (var child in card)
                    AppendText(child, text);
                break;
            case ContainerBlock container:
                foreach (var child in container)
                    AppendText(child, text);
                break;
            case LeafBlock { Inline: { } inline }:
                PlainText.Append(inline, text);
                text.Append(' ');
                break;
        }
    }

    private static string Clean(string text) =>
        string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
