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
}
