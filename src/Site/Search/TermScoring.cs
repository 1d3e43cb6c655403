namespace Site.Search;

/// <summary>
/// How a page scores for each of its words, the part of ranking that needs only the page itself (the browser adds
/// the word's rarity across the site, then sums over the query's words). Where a word stands counts: in the title
/// most, then the description, then a heading, then the text. The sections every page must have (Pressure
/// feedback, When to worry, with the warning signs the build puts in them) count a quarter, so the page that is
/// about a thing outranks the pages that repeat it in passing; so does a block of text copied from the page that
/// is its home (<see cref="ScorePages"/>).
/// </summary>
public static class TermScoring
{
    public const float Heading = 2f;
    public const float Text = 1f;
    public const float SharedSection = 0.25f;
    public const float CopiedBlock = 0.25f; // see ScorePages

    /// <summary>The home page's text sums up the other pages: the page about a thing outranks its summary there.</summary>
    public const float HomePage = 0.5f;

    private const float InDescription = 1f;

    // More than the body (at most K1 + 1) and the description together can reach: the page is about the word, and
    // a score of at least TitleScore (in hundredths) tells the browser the word is in the title.
    private const float InTitle = K1 + 1 + InDescription;

    /// <summary>The least score of a word in the page's title; no word outside it scores as much.</summary>
    public const int TitleScore = (int)(100 * (K1 + 1 + InDescription));

    // BM25's saturation and length normalisation, against a fixed typical page length rather than the site's
    // average, so that a page's scores depend on that page alone and stay the same when other pages change.
    private const float K1 = 1.2f, B = 0.75f, TypicalLength = 300f;


    /// <summary>The score of a word with body weight <paramref name="weight"/> (the sum of the places it stands, by
    /// the weights above) on a page of <paramref name="length"/> words, as hundredths.</summary>
    public static int Score(float weight, int length, bool inTitle, bool inDescription)
    {
        // The length in steps of 50 words: a small edit mostly keeps every score of the page, so the preview
        // rewrites only the search data of the words it changed.
        var norm = 1 - B + B * Math.Max(50, (length + 25) / 50 * 50) / TypicalLength;
        var body = weight <= 0 ? 0 : weight * (K1 + 1) / (weight + K1 * norm);
        return Math.Max(1, (int)MathF.Round(100 * (body + (inTitle ? InTitle : 0) + (inDescription ? InDescription : 0))));
    }
}
