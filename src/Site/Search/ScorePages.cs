using System.Runtime.InteropServices;

namespace Site.Search;

/// <summary>
/// Scores each page's words for the search data (<see cref="TermScoring"/>), once it is known which text pages
/// copy from one another. A block of text that stands on several pages (a box of warning signs, a paragraph)
/// counts in full only on its home, the page that is about it, and <see cref="TermScoring.CopiedBlock"/> on the
/// others, so a copy never outranks the page it summarises. The home is the source the others copy from: the page
/// with the most copied blocks, then the one whose text they make up the most of.
/// </summary>
public static class ScorePages
{
    /// <param name="Own">Whether the word stands on the page outside copied blocks and the sections every page has:
    /// such pages are the ones counted to tell how rare a word is.</param>
    /// <param name="Sections">The sections of the page it stands in (<see cref="PageSearch.Sections"/>).</param>
    public readonly record struct Scored(int StemId, int Score, bool Own, int Sections)
    {
        public string Term => StemIds.Name(StemId);
    }

    /// <summary>How many pages each block stands on; for each block on more than one, those pages (by number) and its home.</summary>
    public sealed record Copies(IReadOnlyDictionary<ulong, int> Pages, IReadOnlyDictionary<ulong, int[]> Copied, IReadOnlyDictionary<ulong, int> Homes)
    {
        public bool IsCopy(ulong hash, int page) => Homes.TryGetValue(hash, out var home) && home != page;
    }

    public static Copies Find(IReadOnlyList<PageSearch> pages)
    {
        // One pass: each block's count, and the pages of those on more than one (most blocks stand on one page, so
        // they get no list). A block is counted once per page, by the last page that counted it.
        var counts = new Dictionary<ulong, int>();
        var last = new Dictionary<ulong, int>();
        var lists = new Dictionary<ulong, List<int>>();
        for (var n = 0; n < pages.Count; n++)
        {
            foreach (var block in pages[n].Blocks)
            {
                ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, block.Hash, out var seen);
                ref var page = ref CollectionsMarshal.GetValueRefOrAddDefault(last, block.Hash, out _);
                if (seen && page == n)
                    continue;
                if (seen)
                    (CollectionsMarshal.GetValueRefOrAddDefault(lists, block.Hash, out _) ??= [page]).Add(n);
                (count, page) = (count + 1, n);
            }
        }
        var copied = lists.ToDictionary(h => h.Key, h => h.Value.ToArray());
        return new Copies(counts, copied, Homes(pages, counts, copied, copied.Keys));
    }

    /// <summary>The home of each of these copied blocks: the page with the most copied blocks, then the one whose
    /// text they make up the most of, then the first.</summary>
    public static Dictionary<ulong, int> Homes(IReadOnlyList<PageSearch> pages, IReadOnlyDictionary<ulong, int> counts,
        IReadOnlyDictionary<ulong, int[]> copied, IEnumerable<ulong> blocks)
    {
        var claims = new Dictionary<int, (int, float)>();
        (int, float) Claim(int n)
        {
            if (claims.TryGetValue(n, out var claim))
                return claim;
            var search = pages[n];
            var shared = search.Blocks.Where(b => counts[b.Hash] > 1).ToList();
            return claims[n] = (shared.Select(b => b.Hash).Distinct().Count(), (float)shared.Sum(b => b.Words) / Math.Max(search.Length, 1));
        }
        return blocks.ToDictionary(h => h, h => copied[h].MaxBy(Claim));
    }

    [ThreadStatic] private static (StemSlots Words, StemSlots Heads)? _slots;
    [ThreadStatic] private static List<(int Stem, float Weight, bool Own)>? _words;

    // Where a stem stands in the title or description (StemSlots' values): looked up once per word, not searched for.
    private const int InTitle = 1, InDescription = 2;

    /// <summary>Page number <paramref name="n"/>'s scored words, in the order they first stand on the page.</summary>
    public static Scored[] Of(PageSearch search, int n, Copies copies)
    {
        var blocks = search.Blocks;
        var copied = blocks.Length <= 256 ? stackalloc bool[blocks.Length] : new bool[blocks.Length];
        for (var b = 0; b < copied.Length; b++)
            copied[b] = copies.IsCopy(blocks[b].Hash, n);
        // By stem number: every word place of every page comes through here.
        var (slots, heads) = _slots ??= (new StemSlots(), new StemSlots());
        var words = _words ??= [];
        var (scope, headScope) = (slots.NewScope(), heads.NewScope());
        words.Clear();
        foreach (var stem in search.Title)
            heads.Set(stem, headScope, InTitle);
        foreach (var stem in search.Description)
            heads.Set(stem, headScope, (heads.TryGet(stem, headScope, out var at) ? at : 0) | InDescription);
        void Add(int stem, float weight, bool own)
        {
            if (slots.TryGet(stem, scope, out var i))
                words[i] = (stem, words[i].Weight + weight, words[i].Own || own);
            else
            {
                slots.Set(stem, scope, words.Count);
                words.Add((stem, weight, own));
            }
        }
        foreach (var place in search.Words)
        {
            var isCopy = place.Block >= 0 && copied[place.Block];
            Add(place.StemId, place.Weight * (isCopy ? TermScoring.CopiedBlock : 1), !isCopy && !place.Shared);
        }
        foreach (var stem in search.Title)
            Add(stem, 0, true);
        foreach (var stem in search.Description)
            Add(stem, 0, true);
        var scored = new Scored[words.Count];
        for (var i = 0; i < scored.Length; i++)
        {
            var (stem, weight, own) = words[i];
            var head = heads.TryGet(stem, headScope, out var h) ? h : 0;
            // The stems of Sections are the first of `words`, in the same order: the order each first stands on the page.
            var sections = i < search.Sections.Length ? search.Sections[i] : 0;
            scored[i] = new Scored(stem, TermScoring.Score(weight, search.Length, (head & InTitle) != 0, (head & InDescription) != 0), own, sections);
        }
        return scored;
    }
}
