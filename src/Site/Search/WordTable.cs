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

    // Open addressing by a hash made while the word is split (FNV-1a of its characters), so a word is read once.
    private Entry?[] _slots = new Entry?[4096];
    private uint[] _hashes = new uint[4096];
    private int _count;
    private char[] _scratch = new char[64]; // the word being read, lower-cased

    /// <summary>One per thread (<see cref="Of"/>, <see cref="Entries"/>); a test may make one of its own.</summary>
    internal WordTable()
    {
    }

    /// <summary>The entry of a lower-case word as <see cref="Words.Spans"/> gives it.</summary>
    public static Entry Of(ReadOnlySpan<char> word) => (_current ??= new WordTable()).Find(word, Hash(word));

    /// <summary>The entries of a text's words in order: the words <see cref="Words.Spans"/> gives, each as
    /// <see cref="Of"/> gives it, in one pass (an ASCII word is lower-cased and hashed as it is split). Every page's
    /// every word is read through this.</summary>
    public static EntryReader Entries(ReadOnlySpan<char> text) => new(text, _current ??= new WordTable());

    private const uint HashSeed = 2166136261;

    private static uint Step(uint hash, char c) => (hash ^ c) * 16777619;

    private static uint Hash(ReadOnlySpan<char> word)
    {
        var hash = HashSeed;
        foreach (var c in word)
            hash = Step(hash, c);
        return hash;
    }

    // A word is kept at most this many slots from where its hash puts it, so a lookup reads at most this many, even
    // when a page's words are made to share a hash (a pull request is untrusted input): past it, a word is worked
    // out each time it is read, as past the limit.
    private const int MaxProbes = 32;

    /// <summary>How many words the table keeps.</summary>
    internal int Count => _count;

    internal Entry Find(ReadOnlySpan<char> word, uint hash)
    {
        var mask = _slots.Length - 1;
        var at = (int)(Mix(hash) & mask);
        for (var probe = 0; probe < MaxProbes; probe++, at = (at + 1) & mask)
        {
            var entry = _slots[at];
            if (entry == null)
                break;
            if (_hashes[at] == hash && entry.Word.AsSpan().SequenceEqual(word))
                return entry;
        }
        var text = word.ToString();
        var stem = Stemmer.Stem(text);
        var made = new Entry(text, Words.StopWords.Contains(text), stem, StemIds.Of(stem));
        if (_count < Limit)
            Insert(made, hash);
        return made;
    }

    private void Insert(Entry entry, uint hash)
    {
        if (2 * (_count + 1) > _slots.Length) // at most half full, so a miss ends soon
        {
            var (slots, hashes) = (_slots, _hashes);
            (_slots, _hashes, _count) = (new Entry?[slots.Length * 2], new uint[slots.Length * 2], 0);
            for (var i = 0; i < slots.Length; i++)
                if (slots[i] is { } kept)
                    Insert(kept, hashes[i]);
        }
        var mask = _slots.Length - 1;
        var at = (int)(Mix(hash) & mask);
        for (var probe = 0; _slots[at] != null; probe++, at = (at + 1) & mask)
            if (probe == MaxProbes - 1)
                return; // too far from its place: not kept
        (_slots[at], _hashes[at]) = (entry, hash);
        _count++;
    }

    // FNV's low bits alone spread short words poorly over a table indexed by them.
    private static uint Mix(uint hash)
    {
        hash ^= hash >> 16;
        hash *= 0x7feb352d;
        return hash ^ (hash >> 15);
    }

    /// <summary>Walks a text's words as entries (see <see cref="Entries"/>).</summary>
    public ref struct EntryReader(ReadOnlySpan<char> text, WordTable table)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private readonly WordTable _table = table;
        private int _at;

        public readonly EntryReader GetEnumerator() => this;

        public Entry Current { readonly get; private set; } = null!;

        public bool MoveNext()
        {
            var text = _text;
            while (_at < text.Length)
            {
                var c = text[_at];
                if (c < 128 && !Words.AsciiInWord[c])
                {
                    _at++;
                    continue;
                }
                // A run of ASCII letters, digits and apostrophes: lower-cased into the scratch as it is read, without
                // the apostrophes at its start; the word ends at its last letter or digit.
                var (start, at) = (_at, _at);
                var scratch = _table._scratch;
                var inWord = Words.AsciiInWord;
                var (length, hash, wordLength, wordHash) = (0, HashSeed, 0, HashSeed);
                for (; at < text.Length && (c = text[at]) < 128 && inWord[c]; at++)
                {
                    if (length == scratch.Length)
                        Array.Resize(ref scratch, length * 2);
                    if (c == '\'')
                    {
                        if (length > 0)
                            hash = Step(hash, scratch[length++] = c);
                    }
                    else
                    {
                        hash = Step(hash, scratch[length++] = (char)(c is >= 'A' and <= 'Z' ? c + 32 : c));
                        (wordLength, wordHash) = (length, hash);
                    }
                }
                (_at, _table._scratch) = (at, scratch);
                if (at < text.Length && c >= 128)
                    return ReadWithOthers(start);
                if (wordLength == 0)
                    continue; // apostrophes only
                Current = _table.Find(scratch.AsSpan(0, wordLength), wordHash);
                return true;
            }
            return false;
        }

        /// <summary>A run with other than ASCII in it, or what follows such a character, by the rule in full.</summary>
        private bool ReadWithOthers(int start)
        {
            var spans = Words.Spans(_text[start..]);
            if (!spans.MoveNext())
            {
                _at = _text.Length;
                return false;
            }
            _at = start + spans.End;
            Current = _table.Find(spans.Current, Hash(spans.Current));
            return true;
        }
    }
}
