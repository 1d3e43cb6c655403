using System.Text.RegularExpressions;
using Markdig.Syntax;
using Site.Markdown;
using Site.Diagnostics;
using Site.Pipelines;

namespace Site.Content;

/// <summary>
/// Warns when a page reads above US grade 8 (Flesch-Kincaid), the level public health guidance aims for
/// (a reading age of 9 to 11), and points at the longest sentence as the place to start.
/// </summary>
public sealed partial class CheckReadability : DocumentModule
{
    public const double MaxGrade = 8.0;

    public override void Process(Document document, BuildContext context)
    {
        var sentences = Sentences(document.Syntax!).ToList();
        var score = Score(sentences.Select(s => s.Text));
        if (score == null || score.Value.Grade <= MaxGrade)
            return;
        var longest = sentences.MaxBy(s => Words(s.Text).Count())!;
        context.Warning(document, Codes.HardToRead, longest.Line, 1,
            $"the page reads at US grade {score.Value.Grade:0.0}; aim for {MaxGrade:0} or lower (a reading age of 9 to 11)",
            $"use shorter sentences and everyday words; the longest sentence, on this line, has {Words(longest.Text).Count()} words");
    }

    public readonly record struct Readability(double Grade, int Words, int Sentences);

    /// <summary>Flesch-Kincaid grade level; null when there is too little text to judge.</summary>
    public static Readability? Score(IEnumerable<string> sentences)
    {
        int sentenceCount = 0, words = 0, syllables = 0;
        foreach (var sentence in sentences)
        {
            var sentenceWords = Words(sentence).ToList();
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
            foreach (var sentence in SentenceEnd().Split(PlainText.Of(paragraph.Inline)))
                if (sentence.Trim().Length > 0)
                    yield return (sentence.Trim(), paragraph.Line + 1);
        }
    }

    private static IEnumerable<string> Words(string sentence) =>
        WordPattern().Matches(sentence).Select(m => m.Value);

    /// <summary>Counts vowel groups, the usual estimate; a silent final 'e' does not count.</summary>
    public static int Syllables(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.Length <= 3)
            return 1;
        if (w.EndsWith('e') && !w.EndsWith("le", StringComparison.Ordinal))
            w = w[..^1];
        var count = VowelGroup().Matches(w).Count;
        return Math.Max(1, count);
    }

    [GeneratedRegex(@"(?<=[.!?])\s+|[:;]\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\p{L}][\p{L}'’-]*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[aeiouy]+")]
    private static partial Regex VowelGroup();
}
