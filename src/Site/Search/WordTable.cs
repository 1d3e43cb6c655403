namespace Site.Search;

/// <summary>
/// What search needs of a word, worked out once per thread rather than at every use: the word as a string, whether
/// it is a stop word, and its stem and the stem's number. A site has some thousands of distinct words, used
/// millions of times at 10,000 pages; looking a word up by its span allocates nothing.
/// </summary>
public sealed class WordTable
{
    /// <summary>What search keeps of a word.</summary>
    public sealed class Entry(string word, bool stop, string stem, int stemId)
    {
        public string Word { get; } = word;

        /// <summary>FNV-1a of the word and a space: stable from build to build and machine to machine, so a block's
        /// words can be hashed word by word (<see cref="HashWord"/>).</summary>
        public ulong Hash { get; } = FnvOf(word);
        public bool Stop { get; } = stop;
        public string Stem { get; } = stem;
        public int StemId { get; } = stemId;

        /// <summary>The last text (<see cref="NewText"/>) the word was seen in on this thread: a page asks once per word.</summary>
        public int SeenIn { get; set; }
    }

    /// <summary>The start of a hash of a run of words.</summary>
    public const ulong HashStart = 14695981039346656037UL;

    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>A run of words' hash with one more word: the same words in the same order give the same hash.</summary>
    public static ulong HashWord(ulong hash, Entry word) => (hash ^ word.Hash) * FnvPrime;

    private static ulong FnvOf(string word)
    {
        var hash = HashStart;
        foreach (var c in word)
            hash = (hash ^ c) * FnvPrime;
        return (hash ^ ' ') * FnvPrime;
    }

    /// <summary>A number for a new text on this thread, for <see cref="Entry.SeenIn"/>.</summary>
    public static int NewText() => ++(_current ??= new WordTable())._texts;

    private int _texts;

    // The bound keeps a preview that runs for days on changing text from growing without end; past it, words are
    // worked out each time.
    private const int Limit = 100_000;

    [ThreadStatic] private static WordTable? _current;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    private WordTable() => _bySpan = _entries.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The entry of a lower-case word as <see cref="Words.Spans"/> gives it.</summary>
    public static Entry Of(ReadOnlySpan<char> word)
    {
        var table = _current ??= new WordTable();
        if (table._bySpan.TryGetValue(word, out var entry))
            return entry;
        var text = word.ToString();
        var stem = Stemmer.Stem(text);
        entry = new Entry(text, Words.StopWords.Contains(text), stem, StemIds.Of(stem));
        if (table._entries.Count < Limit)
            table._entries[text] = entry;
        return entry;
    }
}
