using System.Text;
using Site.Search;

namespace Site.Tests.Search;

/// <summary>
/// <see cref="Words.Spans"/> walks text a stretch of ASCII at a time, for speed; it must split exactly as the rule
/// says (lower-case, ’ and ‘ as ', runs of letters, digits and apostrophes by code point, apostrophes trimmed), which
/// <see cref="Reference"/> follows character by character. The browser's words.js is held to the same rule by
/// <see cref="WordsAndStemsParityTests"/>.
/// </summary>
public sealed class WordsTests
{
    /// <summary>The rule, written plainly: the whole text lower-cased, then walked one code point at a time.</summary>
    private static List<(string, int)> Reference(string text)
    {
        var lower = text.ToLowerInvariant().Replace('’', '\'').Replace('‘', '\'');
        var words = new List<(string, int)>();
        var start = -1;
        for (var i = 0; i <= lower.Length;)
        {
            var length = 1;
            var inWord = i < lower.Length && Rune.DecodeFromUtf16(lower.AsSpan(i), out var rune, out length) == System.Buffers.OperationStatus.Done
                && (Rune.IsLetter(rune) || Rune.IsDigit(rune) || rune.Value == '\'');
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                var run = lower.AsSpan(start, i - start);
                var word = run.TrimStart('\'');
                var at = start + run.Length - word.Length;
                if (!word.TrimEnd('\'').IsEmpty)
                    words.Add((word.TrimEnd('\'').ToString(), at));
                start = -1;
            }
            i += length;
        }
        return words;
    }

    [Theory]
    [InlineData("Don’t rub a SWOLLEN leg.")]
    [InlineData("‘Quoted’ words, and 'single' ones''")]
    [InlineData("Café, naïve, ÉCOLE, İstanbul, straße")]
    [InlineData("Call 999 or 111 — now!")]
    [InlineData("𝔘𝔫𝔦𝔠𝔬𝔡𝔢 letters beyond the BMP, and an emoji 😀 between")]
    [InlineData("a-b_c/d\te\nf")]
    [InlineData("'' ' ’’ ‘")]
    [InlineData("DVT’s")]
    [InlineData("")]
    [InlineData("x")]
    public void Splits_as_the_rule_says(string text)
    {
        Assert.Equal(Reference(text), Words.At(text));
        Assert.Equal(Reference(text).Select(w => w.Item1), Words.Of(text));
    }

    /// <summary>Texts of pieces that meet at every kind of boundary: ASCII and not, letters, digits, apostrophes, a
    /// lone surrogate.</summary>
    public static IEnumerable<string> Mixes(int seed, int count)
    {
        string[] pieces = ["a", "Z", "9", "'", "’", "‘", " ", "-", "é", "Ö", "ß", "日", "𝔘", "😀", "\u0301", "\ud800", "—", "\n", "Twenty-sixLettersAndTenDigitsABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"];
        var random = new Random(seed);
        for (var n = 0; n < count; n++)
            yield return string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
    }

    [Fact]
    public void Splits_any_mix_of_ascii_other_letters_apostrophes_and_marks_as_the_rule_says()
    {
        foreach (var text in Mixes(20261201, 5000))
            Assert.True(Reference(text).SequenceEqual(Words.At(text)), $"'{text}'");
    }

    [Fact]
    public void Splits_words_longer_than_its_first_buffer_on_a_thread_that_has_read_none_yet()
    {
        var ascii = string.Concat(Enumerable.Repeat("AbCdEfGhIj", 30));
        string[] texts = [ascii, $"x {ascii}é{ascii} y", $"'{ascii}' {ascii}"];
        var results = new List<string>[texts.Length];
        var thread = new Thread(() =>
        {
            for (var i = 0; i < texts.Length; i++)
                results[i] = Words.Of(texts[i]);
        });
        thread.Start();
        thread.Join();
        for (var i = 0; i < texts.Length; i++)
            Assert.Equal(Reference(texts[i]).Select(w => w.Item1), results[i]);
    }
}
