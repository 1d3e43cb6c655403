using Site.Search;

namespace Site.Tests.Search;

/// <summary>
/// <see cref="WordTable.Entries"/> splits and looks words up in one pass, by a fast path for ASCII and the rule in
/// full for anything else: it must give exactly the words <see cref="Words.Of"/> gives (which
/// <see cref="WordsTests"/> holds to the rule), each the one entry <see cref="WordTable.Of"/> keeps for it.
/// </summary>
public sealed class WordTableTests
{
    private static List<WordTable.Entry> Entries(string text)
    {
        var entries = new List<WordTable.Entry>();
        foreach (var entry in WordTable.Entries(text))
            entries.Add(entry);
        return entries;
    }

    [Theory]
    [InlineData("Don’t rub a SWOLLEN leg.")]
    [InlineData("‘Quoted’ words, and 'single' ones''")]
    [InlineData("Café, naïve, ÉCOLE, İstanbul, straße")]
    [InlineData("Call 999 or 111 — now!")]
    [InlineData("ache—café—ache é'ache' 'é")]
    [InlineData("''' x'' ''y DVT's")]
    [InlineData("")]
    public void Gives_the_words_the_rule_gives(string text) =>
        Assert.Equal(Words.Of(text), Entries(text).Select(e => e.Word));

    [Fact]
    public void Gives_the_words_of_any_mix_of_ascii_other_letters_apostrophes_and_marks()
    {
        foreach (var text in WordsTests.Mixes(20261202, 5000))
            Assert.True(Words.Of(text).SequenceEqual(Entries(text).Select(e => e.Word)), $"'{text}'");
    }

    [Fact]
    public void Keeps_one_entry_per_word_as_the_table_grows_and_for_words_longer_than_its_buffer()
    {
        // On a thread of its own, so the table starts empty and has to grow many times.
        var longWord = string.Concat(Enumerable.Repeat("AbCdEfGhIj", 30));
        var words = Enumerable.Range(0, 20_000).Select(i => $"w{i}x").Append(longWord.ToLowerInvariant()).ToList();
        string? failure = null;
        var thread = new Thread(() =>
        {
            var first = Entries(string.Join(' ', words.Select(w => w.ToUpperInvariant())));
            if (!first.Select(e => e.Word).SequenceEqual(words))
                failure = "the words differ";
            else if (Entries(string.Join(", ", words)).Where((e, i) => !ReferenceEquals(e, first[i])).Any())
                failure = "a word read again got another entry";
            else if (words.Where((w, i) => !ReferenceEquals(WordTable.Of(w), first[i])).Any())
                failure = "Of gives another entry than Entries";
            else if (Entries(longWord).Single() is var entry && entry.Word != words[^1])
                failure = "the long word differs";
        });
        thread.Start();
        thread.Join();
        Assert.Null(failure);
    }

    [Fact]
    public void Tells_stop_words_and_stems()
    {
        var entries = Entries("The BRUISING, and swollen");
        Assert.Equal([true, false, true, false], entries.Select(e => e.Stop));
        Assert.Equal(["the", "bruis", "and", Stemmer.Stem("swollen")], entries.Select(e => e.Stem));
        Assert.Equal(entries.Select(e => StemIds.Of(e.Stem)), entries.Select(e => e.StemId));
    }

    [Fact]
    public void Reads_at_most_a_few_slots_for_a_word_even_when_every_word_shares_one_hash()
    {
        // A page could be written so that its words share a hash: each is still found as itself, and the table keeps
        // no more of them than a lookup reads, so no lookup reads more.
        var table = new WordTable();
        var words = Enumerable.Range(0, 5_000).Select(i => $"clash{i}").ToList();
        foreach (var word in words)
            Assert.Equal(word, table.Find(word, 12345).Word);
        Assert.InRange(table.Count, 1, 32);
        Assert.Same(table.Find(words[0], 12345), table.Find(words[0], 12345));
        Assert.Equal(words[^1], table.Find(words[^1], 12345).Word);
    }
}
