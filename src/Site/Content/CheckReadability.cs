using Markdig.Syntax;
using Site.Markdown;
using Site.Diagnostics;
using Site.Pipelines;

namespace Site.Content;

/// <summary>
/// Warns when a page reads above US grade 8 (Flesch-Kincaid), the level public health guidance aims for
/// (a reading age of 9 to 11), and points at the longest sentence as the place to start.
/// </summary>
public sealed class CheckReadability : DocumentModule
{
    public const double MaxGrade = 8.0;

    public override void Process(Document document, BuildContext context)
    {
        var sentences = Sentences(document.Syntax!).Select(s => (Words: Words(s.Text), s.Line)).ToList();
        var score = Score(sentences.Select(s => s.Words));
        document.Readability = score;
        if (score == null || score.Value.Grade <= MaxGrade)
            return;
        var longest = sentences.MaxBy(s => s.Words.Count);
        context.Warning(document, Codes.HardToRead, longest.Line, 1,
            $"the page reads at US grade {score.Value.Grade:0.0}; aim for {MaxGrade:0} or lower (a reading age of 9 to 11)",
            $"use shorter sentences and everyday words; the longest sentence, on this line, has {longest.Words.Count} words");
    }

    public readonly record struct Readability(double Grade, int Words, int Sentences);

    /// <summary>Flesch-Kincaid grade level; null when there is too little text to judge.</summary>
    public static Readability? Score(IEnumerable<string> sentences) => Score(sentences.Select(Words));

    public static Readability? Score(IEnumerable<IReadOnlyList<string>> sentences)
    {
        int sentenceCount = 0, words = 0, syllables = 0;
        foreach (var sentenceWords in sentences)
        {
            if (sentenceWords.Count == 0)
                continue;
            sentenceCount++;
            words += sentenceWords.Count;
            syllables += sentenceWords.Sum(Syllables);
        }
        if (words < 50)
            return null;
        var grade = 0.39 * words / sentenceCount + 11.8 * syllables / words - 15.59;
        return new Readability(grade, words, sentenceCount);
    }

    /// <summary>Sentences of the running text (paragraphs and list items), with the line each starts on.</summary>
    public static IEnumerable<(string Text, int Line)> Sentences(MarkdownDocument syntax)
    {
        foreach (var paragraph in syntax.Descendants<ParagraphBlock>())
        {
            if (paragraph.Inline == null)
                continue;
            foreach (var sentence in SplitSentences(PlainText.Of(paragraph.Inline)))
                if (sentence.Trim().Length > 0)
                    yield return (sentence.Trim(), paragraph.Line + 1);
        }
    }

    /// <summary>Splits after '.', '!' or '?' and at ':' or ';' (which go), where space follows.</summary>
    public static IEnumerable<string> SplitSentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length - 1; i++)
        {
            var ends = text[i] is '.' or '!' or '?';
            if (!(ends || text[i] is ':' or ';') || !char.IsWhiteSpace(text[i + 1]))
                continue;
            yield return text[start..(ends ? i + 1 : i)];
            var next = i + 1;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
                next++;
            start = next;
            i = next - 1;
        }
        yield return text[start..];
    }

    /// <summary>Words: a letter, then letters, apostrophes and hyphens.</summary>
    private static List<string> Words(string sentence)
    {
        var words = new List<string>();
        for (var i = 0; i < sentence.Length; i++)
        {
            if (!char.IsLetter(sentence[i]))
                continue;
            var start = i;
            while (i + 1 < sentence.Length && (char.IsLetter(sentence[i + 1]) || sentence[i + 1] is '\'' or '’' or '-'))
                i++;
            words.Add(sentence[start..(i + 1)]);
        }
        return words;
    }

    /// <summary>Counts vowel groups, the usual estimate; a silent final 'e' does not count. Runs for every word, so no regex.</summary>
    public static int Syllables(string word)
    {
        if (word.Length <= 3)
            return 1;
        var end = word.Length;
        if (char.ToLowerInvariant(word[end - 1]) == 'e' && char.ToLowerInvariant(word[end - 2]) != 'l')
            end--;
        var count = 0;
        var inVowels = false;
        for (var i = 0; i < end; i++)
        {
            var vowel = "aeiouy".Contains(char.ToLowerInvariant(word[i]));
            if (vowel && !inVowels)
                count++;
            inVowels = vowel;
        }
        return Math.Max(1, count);
    }
}
