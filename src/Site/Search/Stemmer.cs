using System.Collections.Concurrent;
using System.Collections.Frozen;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Site.Search;

/// <summary>
/// The Snowball English (Porter2) stemmer, as Lucene.NET keeps it: numbness, numbing, numb -> numb. The browser
/// stems with the same algorithm (npm snowball-stemmers, theme/assets/search/words.js), and
/// tests/Site.Tests/Search/WordsAndStemsParityTests.cs proves the two give the same stem for every word tried.
/// Before it, an irregular form that Porter2 leaves apart from its word is turned into that word ("felt" is "feel",
/// "goes" "go" rather than "goe", "swollen" "swell"), so a reader's "it went away" finds "it goes away".
/// </summary>
public static class Stemmer
{
    // A site has a few thousand distinct words, stemmed again on every page that uses them. The bound keeps a
    // preview that runs for days on changing text from growing without end; past it, words are stemmed each time.
    private const int CacheLimit = 200_000;

    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);
    private static int _cached; // Cache.Count would take every lock of the dictionary

    // Lucene's stemmer keeps the word it works on in the instance: one per thread, since pages are processed in parallel.
    [ThreadStatic] private static EnglishStemmer? _english;

    /// <summary>Irregular forms and their words, the same as theme/assets/search/words.js's. Only forms with one
    /// meaning here: not "left" (the side), "lay" or "drunk" (as in "walking drunk", a warning sign).</summary>
    public static readonly FrozenDictionary<string, string> Forms = new Dictionary<string, string>
    {
        ["goes"] = "go",
        ["went"] = "go",
        ["gone"] = "go",
        ["felt"] = "feel",
        ["slept"] = "sleep",
        ["woke"] = "wake",
        ["woken"] = "wake",
        ["told"] = "tell",
        ["said"] = "say",
        ["got"] = "get",
        ["gotten"] = "get",
        ["took"] = "take",
        ["taken"] = "take",
        ["gave"] = "give",
        ["given"] = "give",
        ["came"] = "come",
        ["made"] = "make",
        ["kept"] = "keep",
        ["thought"] = "think",
        ["stood"] = "stand",
        ["sat"] = "sit",
        ["ran"] = "run",
        ["drank"] = "drink",
        ["ate"] = "eat",
        ["eaten"] = "eat",
        ["bled"] = "bleed",
        ["swollen"] = "swell",
        ["froze"] = "freeze",
        ["frozen"] = "freeze",
        ["broke"] = "break",
        ["broken"] = "break",
        ["fell"] = "fall",
        ["fallen"] = "fall",
        ["wore"] = "wear",
        ["worn"] = "wear",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The stem of a lower-case word as <see cref="Words.Of"/> gives it ("bruising" -> "bruis").</summary>
    public static string Stem(string word)
    {
        if (Cache.TryGetValue(word, out var stem))
            return stem;
        var english = _english ??= new EnglishStemmer();
        english.SetCurrent(Forms.GetValueOrDefault(word, word));
        english.Stem();
        stem = english.Current;
        if (Volatile.Read(ref _cached) < CacheLimit && Cache.TryAdd(word, stem))
            Interlocked.Increment(ref _cached);
        return stem;
    }
}
