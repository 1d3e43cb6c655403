using Site.Model;

namespace Site.Search;

/// <summary>
/// What search knows of one page (<see cref="ExtractPageSearch"/>): where each of its stemmed words stands, block
/// by block, so that the search data can tell text the page shares with other pages from its own before it scores
/// the words (<see cref="ScorePages"/>). Arrays, not lists: the index reads every place of every page.
/// </summary>
/// <param name="Page">The page it was made of, with its text and result record (<see cref="Model.Page.SearchText"/>):
/// the same page the next build reuses keeps this too.</param>
/// <param name="Words">Each place a stem stands, with its weight there (<see cref="TermScoring"/>).</param>
/// <param name="Sections">For each stem of <paramref name="Words"/>, in the order its first place stands there, the
/// sections whose blocks it stands in, bit s for section s (of the first <see cref="ExtractPageSearch.MaskedSections"/>):
/// the browser picks the section a result shows by them and by the headings, without fetching the others' blocks.</param>
/// <param name="Blocks">The page's blocks of text long enough to be copies of another page's, by the hash of their words.</param>
/// <param name="Title">The stems of the title, by number (<see cref="StemIds"/>).</param>
/// <param name="Description">The stems of the description, by number.</param>
/// <param name="Length">The number of words outside the sections every page has.</param>
/// <param name="SynonymWords">The words of the synonym list's targets that the page uses, to warn of synonyms no page uses.</param>
public sealed record PageSearch(
    Page Page,
    WordPlace[] Words,
    int[] Sections,
    TextBlock[] Blocks,
    int[] Title,
    int[] Description,
    int Length,
    IReadOnlySet<string> SynonymWords);

/// <summary>Where a stem stands on a page, with its weight there. Eight bytes (the stem by number, the weight as a
/// half): every page keeps hundreds of these for the whole build.</summary>
public readonly struct WordPlace(int stem, float weight, short block, bool shared)
{
    private readonly int _stem = stem;
    private readonly Half _weight = (Half)weight;
    private readonly short _block = shared ? (short)-2 : block; // the shared sections hold no block that may be copied

    public string Stem => StemIds.Name(_stem);

    /// <summary>The stem's number (<see cref="StemIds"/>).</summary>
    public int StemId => _stem;

    public float Weight => (float)_weight;

    /// <summary>The index in <see cref="PageSearch.Blocks"/> of the block it stands in, or -1 (a heading, a short block).</summary>
    public short Block => _block < 0 ? (short)-1 : _block;

    /// <summary>Whether it stands in one of the sections every page has.</summary>
    public bool Shared => _block == -2;
}

/// <param name="Hash">Of the block's words in order, lower-cased: the same text on two pages has the same hash.</param>
/// <param name="Words">How many words it has.</param>
public readonly record struct TextBlock(ulong Hash, int Words);
