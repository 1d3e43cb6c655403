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
    public readonly record struct Scored(int StemId, int Score, bool Own)
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
        // Counted first, then listed only where copied: most blocks stand on one page.
        var counts = new Dictionary<ulong, int>();
        var seen = new HashSet<ulong>();
        for (var n = 0; n < pages.Count; n++)
        {
            seen.Clear();
            foreach (var block in pages[n].Blocks)
                if (seen.Add(block.Hash))
                    counts[block.Hash] = counts.GetValueOrDefault(block.Hash) + 1;
        }
        var lists = new Dictionary<ulong, List<int>>();
        for (var n = 0; n < pages.Count; n++)
        {
            seen.Clear();
            foreach (var block in pages[n].Blocks)
                if (counts[block.Hash] > 1 && seen.Add(block.Hash))
                    (lists.TryGetValue(block.Hash, out var list) ? list : lists[block.Hash] = []).Add(n);
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

    [ThreadStatic] private static StemSlots? _slots;
    [ThreadStatic] private static List<(int Stem, float Weight, bool Own)>? _words;

    /// <summary>Page number <paramref name="n"/>'s scored words, in the order they first stand on the page.</summary>
    public static Scored[] Of(PageSearch search, int n, Copies copies)
    {
        var copied = new bool[search.Blocks.Count];
        for (var b = 0; b < copied.Length; b++)
            copied[b] = copies.IsCopy(search.Blocks[b].Hash, n);
        // By stem number: every word place of every page comes through here.
        var (slots, words) = (_slots ??= new StemSlots(), _words ??= []);
        var scope = slots.NewScope();
        words.Clear();
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
        var (title, description) = (search.Title, search.Description);
        foreach (var stem in title.Concat(description))
            Add(stem, 0, true);
        var scored = new Scored[words.Count];
        for (var i = 0; i < scored.Length; i++)
        {
            var (stem, weight, own) = words[i];
            scored[i] = new Scored(stem, TermScoring.Score(weight, search.Length, title.Contains(stem), description.Contains(stem)), own);
        }
        return scored;
    }
}
