using System.Buffers;
using System.Text;
using System.Text.Json;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Content;
using Site.Markdown;
using Site.Markdown.Sections;
using Site.Model;
using Site.Urgency;
using MarkdownBlock = Markdig.Syntax.Block;

namespace Site.Search;

/// <summary>
/// A page's text as search reads it from the syntax tree: the text before the first section, then each level-2
/// section with its heading, as blocks (a paragraph, a list item, a box's paragraph with its label), each with its
/// runs of spaces as one space, and with the text of its links to other pages. Read in the content pass, while the
/// tree is there, and kept with the page as its result record, whose strings are that text, so every page keeps
/// its text once: the search data is made from it beside the pages' rendering, off the build's critical path.
/// </summary>
public sealed class PageText
{
    /// <summary>Where a piece of text stands, in characters: the record's headings and blocks in order, then the
    /// links' text.</summary>
    public readonly record struct Range(int Start, int Length);

    /// <param name="Linked">The text of its links to other pages (not made plain: only its words are read).</param>
    public readonly record struct Block(Range Text, float Weight, Range Linked);

    /// <param name="Blocks">Its blocks' place in <see cref="Blocks"/>.</param>
    public readonly record struct Section(string Id, Range Heading, int FirstBlock, int BlockCount);

    private static readonly JsonWriterOptions Json = new() { Encoder = WriteSearchIndex.Encoder };

    private readonly byte[] _linked; // the links' text, as UTF-8
    private readonly int _length; // in characters

    private PageText(byte[] record, byte[] linked, int length, Block[] blocks, Section[] sections) =>
        (Record, _linked, _length, Blocks, Sections) = (record, linked, length, blocks, sections);

    /// <summary>The result record the browser shows: <c>{"url","title","sections":[[id, heading, [block, …]], …]}</c>.</summary>
    public byte[] Record { get; }

    public IReadOnlyList<Section> Sections { get; }

    public IReadOnlyList<Block> Blocks { get; }

    // The text as characters, for one page at a time on each thread: every word of every page is read from here.
    [ThreadStatic] private static (PageText? Page, char[] Chars) _decoded;

    /// <summary>A piece of the text, from this thread's buffer: valid until the thread reads another page's text.</summary>
    public ReadOnlySpan<char> this[Range range]
    {
        get
        {
            if (!ReferenceEquals(_decoded.Page, this))
                _decoded = (this, Decode(_decoded.Chars));
            return _decoded.Chars.AsSpan(range.Start, range.Length);
        }
    }

    /// <summary>The headings and blocks of the record in order (the strings inside its sections but their ids), then the links' text.</summary>
    private char[] Decode(char[]? buffer)
    {
        var chars = buffer != null && buffer.Length >= _length ? buffer : new char[Math.Max(_length, 16 * 1024)];
        var json = new Utf8JsonReader(Record);
        var (at, nth) = (0, 0);
        while (json.Read())
        {
            if (json.TokenType == JsonTokenType.StartArray && json.CurrentDepth == 2)
                nth = 0; // a section: [id, heading, [blocks]]
            else if (json.TokenType == JsonTokenType.String && (json.CurrentDepth == 4 || (json.CurrentDepth == 3 && nth++ == 1)))
                at += json.CopyString(chars.AsSpan(at));
        }
        Encoding.UTF8.GetChars(_linked, chars.AsSpan(at));
        return chars;
    }

    /// <summary>The page's text, and its result record.</summary>
    /// <param name="page">The page's input path, which its links are relative to.</param>
    /// <param name="url">The page's address, with the site's base path.</param>
    public static PageText Read(MarkdownDocument syntax, string page, string url, string title) =>
        (_reader ??= new Reader()).Read(syntax, page, url, title);

    [ThreadStatic] private static Reader? _reader;

    /// <summary>Reads a page's text into one buffer that each thread reuses from page to page, so no block needs a string.</summary>
    private sealed class Reader
    {
        private static readonly SearchValues<char> OtherSpaces = SearchValues.Create("\n\r\t");

        private char[] _chars = new char[16 * 1024];
        private int _length;
        private readonly StringBuilder _raw = new();
        private readonly StringBuilder _linked = new();
        private readonly List<Block> _blocks = [];
        private readonly List<Section> _sections = [];
        private string _label = ""; // a box's label, for the first block of the box
        private string _page = "";

        public PageText Read(MarkdownDocument syntax, string page, string url, string title)
        {
            Clear();
            _page = page;
            foreach (var block in syntax)
                if (block is not SectionBlock)
                    AddBlocks(block, TermScoring.Text);
            if (_blocks.Count > 0)
                _sections.Add(new Section("", default, 0, _blocks.Count));
            foreach (var block in syntax)
            {
                if (block is not SectionBlock section)
                    continue;
                _raw.Clear();
                if (section.Heading.Inline is { } heading)
                    PlainText.Append(heading, _raw);
                var (name, first) = (Append(_raw), _blocks.Count);
                foreach (var child in section.Skip(1))
                    AddBlocks(child, TermScoring.Text);
                _sections.Add(new Section(section.Id, name, first, _blocks.Count - first));
            }
            return Keep(url, title);
        }

