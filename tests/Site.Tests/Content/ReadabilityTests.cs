using Markdig.Syntax;
using Site.Content;
using Site.Markdown;
using Site.Tests.Support;

namespace Site.Tests.Content;

public sealed class ReadabilityTests
{
    [Theory]
    [InlineData("rest", 1)]
    [InlineData("massage", 2)]
    [InlineData("therapist", 3)]
    [InlineData("inflammation", 4)]
    [InlineData("table", 2)]
    public void Syllables_are_estimated_from_vowel_groups(string word, int expected)
    {
        Assert.Equal(expected, CheckReadability.Syllables(word));
    }

    [Fact]
    public void Plain_text_scores_lower_than_dense_text()
    {
        string[] plain = Enumerable.Repeat("You may feel sore for a day or two. Rest and drink water. Tell us if it hurts.", 5).ToArray();
        string[] dense = Enumerable.Repeat("Post-treatment musculoskeletal discomfort frequently manifests following therapeutic manipulation, particularly amongst individuals unaccustomed to intensive myofascial intervention.", 5).ToArray();
        var easy = CheckReadability.Score(plain)!.Value;
        var hard = CheckReadability.Score(dense)!.Value;
        Assert.InRange(easy.Grade, -5, 4);
        Assert.True(hard.Grade > 15, $"grade {hard.Grade}");
    }

    [Fact]
    public void Sentences_come_from_paragraphs_and_list_items_with_their_lines()
    {
        var syntax = Markdig.Markdown.Parse("## A\n\nOne two. Three [four](x.md) five!\n\n- six seven\n", MarkdownPipelineFactory.Create());
        var sentences = CheckReadability.Sentences(syntax).ToList();
        Assert.Equal([("One two.", 3), ("Three four five!", 3), ("six seven", 5)], sentences);
    }

    [Fact]
    public void A_hard_page_builds_with_a_warning_that_points_at_its_longest_sentence()
    {
        using var site = new FixtureSite();
        var dense = string.Join(" ", Enumerable.Repeat("Post-treatment musculoskeletal discomfort frequently manifests following therapeutic manipulation.", 4));
        site.WritePage("aftercare.md", FixtureSite.Page("Aftercare", "### Ice\n\n" + dense + "\n\nConsiderable proprioceptive recalibration, particularly amongst individuals unaccustomed to intensive myofascial intervention, necessitates deliberate rehydration and recuperation."));
        var run = site.Build();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.Stderr.Contains("warning SITE022"), run.Stderr);
        Assert.Matches(@"aftercare\.md:17:1: warning SITE022: the page reads at US grade \d+\.\d", run.Stderr);
        Assert.Contains("the longest sentence, on this line, has 16 words", run.Stderr);
    }

    [Fact]
    public void The_counting_gives_what_the_plain_rule_gives_on_the_test_pages()
    {
        var dense = string.Join(" ", Enumerable.Repeat("Post-treatment musculoskeletal discomfort frequently manifests following therapeutic manipulation.", 4));
        var page = "### Ice\n\n" + dense + "\n\n- Rest: then ice; then rest. Don't lift!\n- Call 999? Yes.\n\nA  b\tc. \n\n" + dense;
        var syntax = Markdig.Markdown.Parse(page, MarkdownPipelineFactory.Create());
        var paragraphs = syntax.Descendants<ParagraphBlock>()
            .Select(p => (PlainText.Of(p.Inline), p.Line + 1)).ToList();
        var expected = PlainRule.Read(paragraphs);
        Assert.True(expected.Score?.Grade > CheckReadability.MaxGrade, expected.ToString());
        Assert.Equal(expected, CheckReadability.Read(paragraphs));
    }

    [Fact]
    public void The_counting_gives_what_the_plain_rule_gives_on_random_text()
    {
        // Letters (some non-ASCII, a Greek and a Turkish capital among them), digits, the marks that make words
        // and sentences, and whitespace, weighted so words and sentences of every length turn up.
        const string letters = "aeiouybcdlmnrstEYLÉéøßΣİ";
        const string others = "0123456789''’’--::;;..!!??     \t\n\r\u00a0,";
        var random = new Random(20261201);
        var scored = 0;
        for (var run = 0; run < 4000; run++)
        {
            // Each paragraph on its own line, and now and then one twice, so a tie for the longest shows which wins.
            var paragraphs = new List<(string, int)>();
            for (var p = random.Next(1, 6); p > 0; p--)
            {
                var text = new System.Text.StringBuilder();
                var letterShare = random.NextDouble();
                for (var n = random.Next(0, 400); n > 0; n--)
                    text.Append(random.NextDouble() < letterShare ? letters[random.Next(letters.Length)] : others[random.Next(others.Length)]);
                paragraphs.Add((text.ToString(), paragraphs.Count * 3 + 1));
                if (random.Next(4) == 0)
                    paragraphs.Add((text.ToString(), paragraphs.Count * 3 + 1));
            }
            var expected = PlainRule.Read(paragraphs);
            var actual = CheckReadability.Read(paragraphs);
            Assert.Equal(expected.Score, actual.Score);
            if (expected.Score != null)
                Assert.Equal(expected, actual);
            var sentences = paragraphs.SelectMany(p => PlainRule.SplitSentences(p.Item1)).ToList();
            Assert.Equal(PlainRule.Score(sentences.Select(PlainRule.Words)), CheckReadability.Score(sentences));
            Assert.Equal(sentences, paragraphs.SelectMany(p => CheckReadability.SplitSentences(p.Item1)));
            foreach (var word in sentences.SelectMany(PlainRule.Words))
                Assert.Equal(PlainRule.Syllables(word), CheckReadability.Syllables(word));
            if (expected.Score != null)
                scored++;
        }
        Assert.InRange(scored, 1000, 3900);
    }

    /// <summary>The rule as first written, a string per sentence and per word, to hold the counting to.</summary>
    private static class PlainRule
    {
        public static CheckReadability.Reading Read(IEnumerable<(string Text, int Line)> paragraphs)
        {
            var sentences = (from p in paragraphs
                             from s in SplitSentences(p.Text)
                             where s.Trim().Length > 0
                             select (Words: Words(s.Trim()), p.Line)).ToList();
            var score = Score(sentences.Select(s => s.Words));
            // As the check did: the longest only matters, and is only looked for, when there is a score.
            if (score == null)
                return new CheckReadability.Reading(null, 0, 0);
            var longest = sentences.MaxBy(s => s.Words.Count);
            return new CheckReadability.Reading(score, longest.Words.Count, longest.Line);
        }

        public static CheckReadability.Readability? Score(IEnumerable<List<string>> sentences)
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
            return new CheckReadability.Readability(grade, words, sentenceCount);
        }

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

        public static List<string> Words(string sentence)
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
}
