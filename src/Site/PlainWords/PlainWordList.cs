using Site.Diagnostics;
using Site.Pipelines;
using Site.Search;
using Site.Yaml;
using YamlDotNet.RepresentationModel;

namespace Site.PlainWords;

/// <summary>
/// Formal words and phrases mapped to plainer ones (<c>utilise: [use]</c>), from <c>data/plain-words.yml</c>.
/// Each side is written as <see cref="Words.Of"/> splits it, so a phrase is a run of words.
/// </summary>
public sealed class PlainWordList
{
    public const string RelativePath = "data/plain-words.yml";

    // Bounds on the file, far above what a useful list needs: matching costs words × entries that start alike.
    public const int MaxEntries = 500;
    public const int MaxPhraseWords = 6;
    public const int MaxPhraseLength = 60;
    public const int MaxChoices = 5;

    public static readonly PlainWordList Empty = new([]);

    private readonly Dictionary<string, List<PlainWord>> _byFirstWord = new(StringComparer.Ordinal);

    public PlainWordList(IReadOnlyList<PlainWord> entries)
    {
        Entries = entries;
        foreach (var entry in entries)
        {
            if (!_byFirstWord.TryGetValue(entry.Words[0], out var list))
                _byFirstWord[entry.Words[0]] = list = [];
            list.Add(entry);
        }
        // Longest first, so "in the event that" wins over "in the event of" only where it stands whole.
        foreach (var list in _byFirstWord.Values)
            list.Sort((a, b) => b.Words.Count.CompareTo(a.Words.Count));
    }

    public IReadOnlyList<PlainWord> Entries { get; }

    /// <summary>
    /// The entries a run of words holds, each with the index of its first word; a word belongs to one hit at most.
    /// <paramref name="joined"/> says whether word i stands right after word i - 1, with only spaces between.
    /// </summary>
    public IEnumerable<(PlainWord Entry, int First)> Find(IReadOnlyList<string> words, Func<int, bool> joined)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!_byFirstWord.TryGetValue(words[i], out var candidates))
                continue;
            var hit = candidates.FirstOrDefault(c => Matches(c, words, joined, i));
            if (hit == null)
                continue;
            yield return (hit, i);
            i += hit.Words.Count - 1;
        }
    }

    private static bool Matches(PlainWord entry, IReadOnlyList<string> words, Func<int, bool> joined, int first)
    {
        if (first + entry.Words.Count > words.Count)
            return false;
        for (var k = 1; k < entry.Words.Count; k++)
            if (!joined(first + k) || words[first + k] != entry.Words[k])
                return false;
        return true;
    }

    /// <summary>A word or phrase as the list and <c>allow_words</c> write it: its words, one space between.</summary>
    public static string Normalize(string text) => string.Join(' ', Words.Of(text));

    public static PlainWordList Read(BuildContext context)
    {
        var display = context.Input.DisplayPathOf(RelativePath);
        var diagnostics = context.Diagnostics;
        var mapping = WordMapFile.Read(context, RelativePath, "the plain words must be 'formal word: [plainer word]' lines", "for example 'utilise: [use]'");
        if (mapping == null)
            return Empty;
        if (mapping.Children.Count > MaxEntries)
        {
            diagnostics.Error(Codes.Limit, display, YamlText.Line(mapping, 1), 1,
                $"the file lists {mapping.Children.Count} words; the most is {MaxEntries}", "keep the words writers really use");
            return Empty;
        }
        var entries = new List<PlainWord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var (line, column) = (YamlText.Line(key, 1), (int)key.Start.Column);
            var problem = Check(key, value, out var entry);
            if (problem == null && !seen.Add(entry!.Phrase))
                problem = ($"'{entry.Phrase}' is listed twice", "keep one line for it, with all its plainer words");
            if (problem is { } p)
                diagnostics.Error(Codes.InvalidValue, display, line, column, p.Message, p.Hint);
            else
                entries.Add(entry! with { Line = line });
        }
        return new PlainWordList(entries);
    }

    private static (string Message, string Hint)? Check(YamlNode key, YamlNode value, out PlainWord? entry)
    {
        entry = null;
        var written = (key as YamlScalarNode)?.Value?.Trim() ?? "";
        var phrase = Normalize(written);
        var example = $"for example '{(phrase.Length is > 0 and <= MaxPhraseLength ? phrase : "utilise")}: [use]'";
        if (written.Length == 0)
            return ("a line has no formal word before its ':'", example);
        if (written.Length > MaxPhraseLength || phrase.Split(' ').Length > MaxPhraseWords)
            return ($"'{Short(written)}' is too long: a word or phrase here is at most {MaxPhraseWords} words and {MaxPhraseLength} letters",
                "list the formal words themselves, not a whole sentence");
        if (phrase != written.ToLowerInvariant())
            return ($"'{written}' must be letters and spaces only", $"write it as the page's words, without punctuation: '{phrase}'");
        var choices = WordMapFile.Values(value);
        if (choices.Count == 0 || choices.Any(c => c.Length == 0))
            return ($"'{phrase}' must name one or more plainer words", example);
        if (choices.Count > MaxChoices || choices.Any(c => c.Length > MaxPhraseLength))
            return ($"'{phrase}' names too many or too long plainer words: at most {MaxChoices}, of {MaxPhraseLength} letters each",
                "give the few plainest choices");
        if (choices.Any(c => Normalize(c) == phrase))
            return ($"'{phrase}' names itself as its plainer word", "name a different, plainer word, or remove the line");
        entry = new PlainWord(phrase, phrase.Split(' '), choices, 0);
        return null;
    }

    private static string Short(string text) => text.Length <= MaxPhraseLength ? text : text[..MaxPhraseLength] + "…";
}

/// <summary>A formal word or phrase (<see cref="Phrase"/>, lower case), its plainer choices, and its line in the file.</summary>
public sealed record PlainWord(string Phrase, IReadOnlyList<string> Words, IReadOnlyList<string> Choices, int Line);