        /// <summary>The text as the record holds it, each range where <see cref="Decode"/> puts it again (a lone
        /// surrogate is one replacement character there, so nothing moves).</summary>
        private PageText Keep(string url, string title)
        {
            var record = _record ??= new ArrayBufferWriter<byte>(16 * 1024);
            record.ResetWrittenCount();
            var (blocks, sections, at) = (new Block[_blocks.Count], new Section[_sections.Count], 0);
            using (var json = new Utf8JsonWriter(record, Json))
            {
                json.WriteStartObject();
                json.WriteString("url", url);
                json.WriteString("title", title);
                json.WriteStartArray("sections");
                Range Write(Range range)
                {
                    json.WriteStringValue(_chars.AsSpan(range.Start, range.Length));
                    return new Range((at += range.Length) - range.Length, range.Length);
                }
                for (var s = 0; s < sections.Length; s++)
                {
                    var section = _sections[s];
                    json.WriteStartArray();
                    json.WriteStringValue(section.Id);
                    sections[s] = section with { Heading = Write(section.Heading) };
                    json.WriteStartArray();
                    for (var b = section.FirstBlock; b < section.FirstBlock + section.BlockCount; b++)
                        blocks[b] = _blocks[b] with { Text = Write(_blocks[b].Text) };
                    json.WriteEndArray();
                    json.WriteEndArray();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            _raw.Clear();
            for (var b = 0; b < blocks.Length; b++)
            {
                var linked = _blocks[b].Linked;
                blocks[b] = blocks[b] with { Linked = new Range(at + _raw.Length, linked.Length) };
                _raw.Append(_chars.AsSpan(linked.Start, linked.Length));
            }
            return new PageText(record.WrittenSpan.ToArray(), Encoding.UTF8.GetBytes(_raw.ToString()), at + _raw.Length, blocks, sections);
        }

        private ArrayBufferWriter<byte>? _record;

        private void Clear()
        {
            (_length, _label) = (0, "");
            _blocks.Clear();
            _sections.Clear();
        }

        private void AddBlocks(MarkdownBlock block, float weight)
        {
            switch (block)
            {
                case CustomContainer card:
                    var outer = _label;
                    if (UrgencyLevels.Card(card.Info)?.Label is { } label)
                        _label = outer + label + ": "; // taken by the box's first block
                    foreach (var child in card)
                        AddBlocks(child, weight);
                    if (_label.Length > outer.Length)
                        _label = outer; // the box had no text
                    break;
                case ListItemBlock item:
                    _raw.Clear();
                    _linked.Clear();
                    AppendText(item);
                    AddBlock(weight);
                    break;
                case ContainerBlock container:
                    foreach (var child in container)
                        AddBlocks(child, weight);
                    break;
                case HeadingBlock { Inline: { } inline }:
                    ReadInline(inline);
                    AddBlock(TermScoring.Heading * weight / TermScoring.Text);
                    break;
                case LeafBlock { Inline: { } inline }:
                    ReadInline(inline);
                    AddBlock(weight);
                    break;
            }
        }

        private void ReadInline(ContainerInline inline)
        {
            _raw.Clear();
            _linked.Clear();
            PlainText.Append(inline, _raw);
            AppendLinked(inline);
        }

        private void AppendText(MarkdownBlock block)
        {
            if (block is ContainerBlock container)
                foreach (var child in container)
                    AppendText(child);
            else if (block is LeafBlock { Inline: { } inline })
            {
                PlainText.Append(inline, _raw.Append(' '));
                _linked.Append(' ');
                AppendLinked(inline);
            }
        }

        /// <summary>The text of the links to other pages of the site in the inlines, by the rule the build resolves
        /// links with (a page link is still its .md path here).</summary>
        private void AppendLinked(ContainerInline inlines)
        {
            foreach (var inline in inlines)
            {
                if (inline is LinkInline { IsImage: false } link && ResolveLinks.Classify(_page, link) is { Kind: LinkKind.Page })
                    PlainText.Append(link, _linked.Append(' '));
                else if (inline is ContainerInline container)
                    AppendLinked(container);
            }
        }

        /// <summary>The block just read, unless it has no text; the first block of a box starts with the box's label.</summary>
        private void AddBlock(float weight)
        {
            var start = _length;
            Put(_label);
            var text = Append(_raw);
            if (text.Length == 0)
            {
                _length = start;
                return;
            }
            _label = "";
            var linked = _length;
            foreach (var chunk in _linked.GetChunks())
                Put(chunk.Span);
            _blocks.Add(new Block(new Range(start, text.Start + text.Length - start), weight, new Range(linked, _length - linked)));
        }

        /// <summary>The text with each run of spaces, tabs and line breaks as one space, and none at the ends.</summary>
        private Range Append(StringBuilder raw)
        {
            var start = _length;
            foreach (var chunk in raw.GetChunks())
                Put(chunk.Span);
            var text = _chars.AsSpan(start, _length - start);
            // Most text has single spaces only, and is copied as it is.
            if (text.IsEmpty || (text[0] != ' ' && text[^1] != ' ' && !text.ContainsAny(OtherSpaces) && !text.Contains("  ", StringComparison.Ordinal)))
                return new Range(start, text.Length);
            var kept = 0;
            foreach (var c in text)
            {
                if (c is not (' ' or '\n' or '\r' or '\t'))
                    text[kept++] = c;
                else if (kept > 0 && text[kept - 1] != ' ')
                    text[kept++] = ' ';
            }
            if (kept > 0 && text[kept - 1] == ' ')
                kept--;
            _length = start + kept;
            return new Range(start, kept);
        }

        private void Put(ReadOnlySpan<char> text)
        {
            if (_length + text.Length > _chars.Length)
                Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + text.Length));
            text.CopyTo(_chars.AsSpan(_length));
            _length += text.Length;
        }
    }
}
