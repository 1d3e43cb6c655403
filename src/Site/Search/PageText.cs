using System.Buffers;
using System.Text;
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
/// runs of spaces as one space, and with the text of its links to other pages. All of it stands in one buffer that
/// each thread reuses from page to page: every word of every page is read from here, and no block needs a string.
/// </summary>
public sealed class PageText
{
    /// <summary>Where a piece of text stands in the buffer.</summary>
    public readonly record struct Range(int Start, int Length);

    /// <param name="Linked">The text of its links to other pages (not made plain: only its words are read).</param>
    public readonly record struct Block(Range Text, float Weight, Range Linked);

    /// <param name="Blocks">Its blocks' place in <see cref="Blocks"/>.</param>
    public readonly record struct Section(string Id, Range Heading, int FirstBlock, int BlockCount);

    [ThreadStatic] private static PageText? _current;

    private static readonly SearchValues<char> OtherSpaces = SearchValues.Create("\n\r\t");

    private char[] _chars = new char[16 * 1024];
    private int _length;
    private readonly StringBuilder _raw = new();
    private readonly StringBuilder _linked = new();
    private readonly List<Block> _blocks = [];
    private readonly List<Section> _sections = [];
    private string _label = ""; // a box's label, for the first block of the box
    private string _page = "";

    public IReadOnlyList<Section> Sections => _sections;

    public IReadOnlyList<Block> Blocks => _blocks;

    public ReadOnlySpan<char> this[Range range] => _chars.AsSpan(range.Start, range.Length);

    /// <summary>The page's text, in this thread's buffer: valid until the thread reads the next page.</summary>
    /// <param name="page">The page's input path, which its links are relative to.</param>
    public static PageText Read(MarkdownDocument syntax, string page)
    {
        var text = _current ??= new PageText();
        text.Clear();
        text._page = page;
        foreach (var block in syntax)
            if (block is not SectionBlock)
                text.AddBlocks(block, TermScoring.Text);
        if (text._blocks.Count > 0)
            text._sections.Add(new Section("", default, 0, text._blocks.Count));
        foreach (var block in syntax)
        {
            if (block is not SectionBlock section)
                continue;
            text._raw.Clear();
            if (section.Heading.Inline is { } heading)
                PlainText.Append(heading, text._raw);
            var (name, first) = (text.Append(text._raw), text._blocks.Count);
            foreach (var child in section.Skip(1))
                text.AddBlocks(child, TermScoring.Text);
            text._sections.Add(new Section(section.Id, name, first, text._blocks.Count - first));
        }
        return text;
    }

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
