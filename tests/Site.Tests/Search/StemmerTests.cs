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
    [InlineData("swollen", "swell")] // an irregular form: its word's stem (Stemmer.Forms), not Porter2's "swollen"
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

    /// <summary>Irregular forms meet their word: "it went away" finds "it goes away", "felt sick" finds "feel sick".</summary>
    [Theory]
    [InlineData("goes", "go")]
    [InlineData("went", "going")]
    [InlineData("felt", "feeling")]
    [InlineData("swollen", "swelling")]
    [InlineData("fell", "falling")]
    [InlineData("slept", "sleeps")]
    public void An_irregular_form_has_the_stem_of_its_word(string form, string word) => Assert.Equal(Stemmer.Stem(word), Stemmer.Stem(form));

    [Fact]
    public void Every_irregular_form_stems_as_its_word_and_no_word_is_a_form_of_another()
    {
        Assert.All(Stemmer.Forms, f => Assert.Equal(Stemmer.Stem(f.Value), Stemmer.Stem(f.Key)));
        // A form's word is a plain word, not itself a form: one step, so the browser's table needs no loop either.
        Assert.All(Stemmer.Forms.Values, w => Assert.False(Stemmer.Forms.ContainsKey(w), $"'{w}' is both a word and a form"));
    }

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
