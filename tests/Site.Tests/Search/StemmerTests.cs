using Site.Search;

namespace Site.Tests.Search;

/// <summary>
/// The stemmer is Snowball English (Porter2): each expected stem is the reference implementation's output (Snowball's
/// libstemmer 2.2.0), so the words a reader types meet the words the pages use.
/// </summary>
public sealed class StemmerTests
{
    [Theory]
    [InlineData("consign", "consign")]
    [InlineData("consigned", "consign")]
    [InlineData("consignment", "consign")]
    [InlineData("generously", "generous")]
    [InlineData("numb", "numb")]
    [InlineData("numbness", "numb")]
    [InlineData("numbing", "numb")]
    [InlineData("bruise", "bruis")]
    [InlineData("bruising", "bruis")]
    [InlineData("bruises", "bruis")]
    [InlineData("swollen", "swollen")]
    [InlineData("swelling", "swell")]
    [InlineData("massage", "massag")]
    [InlineData("massages", "massag")]
    [InlineData("aching", "ach")]
    [InlineData("tingling", "tingl")]
    [InlineData("painkillers", "painkil")]
    [InlineData("dvt's", "dvt")] // the possessive goes
    [InlineData("patients'", "patient")]
    [InlineData("don't", "don't")]
    [InlineData("skies", "sky")] // Porter2's exceptions
    [InlineData("dying", "die")]
    [InlineData("news", "news")]
    [InlineData("howe", "howe")]
    [InlineData("naysayers", "naysay")] // y after a vowel is a consonant, every time
    [InlineData("generate", "generat")] // gener-, commun-, arsen- keep their R1
    [InlineData("999", "999")]
    [InlineData("naïve", "naïv")]
    [InlineData("a", "a")]
    public void Stems_as_snowball_english(string word, string stem) => Assert.Equal(stem, Stemmer.Stem(word));

    [Fact]
    public void Stems_fresh_words_from_many_threads_at_once()
    {
        // Pages are processed in parallel: 50,000 words not yet cached, stemmed side by side, each get their own stem.
        // A digit before the suffix stops every later step, so "swell12ing" stems to "swell12".
        string[] suffixes = ["ing", "ness", "s", "ed", "ingly"];
        var words = Enumerable.Range(0, 50_000).Select(i => (Word: $"swell{i}{suffixes[i % suffixes.Length]}", Stem: $"swell{i}")).ToList();
        var stems = words.AsParallel().WithDegreeOfParallelism(8).Select(w => (w.Stem, Got: Stemmer.Stem(w.Word))).ToList();
        Assert.All(stems, s => Assert.Equal(s.Stem, s.Got));
    }
}
