using System.Text;
using System.Text.Json;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Content;
using Site.Markdown;
using Site.Markdown.Sections;
using Site.Pipelines;
using Site.Urgency;

namespace Site.Search;

/// <summary>
/// Reads each page's syntax tree for search: its result record (the text before the first section, then each
/// level-2 section with its heading, as blocks: a paragraph, a list item, a box's paragraph), and the score of each of its
/// stemmed words by <see cref="TermScoring"/>. Done page by page in the content pass, so the search data only
/// groups what the pages made.
/// </summary>
public sealed class ExtractPageSearch : DocumentModule
{
    private static readonly JsonWriterOptions Json = new() { Encoder = WriteSearchIndex.Encoder };
    /// <summary>The sections every page has, whose words count less (<see cref="TermScoring.SharedSection"/>).</summary>
    public static readonly IReadOnlySet<string> SharedSections = CheckRequiredSections.Required.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
    private IReadOnlySet<string> _synonymWords = new HashSet<string>();

    public override IReadOnlyList<IProduct> Reads => [Products.Synonyms];

    public override void Prepare(IReadOnlyList<Document> documents, BuildContext context) =>
        _synonymWords = context.Get(Products.Synonyms).TargetWords;

    /// <param name="Blocks">Each block's text, its weight, and the text of its links to other pages in it.</param>
    private sealed record Section(string Id, string Heading, List<(string Text, float Weight, string Linked)> Blocks);

    public override void Process(Document document, BuildContext context)
    {
        if (document.FrontMatter is not { } front)
            return;
        var intro = new Section("", "", []);
        var sections = new List<Section>();
        foreach (var block in document.Syntax!)
        {
            if (block is SectionBlock section)
            {
                var read = new Section(section.Id, Clean(PlainText.Of(section.Heading.Inline)), []);
                foreach (var child in section.Skip(1))
                    AddBlocks(child, read.Blocks, TermScoring.Text);
                sections.Add(read);
            }
            else
            {
                AddBlocks(block, intro.Blocks, TermScoring.Text);
            }
        }
        if (intro.Blocks.Count > 0)
            sections.Insert(0, intro);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var (words, blocks, length) = Places(sections, used);
        // The home page's title names the whole site, so it counts as a description does.
        var (title, description) = (Stems(front.Title, used), Stems(front.Description, used));
        if (document.Url!.Length == 0)
            (title, description) = ([], [.. title, .. description]);
        document.Search = new PageSearch(Record(sections, context.SiteUrl(document.Url!), front.Title), words, blocks, title, description, length, used);
    }

    /// <summary>A block of at least this many words that stands on two pages is taken as copied.</summary>
    public const int CopiedBlockWords = 5;

    private (WordPlace[], TextBlock[], int) Places(List<Section> sections, HashSet<string> used)
    {
        var all = new List<WordPlace>();
        var blocks = new List<TextBlock>();
        // One place per stem and block; words outside a block that may be copied share one place per stem for the
        // whole page (and per kind of section). By stem number: every word of every page comes through here.
        var (blockPlaces, sharedPlaces, loosePlaces) = (new Dictionary<int, int>(), new Dictionary<int, int>(), new Dictionary<int, int>());
        var words = new List<WordTable.Entry>();
        var links = new Dictionary<string, int>(StringComparer.Ordinal);
        var length = 0;
        var page = WordTable.NewText();
        void Add(string text, float weight, bool shared, bool block, string linked = "")
        {
            words.Clear();
            var hash = HashStart;
            foreach (var span in Words.Spans(text))
            {
                var entry = WordTable.Of(span);
                words.Add(entry);
                hash = Hash(hash, entry.Word);
            }
            var index = block && !shared && words.Count >= CopiedBlockWords && blocks.Count < short.MaxValue ? (short)blocks.Count : (short)-1;
            if (index >= 0)
                blocks.Add(new TextBlock(hash, words.Count));
            // A link's words name the page it leads to ("Is it normal to feel sore after a massage?"): they are that
            // page's, and count here as copied text.
            links.Clear();
            foreach (var span in Words.Spans(linked))
            {
                var word = WordTable.Of(span).Word;
                links[word] = links.GetValueOrDefault(word) + 1;
            }
            var places = index >= 0 ? blockPlaces : shared ? sharedPlaces : loosePlaces;
            if (index >= 0)
                places.Clear();
            foreach (var entry in words)
            {
                if (entry.SeenIn != page)
                {
                    entry.SeenIn = page;
                    if (_synonymWords.Contains(entry.Word))
                        used.Add(entry.Word);
                }
                if (entry.Stop)
                    continue;
                var inLink = links.TryGetValue(entry.Word, out var left) && left > 0;
                if (inLink)
                    links[entry.Word] = left - 1;
                var w = inLink ? weight * TermScoring.CopiedBlock : weight;
                length += shared || inLink ? 0 : 1;
                if (places.TryGetValue(entry.StemId, out var i))
                    all[i] = new WordPlace(entry.StemId, all[i].Weight + w, index, shared);
                else
                {
                    places[entry.StemId] = all.Count;
                    all.Add(new WordPlace(entry.StemId, w, index, shared));
                }
            }
        }
        foreach (var section in sections)
        {
            var shared = SharedSections.Contains(section.Id);
            var factor = shared ? TermScoring.SharedSection : 1f;
            Add(section.Heading, TermScoring.Heading * factor, shared, block: false);
            foreach (var (text, weight, linked) in section.Blocks)
                Add(text, weight * factor, shared, block: true, linked);
        }
        return ([.. all], [.. blocks], length);
    }

