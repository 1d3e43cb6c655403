using System.Text;
using System.Text.Json;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Site.Markdown;
using Site.Markdown.Sections;
using Site.Pipelines;
using Site.Urgency;

namespace Site.Search;

/// <summary>
/// Turns each page's syntax tree into section-level search records: the text before the first section,
/// then one record per level-2 section, each with its heading and plain text; written as the search data's JSON
/// here, page by page, so the search data is only joined at the end.
/// </summary>
public sealed class ExtractSearchRecords : DocumentModule
{
    private static readonly JsonWriterOptions Json = new() { Encoder = WriteSearchIndex.Encoder };
    private IReadOnlySet<string> _synonymWords = new HashSet<string>();

    public override IReadOnlyList<IProduct> Reads => [Products.Synonyms];

    public override void Prepare(IReadOnlyList<Document> documents, BuildContext context) =>
        _synonymWords = context.Get(Products.Synonyms).TargetWords;

    public override void Process(Document document, BuildContext context)
    {
        if (document.FrontMatter == null)
            return;
        var records = new List<(string Section, string Heading, string Text)>();
        var intro = new StringBuilder();
        foreach (var block in document.Syntax!)
        {
            if (block is SectionBlock section)
            {
                var text = new StringBuilder();
                foreach (var child in section.Skip(1))
                    AppendText(child, text);
                records.Add((section.Id, Clean(PlainText.Of(section.Heading.Inline)), Clean(text.ToString())));
            }
            else
            {
                AppendText(block, intro);
            }
        }
        var introText = Clean(intro.ToString());
        if (introText.Length > 0)
            records.Insert(0, ("", "", introText));
        var title = document.FrontMatter.Title;
        document.SearchRecords = new SearchRecords(Write(records, context.SiteUrl(document.Url!), title), records.Count, UsedWords(records, title));
    }

    private static byte[] Write(List<(string Section, string Heading, string Text)> records, string url, string title)
    {
        using var bytes = new MemoryStream();
        using (var json = new Utf8JsonWriter(bytes, Json))
        {
            // An array's items, written as one array and then unwrapped, so the pieces join with commas.
            json.WriteStartArray();
            foreach (var (section, heading, text) in records)
            {
                json.WriteStartObject();
                json.WriteString("url", section.Length > 0 ? url + "#" + section : url);
                json.WriteString("title", title);
                json.WriteString("heading", heading);
                json.WriteString("text", text);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return bytes.GetBuffer().AsSpan(1, (int)bytes.Length - 2).ToArray();
    }

    /// <summary>Which of the synonyms' words the records use, read word by word.</summary>
    private HashSet<string> UsedWords(List<(string Section, string Heading, string Text)> records, string title)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        if (_synonymWords.Count == 0)
            return used;
        foreach (var text in records.SelectMany(r => new[] { r.Heading, r.Text }).Prepend(title))
        {
            var lower = text.ToLowerInvariant();
            for (int start = 0, end; start < lower.Length; start = end + 1)
            {
                for (end = start; end < lower.Length && char.IsLetterOrDigit(lower[end]); end++) { }
                if (end > start && _synonymWords.Contains(lower[start..end]))
                    used.Add(lower[start..end]);
            }
        }
        return used;
    }

    private static void AppendText(Block block, StringBuilder text)
    {
        switch (block)
        {
            case CustomContainer card:
                text.Append(UrgencyLevels.Card(card.Info)?.Label).Append(": ");
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
