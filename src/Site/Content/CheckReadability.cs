using System.Text;
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
        var page = Read(Paragraphs(document.Syntax!));
        document.Readability = page.Score;
        if (page.Score is not { } score || score.Grade <= MaxGrade)
            return;
        context.Warning(document, Codes.HardToRead, page.LongestLine, 1,
            $"the page reads at US grade {score.Grade:0.0}; aim for {MaxGrade:0} or lower (a reading age of 9 to 11)",
            $"use shorter sentences and everyday words; the longest sentence, on this line, has {page.LongestWords} words");
    }

    public readonly record struct Readability(double Grade, int Words, int Sentences);

    /// <summary>A page's score and its longest sentence: how many words it has and the line its paragraph starts on.</summary>
    internal readonly record struct Reading(Readability? Score, int LongestWords, int LongestLine);

    /// <summary>
    /// Scores paragraphs (their plain text and line) as <see cref="SplitSentences"/> and <see cref="Score(IEnumerable{string})"/>
    /// would, but counts over spans as it goes: it runs on every page, and a string per sentence and per word was a
    /// large share of the build.
    /// </summary>
    internal static Reading Read(IEnumerable<(string Text, int Line)> paragraphs)
    {
        var count = new Count();
        foreach (var (text, line) in paragraphs)
            count.Paragraph(text, line);
        return new Reading(count.Score, count.LongestWords, count.LongestLine);
    }

    /// <summary>Flesch-Kincaid grade level; null when there is too little text to judge.</summary>
    public static Readability? Score(IEnumerable<string> sentences)
    {
        var count = new Count();
        foreach (var sentence in sentences)
            count.Sentence(sentence, 0);
        return count.Score;
    }

    private static Readability? Grade(int words, int sentences, int syllables) => words < 50
        ? null
        : new Readability(0.39 * words / sentences + 11.8 * syllables / words - 15.59, words, sentences);

    /// <summary>Running totals of words, syllables and sentences, and the longest sentence so far.</summary>
    private struct Count
    {
        public int Sentences, Words, Syllables, LongestWords, LongestLine;

        public readonly Readability? Score => Grade(Words, Sentences, Syllables);

        /// <summary>Splits where <see cref="SplitSentences"/> does (<see cref="SentenceEnd"/>); the end mark and the
        /// space after it hold no words, so they can stay in either part.</summary>
        public void Paragraph(ReadOnlySpan<char> text, int line)
        {
            var start = 0;
            for (var end = SentenceEnd(text, 0); end >= 0; end = SentenceEnd(text, start))
            {
                Sentence(text[start..end], line);
                start = end + 1;
            }
            Sentence(text[start..], line);
        }

        /// <summary>Counts one sentence's words (a letter, then letters, apostrophes and hyphens) and their syllables.</summary>
        public void Sentence(ReadOnlySpan<char> text, int line)
        {
            var words = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (!char.IsLetter(text[i]))
                    continue;
                var start = i;
                while (i + 1 < text.Length && (char.IsLetter(text[i + 1]) || text[i + 1] is '\'' or '’' or '-'))
                    i++;
                words++;
                Syllables += CheckReadability.Syllables(text[start..(i + 1)]);
            }
            // A sentence without words (a number, a lone mark) does not count.
            if (words == 0)
                return;
            Sentences++;
            Words += words;
            // Only a longer one replaces it, so on a tie the first longest wins.
            if (words > LongestWords)
                (LongestWords, LongestLine) = (words, line);
        }
    }

    /// <summary>Paragraphs and list items, as plain text, with the line each starts on.</summary>
    private static IEnumerable<(string Text, int Line)> Paragraphs(MarkdownDocument syntax)
    {
        foreach (var paragraph in syntax.Descendants<ParagraphBlock>())
        {
            if (paragraph.Inline == null)
                continue;
            // One builder per thread rather than one per paragraph; taken afresh each time, as the caller may move threads.
            var text = _plainText ??= new StringBuilder();
            text.Clear();
            PlainText.Append(paragraph.Inline, text);
            yield return (text.ToString(), paragraph.Line + 1);
        }
    }

    [ThreadStatic]
    private static StringBuilder? _plainText;

    /// <summary>Sentences of the running text (paragraphs and list items), with the line each starts on.</summary>
    public static IEnumerable<(string Text, int Line)> Sentences(MarkdownDocument syntax)
    {
        foreach (var (text, line) in Paragraphs(syntax))
            foreach (var sentence in SplitSentences(text))
                if (sentence.Trim().Length > 0)
                    yield return (sentence.Trim(), line);
    }

    /// <summary>Splits after '.', '!' or '?' and at ':' or ';' (which go), where space follows.</summary>
    public static IEnumerable<string> SplitSentences(string text)
    {
        var start = 0;
        for (var end = SentenceEnd(text, 0); end >= 0; end = SentenceEnd(text, start))
        {
            yield return text[start..(text[end] is ':' or ';' ? end : end + 1)];
            start = end + 1;
            while (start < text.Length && char.IsWhiteSpace(text[start]))
                start++;
        }
        yield return text[start..];
    }

    /// <summary>The mark that ends the sentence starting at <paramref name="from"/>: the next '.', '!', '?', ':' or
    /// ';' that space follows; -1 when the sentence runs to the end of the text.</summary>
    private static int SentenceEnd(ReadOnlySpan<char> text, int from)
    {
        for (var i = from; i < text.Length - 1; i++)
            if (text[i] is '.' or '!' or '?' or ':' or ';' && char.IsWhiteSpace(text[i + 1]))
                return i;
        return -1;
    }

    /// <summary>Counts vowel groups, the usual estimate; a silent final 'e' does not count. Runs for every word, so no regex.</summary>
    public static int Syllables(string word) => Syllables(word.AsSpan());

    public static int Syllables(ReadOnlySpan<char> word)
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
            var vowel = char.ToLowerInvariant(word[i]) is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
            if (vowel && !inVowels)
                count++;
            inVowels = vowel;
        }
        return Math.Max(1, count);
    }
}
