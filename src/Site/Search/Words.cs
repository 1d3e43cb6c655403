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
    public static List<string> Of(string text) => At(text).ConvertAll(w => w.Word);

    /// <summary>The same words as <see cref="Of"/>, each with the index in <paramref name="text"/> it starts at
    /// (lower-casing keeps every index: it maps each UTF-16 unit to one).</summary>
    public static List<(string Word, int Start)> At(string text)
    {
        var words = new List<(string, int)>();
        for (var spans = Spans(text); spans.MoveNext();)
            words.Add((spans.Current.ToString(), spans.Start));
        return words;
    }

    /// <summary>The words of <paramref name="text"/> as <see cref="Of"/> gives them, without a string for each: every
    /// word is only valid until the next. The search data reads every word of every page through this.</summary>
    public static WordSpans Spans(ReadOnlySpan<char> text) => new(text);

    /// <summary>Whether each ASCII character can stand in a word: most text is ASCII, and most words are a few letters
    /// long, too short for a vectorised search to pay.</summary>
    internal static readonly bool[] AsciiInWord = [.. Enumerable.Range(0, 128).Select(c => char.IsAsciiLetterOrDigit((char)c) || c == '\'')];

    /// <summary>Walks a text's words (see <see cref="Spans"/>).</summary>
    public ref struct WordSpans(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;

        [ThreadStatic] private static char[]? _scratch;

        private int _at;
        private Span<char> _current;

        public readonly WordSpans GetEnumerator() => this;

        public readonly ReadOnlySpan<char> Current => _current;

        /// <summary>The index in the text just past the current word's run.</summary>
        internal readonly int End => _at;

        /// <summary>The index in the text that the current word starts at.</summary>
        public int Start { readonly get; private set; }

        public bool MoveNext()
        {
            while (_at < _text.Length)
            {
                // A run of letters, digits and apostrophes (’ and ‘ count as '), by code point as the browser's
                // /[\p{L}\p{Nd}']+/u does. Lower-casing keeps letters letters, so runs are found on the text as written.
                // ASCII a character at a time by table; other characters a code point at a time.
                var start = -1;
                var ascii = true; // then lower-casing is simpler, and there is no ’ or ‘ to turn into '
                while (_at < _text.Length)
                {
                    var c = _text[_at];
                    var length = 1;
                    var inWord = c < 128
                        ? AsciiInWord[c]
                        : Rune.DecodeFromUtf16(_text[_at..], out var rune, out length) == System.Buffers.OperationStatus.Done
                            && (Rune.IsLetter(rune) || Rune.IsDigit(rune) || rune.Value is '’' or '‘');
                    if (inWord)
                        ascii &= c < 128;
                    if (inWord && start < 0)
                        start = _at;
                    else if (!inWord && start >= 0)
                        break;
                    _at += length;
                }
                if (start < 0)
                    return false;
                var run = _text.Slice(start, _at - start);
                var scratch = _scratch is { } s && s.Length >= run.Length ? s : _scratch = new char[Math.Max(run.Length, 64)];
                var lower = scratch.AsSpan(0, run.Length);
                if (ascii)
                    System.Text.Ascii.ToLower(run, lower, out _);
                else
                {
                    run.ToLowerInvariant(lower);
                    lower.Replace('’', '\'');
                    lower.Replace('‘', '\'');
                }
                var trimmed = lower.TrimStart('\'');
                Start = start + run.Length - trimmed.Length;
                trimmed = trimmed.TrimEnd('\'');
                if (trimmed.IsEmpty)
                    continue;
                _current = trimmed;
                return true;
            }
            return false;
        }
    }

    /// <summary>
    /// Words too common to search for, and the words of a question ("how", "will", "should", "many", "no"), which would
    /// otherwise decide between pages that both answer it, and the fillers of a spoken question ("something",
    /// "actually", "anyone"), which would let a page that merely has them outrank the one about the rest; with their short
    /// forms as readers type them, with or without the apostrophe ("shouldnt" is no slip for "shoulder"). Not
    /// "can't" nor "won't": the checker's warning signs are written with them ("cannot breathe", "arm wont work").
    /// This is the one list: the build hands it to the browser in the search data, so the browser keeps no copy of
    /// its own.
    /// </summary>
    public static IReadOnlySet<string> StopWords { get; } =
        ("a am an and are as at be been being by can could did do does for from had has have how i if in is it its me my"
         + " of on or our so should than that the their them then there these they this those to us was we what when where"
         + " which while who why will with would you your many no"
         + " but very also even quite theres know"
         + " something anything thing things stuff actually basically literally just anyone anybody someone somebody everyone everybody"
         + " don't dont doesn't doesnt didn't didnt isn't isnt aren't arent wasn't wasnt weren't werent shouldn't shouldnt"
         + " couldn't couldnt wouldn't wouldnt i'm im i've ive you're youre it's that's thats there's what's whats")
            .Split(' ').ToFrozenSet(StringComparer.Ordinal);
}
