using System.Collections.Frozen;
using System.Text;

namespace Site.Search;

/// <summary>
/// How search splits text into words, the same at build time and in the browser (<c>words</c> in
/// theme/assets/search/words.js; tests/Site.Tests/Search/WordsAndStemsParityTests.cs proves them equal). The rule
/// is kept simple so both sides can follow it exactly: lower-case (invariant culture), turn ’ and ‘ into ', take
/// each maximal run of Unicode letters, decimal digits and apostrophes, trim apostrophes at its ends, drop empty
/// runs. Numbers stay words ("999"); "don't" and "dvt's" stay whole (the stemmer drops the 's); a hyphen splits.
/// </summary>
public static class Words
{
    /// <summary>The lower-cased words of <paramref name="text"/>, in order, repeats kept.</summary>
    public static List<string> Of(string text)
    {
        var lower = text.ToLowerInvariant().Replace('’', '\'').Replace('‘', '\'');
        var words = new List<string>();
        var start = -1; // where the current run began, or -1 between runs
        for (var i = 0; i <= lower.Length;)
        {
            // By code point, not UTF-16 unit, as the browser's /[\p{L}\p{Nd}']+/u does: letters beyond the BMP count too.
            var length = 1;
            var inWord = i < lower.Length && Rune.DecodeFromUtf16(lower.AsSpan(i), out var rune, out length) == System.Buffers.OperationStatus.Done
                && (Rune.IsLetter(rune) || Rune.IsDigit(rune) || rune.Value == '\'');
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                var word = lower.AsSpan(start, i - start).Trim('\'');
                if (!word.IsEmpty)
                    words.Add(word.ToString());
                start = -1;
            }
            i += length;
        }
        return words;
    }

    /// <summary>
    /// Words too common to search for, and the words of a question ("how", "will", "should"), which would otherwise
    /// decide between pages that both answer it. This is the one list: the build hands it to the browser in the search data,
    /// so the browser keeps no copy of its own.
    /// </summary>
    public static IReadOnlySet<string> StopWords { get; } =
        ("a am an and are as at be been being by can could did do does for from had has have how i if in is it its me my"
         + " of on or our so should than that the their them then there these they this those to us was we what when where"
         + " which while who why will with would you your")
            .Split(' ').ToFrozenSet(StringComparer.Ordinal);
}