    // FNV-1a over the words and a separator: stable from build to build and machine to machine.
    private const ulong HashStart = 14695981039346656037UL;

    private static ulong Hash(ulong hash, string word)
    {
        foreach (var c in word)
            hash = (hash ^ c) * 1099511628211UL;
        return (hash ^ ' ') * 1099511628211UL;
    }

    private HashSet<string> Stems(string text, HashSet<string> used)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var span in Words.Spans(text))
        {
            var entry = WordTable.Of(span);
            if (_synonymWords.Contains(entry.Word))
                used.Add(entry.Word);
            if (!entry.Stop)
                stems.Add(entry.Stem);
        }
        return stems;
    }

    /// <summary>The result record: <c>{"url","title","sections":[[id, heading, [block, …]], …]}</c>.</summary>
    private static byte[] Record(List<Section> sections, string url, string title)
    {
        using var bytes = new MemoryStream();
        using (var json = new Utf8JsonWriter(bytes, Json))
        {
            json.WriteStartObject();
            json.WriteString("url", url);
            json.WriteString("title", title);
            json.WriteStartArray("sections");
            foreach (var section in sections)
            {
                json.WriteStartArray();
                json.WriteStringValue(section.Id);
                json.WriteStringValue(section.Heading);
                json.WriteStartArray();
                foreach (var (text, _, _) in section.Blocks)
                    json.WriteStringValue(text);
                json.WriteEndArray();
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return bytes.ToArray();
    }

    /// <summary>A block's text as the reader sees it: a list item or a paragraph each on its own, so a snippet never
    /// runs one into the next; a box's text keeps its label. With it, the text of its links to other pages.</summary>
    private static void AddBlocks(Block block, List<(string, float, string)> blocks, float weight)
    {
        switch (block)
        {
            case CustomContainer card:
                var first = blocks.Count;
                foreach (var child in card)
                    AddBlocks(child, blocks, weight);
                if (UrgencyLevels.Card(card.Info)?.Label is { } label && blocks.Count > first)
                    blocks[first] = ($"{label}: {blocks[first].Item1}", blocks[first].Item2, blocks[first].Item3);
                break;
            case ListItemBlock item:
                var (text, linked) = (new StringBuilder(), new StringBuilder());
                AppendText(item, text, linked);
                if (Clean(text.ToString()) is { Length: > 0 } itemText)
                    blocks.Add((itemText, weight, linked.ToString()));
                break;
            case ContainerBlock container:
                foreach (var child in container)
                    AddBlocks(child, blocks, weight);
                break;
            case HeadingBlock { Inline: { } inline }:
                if (Clean(PlainText.Of(inline)) is { Length: > 0 } heading)
                    blocks.Add((heading, TermScoring.Heading * weight / TermScoring.Text, Linked(inline)));
                break;
            case LeafBlock { Inline: { } inline }:
                if (Clean(PlainText.Of(inline)) is { Length: > 0 } paragraph)
                    blocks.Add((paragraph, weight, Linked(inline)));
                break;
        }
    }

    private static void AppendText(Block block, StringBuilder text, StringBuilder linked)
    {
        if (block is ContainerBlock container)
            foreach (var child in container)
                AppendText(child, text, linked);
        else if (block is LeafBlock { Inline: { } inline })
        {
            PlainText.Append(inline, text.Append(' '));
            linked.Append(' ').Append(Linked(inline));
        }
    }

    /// <summary>The text of the links to other pages of the site in the inlines (a page link is still its .md path here).</summary>
    private static string Linked(ContainerInline inlines)
    {
        var text = new StringBuilder();
        foreach (var link in inlines.Descendants<LinkInline>())
            if (!link.IsImage && link.Url is { } url && !url.StartsWith('#') && !url.Contains("://", StringComparison.Ordinal) && url.Split('#')[0].EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                PlainText.Append(link, text.Append(' '));
        return text.ToString();
    }

    /// <summary>The text with each run of spaces, tabs and line breaks as one space, and none at the ends.</summary>
    private static string Clean(string text)
    {
        var clean = text.Length == 0 || (!Space(text[0]) && !Space(text[^1]));
        for (var i = 1; clean && i < text.Length; i++)
            clean = !(Space(text[i]) && (text[i] != ' ' || text[i - 1] == ' '));
        if (clean)
            return text; // most text is: no copy
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!Space(c))
                result.Append(c);
            else if (result.Length > 0 && result[^1] != ' ')
                result.Append(' ');
        }
        if (result.Length > 0 && result[^1] == ' ')
            result.Length--;
        return result.ToString();
    }

    private static bool Space(char c) => c is ' ' or '\n' or '\r' or '\t';
}
