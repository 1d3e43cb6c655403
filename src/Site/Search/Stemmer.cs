using System.Collections.Concurrent;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Site.Search;

/// <summary>
/// The Snowball English (Porter2) stemmer, as Lucene.NET keeps it: numbness, numbing, numb -> numb. The browser
/// stems with the same algorithm (npm snowball-stemmers, theme/assets/search/words.js), and
/// tests/Site.Tests/Search/WordsAndStemsParityTests.cs proves the two give the same stem for every word tried.
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

    /// <summary>The stem of a lower-case word as <see cref="Words.Of"/> gives it ("bruising" -> "bruis").</summary>
    public static string Stem(string word)
    {
        if (Cache.TryGetValue(word, out var stem))
            return stem;
        var english = _english ??= new EnglishStemmer();
        english.SetCurrent(word);
        english.Stem();
        stem = english.Current;
        if (Volatile.Read(ref _cached) < CacheLimit && Cache.TryAdd(word, stem))
            Interlocked.Increment(ref _cached);
        return stem;
    }
}
