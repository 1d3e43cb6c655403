using Site.Content;
using Site.Pipelines;

namespace Site.Search;

/// <summary>
/// Makes what search knows of each page from the text and result record the content pass kept
/// (<see cref="PageText"/>): where each of its stemmed words stands, by <see cref="TermScoring"/>'s weights. Done
/// page by page beside the pages' rendering, so no page waits for it. A page the last build's search data has,
/// unchanged, keeps what it had.
/// </summary>
public sealed class ExtractPageSearch : DocumentModule
{
    /// <summary>The sections every page has, whose words count less (<see cref="TermScoring.SharedSection"/>).</summary>
    public static readonly IReadOnlySet<string> SharedSections = CheckRequiredSections.Required.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
    private IReadOnlySet<string> _synonymWords = new HashSet<string>();

    public override IReadOnlyList<IProduct> Reads => [Products.Synonyms];

    public override void Prepare(IReadOnlyList<Document> documents, BuildContext context) =>
        _synonymWords = context.Get(Products.Synonyms).TargetWords;

    public override void Process(Document document, BuildContext context)
    {
        if (document.Search != null || document.Page is not { SearchText: { } text, FrontMatter: { } front } page)
            return;
        var used = new HashSet<string>(StringComparer.Ordinal);
        var (words, sections, blocks, length) = Places(text, used, page.IsHome ? TermScoring.HomePage : 1f);
        // The home page's title names the whole site, so it counts as a description does.
        var (title, description) = (Stems(front.Title, used), Stems(front.Description, used));
        if (page.IsHome)
            (title, description) = ([], [.. title.Union(description)]);
        document.Search = new PageSearch(page, words, sections, blocks, title, description, length, used);
    }

    /// <summary>A block of at least this many words that stands on two pages is taken as copied.</summary>
    public const int CopiedBlockWords = 5;

    /// <summary>The sections a result can link to by the words in their blocks (<see cref="PageSearch.Sections"/>):
    /// the first so many of a page, far more than a guidance page has, so that a stem's sections fit in an int;
    /// later ones by their headings' words only.</summary>
    public const int MaskedSections = 31;

    // Per thread: a stem's place in the current block, and in the page's text outside blocks, shared or not; and
    // the bits of the sections the stem stands in on the page.
    [ThreadStatic] private static (StemSlots Block, StemSlots Shared, StemSlots Loose, StemSlots Sections)? _slots;
    [ThreadStatic] private static List<(int Stem, float Weight, short Block, bool Shared)>? _places; // summed as floats, kept as WordPlace
    [ThreadStatic] private static List<WordTable.Entry>? _words;
    [ThreadStatic] private static List<int>? _sections;

    private (WordPlace[], int[], TextBlock[], int) Places(PageText text, HashSet<string> used, float pageFactor)
    {
        var all = _places ??= [];
        all.Clear();
        var blocks = new List<TextBlock>();
        // One place per stem and block; words outside a block that may be copied share one place per stem for the
        // whole page (and per kind of section).
        var slots = _slots ??= (new StemSlots(), new StemSlots(), new StemSlots(), new StemSlots());
        var (sharedScope, looseScope, sectionsScope) = (slots.Shared.NewScope(), slots.Loose.NewScope(), slots.Sections.NewScope());
        var words = _words ??= [];
        var links = new Dictionary<string, int>(StringComparer.Ordinal);
        var length = 0;
        var page = WordTable.NewText();
        // `section` is the bit of the section whose blocks the text is (0 for a heading, which the browser reads in
        // the record's head, and past MaskedSections).
        void Add(ReadOnlySpan<char> block, float weight, bool shared, bool isBlock, ReadOnlySpan<char> linked, int section)
        {
            words.Clear();
            var hash = WordTable.HashStart;
            foreach (var entry in WordTable.Entries(block))
            {
                words.Add(entry);
                hash = WordTable.HashWord(hash, entry);
            }
            var index = isBlock && !shared && words.Count >= CopiedBlockWords && blocks.Count < short.MaxValue ? (short)blocks.Count : (short)-1;
            if (index >= 0)
                blocks.Add(new TextBlock(hash, words.Count));
            // A link's words name the page it leads to ("Is it normal to feel sore after a massage?"): they are that
            // page's, and count here as copied text.
            links.Clear();
            foreach (var entry in WordTable.Entries(linked))
            {
                var word = entry.Word;
                links[word] = links.GetValueOrDefault(word) + 1;
            }
            var (places, scope) = index >= 0 ? (slots.Block, slots.Block.NewScope()) : shared ? (slots.Shared, sharedScope) : (slots.Loose, looseScope);
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
                // Every stem gets its bits here, a heading's with none, so that the list made of them below has one
                // for each stem of the page's places, in their order.
                slots.Sections.Set(entry.StemId, sectionsScope, (slots.Sections.TryGet(entry.StemId, sectionsScope, out var had) ? had : 0) | section);
                var inLink = links.Count > 0 && links.TryGetValue(entry.Word, out var left) && left > 0;
                if (inLink)
                    links[entry.Word] -= 1;
                var w = inLink ? weight * TermScoring.CopiedBlock : weight;
                length += shared || inLink ? 0 : 1;
                if (places.TryGet(entry.StemId, scope, out var i))
                    all[i] = all[i] with { Weight = all[i].Weight + w };
                else
                {
                    places.Set(entry.StemId, scope, all.Count);
                    all.Add((entry.StemId, w, index, shared));
                }
            }
        }
        for (var s = 0; s < text.Sections.Count; s++)
        {
            var section = text.Sections[s];
            var shared = SharedSections.Contains(section.Id);
            var factor = (shared ? TermScoring.SharedSection : 1f) * pageFactor;
            var bit = s < MaskedSections ? 1 << s : 0;
            Add(text[section.Heading], TermScoring.Heading * factor, shared, isBlock: false, [], 0);
            for (var b = section.FirstBlock; b < section.FirstBlock + section.BlockCount; b++)
            {
                var block = text.Blocks[b];
                Add(text[block.Text], block.Weight * factor, shared, isBlock: true, text[block.Linked], bit);
            }
        }
        var kept = new WordPlace[all.Count];
        for (var i = 0; i < kept.Length; i++)
            kept[i] = new WordPlace(all[i].Stem, all[i].Weight, all[i].Block, all[i].Shared);
        // Each stem's sections, in the order it first stands on the page: the order of its first place.
        var sections = _sections ??= [];
        sections.Clear();
        foreach (var place in all)
        {
            if (!slots.Sections.TryGet(place.Stem, sectionsScope, out var bits) || bits < 0)
                continue;
            sections.Add(bits);
            slots.Sections.Set(place.Stem, sectionsScope, -1); // taken: bits use 31 of an int's 32
        }
        return (kept, [.. sections], [.. blocks], length);
    }

    /// <summary>The distinct stems of a title or description, by number.</summary>
    private int[] Stems(string text, HashSet<string> used)
    {
        var stems = new List<int>();
        foreach (var entry in WordTable.Entries(text))
        {
            if (_synonymWords.Contains(entry.Word))
                used.Add(entry.Word);
            if (!entry.Stop && !stems.Contains(entry.StemId))
                stems.Add(entry.StemId);
        }
        return [.. stems];
    }
}
