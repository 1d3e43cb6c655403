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
/// tree is there, and kept with the page as its result record (a head, and each section's blocks apart, so that a
/// reader fetches only the section a result shows), whose strings are that text, so every page keeps its text
/// once: the search data is made from it beside the pages' rendering, off the build's critical path.
/// </summary>
public sealed class PageText
{
    /// <summary>Where a piece of text stands, in characters: the record's headings in order, then its blocks, then
    /// the links' text.</summary>
    public readonly record struct Range(int Start, int Length);

    /// <param name="Linked">The text of its links to other pages (not made plain: only its words are read).</param>
    public readonly record struct Block(Range Text, float Weight, Range Linked);

    /// <param name="Blocks">Its blocks' place in <see cref="Blocks"/>.</param>
    /// <param name="Labels">The labels of the boxes that start in it (<see cref="UrgencyLevels"/>), in order: the
    /// browser links a red-flag notice to the section with its level's box.</param>
    /// <param name="TextEnd">Where its blocks end in <see cref="Text"/>, in bytes.</param>
    public readonly record struct Section(string Id, Range Heading, int FirstBlock, int BlockCount, IReadOnlyList<string> Labels, int TextEnd = 0);

    private static readonly JsonWriterOptions Json = new() { Encoder = WriteSearchIndex.Encoder };

    private readonly byte[] _linked; // the links' text, as UTF-8
    private readonly int _length; // in characters

    private PageText(byte[] head, byte[] text, byte[] linked, int length, Block[] blocks, Section[] sections) =>
        (Head, Text, _linked, _length, Blocks, _sections) = (head, text, linked, length, blocks, sections);

    /// <summary>The head of the result record: <c>{"url","title","sections":[[id, heading], …]}</c>, a section
    /// with boxes as <c>[id, heading, [label, …]]</c>.</summary>
    public byte[] Head { get; }

    /// <summary>Each section's blocks, <c>[block, …]</c>, in the order of <see cref="Sections"/>, with commas between:
    /// the file of a few pages' sections is made of these as they are (<see cref="SectionText"/> for one of them).</summary>
    public byte[] Text { get; }

    /// <summary>Section <paramref name="s"/>'s blocks in <see cref="Text"/>: <c>[block, …]</c>.</summary>
    public ReadOnlyMemory<byte> SectionText(int s)
    {
        var start = s == 0 ? 0 : _sections[s - 1].TextEnd + 1;
        return Text.AsMemory(start, _sections[s].TextEnd - start);
    }

    private readonly Section[] _sections;

    public IReadOnlyList<Section> Sections => _sections;

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

