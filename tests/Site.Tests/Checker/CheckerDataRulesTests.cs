using Site.Checker;
using Site.Diagnostics;
using Site.Urgency;
using static Site.Tests.Checker.CheckerVerifierTests;

namespace Site.Tests.Checker;

/// <summary>
/// Every reader finds one answer that fits each question, and follow-ups are asked by a rule the build can check:
/// each rule is broken on a copy of the real data, and the build must refuse it in checker.yml at the line to fix.
/// </summary>
public sealed class CheckerDataRulesTests
{
    [Fact]
    public void The_real_data_keeps_every_rule()
    {
        var (problems, _) = Verify(RealData);
        Assert.Empty(problems);
        var diagnostics = new DiagnosticBag();
        var data = CheckerDataReader.Read(RealData, "checker.yml", diagnostics)!;
        foreach (var question in data.Questions)
        {
            // A "No" for the reader who has none of it, and, where two answers call for care, an order to choose by.
            Assert.Contains(question.Answers, a => a.Level == UrgencyLevels.LeastUrgent.Id);
            if (question.Answers.Count(a => a.Level != UrgencyLevels.LeastUrgent.Id) >= 2)
            {
                Assert.True(question.FirstThatFits, $"'{question.Id}' has two answers that call for care but no order");
                var ranks = question.Answers.Select(a => UrgencyLevels.Rank(a.Level)).ToList();
                Assert.Equal(ranks.OrderDescending(), ranks);
            }
        }
        // The real data uses each part of the rules: follow-ups, and a question answered in order of urgency.
        Assert.Contains(data.Questions, q => q.AskIf != null);
        Assert.Contains(data.Questions, q => q.FirstThatFits);
        Assert.All(data.Questions.Where(q => q.AskIf != null), q => Assert.Contains(CheckerAnswer.NotSure, q.AskIf!.Answers));
    }

    /// <summary>
    /// Each broken rule: a name, the text of the real data it replaces and what it becomes, the words of the problem,
    /// and a marker for the line of the changed data the problem must be reported at.
    /// </summary>
    [Theory]
    [InlineData("a question with no answer for a reader who has none of it",
        "      - { id: \"no\", text: \"No\", level: self-care }\n\n  - id: bruising", "      - { id: \"no\", text: \"No\", level: clinician, signs: [\"your pain is not easing\"] }\n\n  - id: bruising",
        "the question 'pain-worse' has no answer for a reader who has none of what it asks", "id: \"yes\", text: \"Yes\", level: clinician, signs: [\"your pain is still")]
    [InlineData("two answers that call for care, with no order to choose by",
        "    choose: first-that-fits\n", "",
        "the question 'numbness-course' has 2 answers that call for care (worse, day)", "id: \"worse\"")]
    [InlineData("answers to choose the first of, not in order of urgency",
        "      - { id: \"worse\", text: \"It is getting worse\", level: urgent,", "      - { id: \"worse\", text: \"It is getting worse\", level: self-care,",
        "so its answers must go from most to least urgent, but 'day' (clinician) comes after 'worse' (self-care)", "id: \"day\"")]
    [InlineData("an unknown way to choose",
        "    choose: first-that-fits\n", "    choose: best-fit\n",
        "'choose' can only be 'first-that-fits'", "choose: best-fit")]
    [InlineData("a follow-up of a question that does not exist",
        "ask_if: { question: dark-urine, answers:", "ask_if: { question: dark-wee, answers:",
        "'dark-wee' is not a question", "question: dark-wee")]
    [InlineData("a follow-up that does not say its question and answers",
        "ask_if: { question: dark-urine, answers: [\"yes\", not-sure] }", "ask_if: dark-urine",
        "'ask_if' must name a question and its answers", "ask_if: dark-urine")]
    [InlineData("a follow-up above the question it depends on",
        "ask_if: { question: numbness, answers:", "ask_if: { question: pain, answers:",
        "the follow-up 'numbness-course' depends on 'pain', which does not come before it", "question: pain,")]
    [InlineData("a follow-up asked after an answer its question does not have",
        "ask_if: { question: dark-urine, answers: [\"yes\", not-sure] }", "ask_if: { question: dark-urine, answers: [\"yes\", maybe, not-sure] }",
        "'maybe' is not an answer of 'dark-urine'", "answers: [\"yes\", maybe")]
    [InlineData("a follow-up that is not asked after \"Not sure\"",
        "ask_if: { question: numbness, answers: [\"yes\", not-sure] }", "ask_if: { question: numbness, answers: [\"yes\"] }",
        "\"Not sure\" counts as yes, so 'numbness-course' must also be asked when 'numbness' is answered 'not-sure'", "question: numbness, answers: [\"yes\"]")]
    [InlineData("a level that lists warning signs but does not say what to do",
        "    action: Call {{ numbers.urgent }} or ask your GP surgery for an urgent appointment today\n", "",
        "has no 'action'", "- id: urgent")]
    [InlineData("an action for self-care, which lists no warning signs",
        "    card: self-care\n", "    card: self-care\n    action: Rest\n",
        "the level 'self-care' has no list of warning signs, so 'action' is not shown", "action: Rest")]
    [InlineData("a search phrase of one word, which no order can tell from a search term",
        "search_phrases: [blood in pee,", "search_phrases: [blood, blood in pee,",
        "the phrase 'blood' has fewer than two words", "search_phrases: [blood,")]
    [InlineData("exceptions for a question that search does not find by its words",
        "  - id: dark-urine-muscles\n", "  - id: dark-urine-muscles\n    search_phrases_except: [dark chocolate]\n",
        "'search_phrases_except' takes words back from this sign's search terms and phrases, and it has none", "search_phrases_except: [dark chocolate")]
    public void Data_that_breaks_a_rule_is_refused_in_its_file_at_its_line(string rule, string from, string to, string words, string lineMarker)
    {
        var data = RealData.Replace(from, to);
        Assert.True(data != RealData, $"{rule}: '{from}' is not in the real data");
        var problem = Single(Verify(data).Problems, words);
        Assert.Equal("checker.yml", problem.File);
        Assert.Equal(LineOf(data, lineMarker), problem.Line);
        Assert.Equal(Severity.Error, problem.Severity);
    }

    [Fact]
    public void A_sign_and_its_follow_ups_warn_search_of_the_most_urgent_level_they_can_reach()
    {
        var data = CheckerDataReader.Read(RealData, "checker.yml", new DiagnosticBag())!;
        string Reachable(string id) => CheckerFlow.MostUrgentReachable(data, data.Questions.Single(q => q.Id == id));
        // The pee question alone calls for a clinician, and with aching muscles for help the same day.
        Assert.Equal("clinician", CheckerFlow.MostUrgent(data.Questions.Single(q => q.Id == "dark-urine")));
        Assert.Equal("urgent", Reachable("dark-urine"));
        // "Do you have numbness?" calls for nothing itself; how it is going decides.
        Assert.Equal("self-care", CheckerFlow.MostUrgent(data.Questions.Single(q => q.Id == "numbness")));
        Assert.Equal("urgent", Reachable("numbness"));
        Assert.Equal("clinician", Reachable("bruising"));
        Assert.Equal("emergency", Reachable("chest"));
    }
}