    /// <summary>The headings of the record's head in order, then the blocks of each section, then the links' text.</summary>
    private char[] Decode(char[]? buffer)
    {
        var chars = buffer != null && buffer.Length >= _length ? buffer : new char[Math.Max(_length, 16 * 1024)];
        var json = new Utf8JsonReader(Head);
        var (at, nth) = (0, 0);
        while (json.Read())
        {
            if (json.TokenType == JsonTokenType.StartArray && json.CurrentDepth == 2)
                nth = 0; // a section: [id, heading] or [id, heading, [labels]]
            else if (json.TokenType == JsonTokenType.String && json.CurrentDepth == 3 && nth++ == 1)
                at += json.CopyString(chars.AsSpan(at));
        }
        for (var s = 0; s < _sections.Length; s++)
        {
            var blocks = new Utf8JsonReader(SectionText(s).Span);
            while (blocks.Read())
                if (blocks.TokenType == JsonTokenType.String)
                    at += blocks.CopyString(chars.AsSpan(at));
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
        private readonly List<string> _boxLabels = []; // the labels in it, for the section that block is in
        private string _page = "";

        public PageText Read(MarkdownDocument syntax, string page, string url, string title)
        {
            Clear();
            _page = page;
            foreach (var block in syntax)
                if (block is not SectionBlock)
                    AddBlocks(block, TermScoring.Text);
            if (_blocks.Count > 0)
                _sections.Add(new Section("", default, 0, _blocks.Count, TakeLabels()));
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
                _sections.Add(new Section(section.Id, name, first, _blocks.Count - first, TakeLabels()));
            }
            return Keep(url, title);
        }

        /// <summary>The text as the record holds it, each range where <see cref="Decode"/> puts it again (a lone
        /// surrogate is one replacement character there, so nothing moves).</summary>
        private PageText Keep(string url, string title)
        {
            var record = _record ??= new ArrayBufferWriter<byte>(16 * 1024);
            var (blocks, sections, at) = (new Block[_blocks.Count], new Section[_sections.Count], 0);
            Range Write(Utf8JsonWriter json, Range range)
            {
                json.WriteStringValue(_chars.AsSpan(range.Start, range.Length));
                return new Range((at += range.Length) - range.Length, range.Length);
            }
            record.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(record, Json))
            {
                json.WriteStartObject();
                json.WriteString("url", url);
                json.WriteString("title", title);
                json.WriteStartArray("sections");
                for (var s = 0; s < sections.Length; s++)
                {
                    var section = _sections[s];
                    json.WriteStartArray();
                    json.WriteStringValue(section.Id);
                    sections[s] = section with { Heading = Write(json, section.Heading) };
                    if (section.Labels.Count > 0)
                    {
                        json.WriteStartArray();
                        foreach (var label in section.Labels)
                            json.WriteStringValue(label);
                        json.WriteEndArray();
                    }
                    json.WriteEndArray();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            var head = record.WrittenSpan.ToArray();
            // The sections' blocks as one array of arrays, kept without its brackets.
            record.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(record, Json))
            {
                json.WriteStartArray();
                for (var s = 0; s < sections.Length; s++)
                {
                    json.WriteStartArray();
                    for (var b = sections[s].FirstBlock; b < sections[s].FirstBlock + sections[s].BlockCount; b++)
                        blocks[b] = _blocks[b] with { Text = Write(json, _blocks[b].Text) };
                    json.WriteEndArray();
                    json.Flush();
                    sections[s] = sections[s] with { TextEnd = record.WrittenCount - 1 };
                }
                json.WriteEndArray();
            }
            var text = record.WrittenSpan[1..^1].ToArray();
            _raw.Clear();
            for (var b = 0; b < blocks.Length; b++)
            {
                var linked = _blocks[b].Linked;
                blocks[b] = blocks[b] with { Linked = new Range(at + _raw.Length, linked.Length) };
                _raw.Append(_chars.AsSpan(linked.Start, linked.Length));
            }
            return new PageText(head, text, Encoding.UTF8.GetBytes(_raw.ToString()), at + _raw.Length, blocks, sections);
        }

        private ArrayBufferWriter<byte>? _record;

        private void Clear()
        {
            (_length, _label) = (0, "");
            _blocks.Clear();
            _sections.Clear();
            _labels.Clear();
            _boxLabels.Clear();
        }

        private readonly List<string> _labels = []; // of the boxes that start in the section being read

        private IReadOnlyList<string> TakeLabels()
        {
            if (_labels.Count == 0)
                return [];
            string[] labels = [.. _labels];
            _labels.Clear();
            return labels;
        }

        private void AddBlocks(MarkdownBlock block, float weight)
        {
            switch (block)
            {
                case CustomContainer card:
                    var (outer, pending) = (_label, _boxLabels.Count);
                    if (UrgencyLevels.Card(card.Info)?.Label is { } label)
                    {
                        _label = outer + label + ": "; // taken by the box's first block
                        _boxLabels.Add(label);
                    }
                    foreach (var child in card)
                        AddBlocks(child, weight);
                    if (_label.Length > outer.Length)
                    {
                        _label = outer; // the box had no text
                        _boxLabels.RemoveRange(pending, _boxLabels.Count - pending);
                    }
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
            _labels.AddRange(_boxLabels);
            _boxLabels.Clear();
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
