using Site.Checker;
using Site.Diagnostics;
using Site.Tests.Support;
using Site.Urgency;

namespace Site.Tests.Checker;

/// <summary>The verifier refuses each kind of unsafe rule, on variations of the real checker data.</summary>
public sealed class CheckerVerifierTests
{
    internal static readonly string RealData = File.ReadAllText(Path.Combine(RepoPaths.Input, "data", "checker.yml"));
    internal static readonly string RealScenarios = File.ReadAllText(Path.Combine(RepoPaths.Input, "data", "checker-scenarios.yml"));

    internal static (IReadOnlyList<Diagnostic> Problems, int Combinations) Verify(
        string data, string? scenarios = null, CheckerFlow.Stepper? stepper = null)
    {
        var diagnostics = new DiagnosticBag();
        var checker = CheckerDataReader.Read(data, "checker.yml", diagnostics);
        if (checker == null)
            return (diagnostics.Sorted(), 0);
        var reviewed = Scenarios.Read(scenarios ?? RealScenarios, "scenarios.yml", diagnostics);
        var combinations = new CheckerVerifier(checker, "checker.yml", diagnostics, stepper).Verify(reviewed, "scenarios.yml");
        return (diagnostics.Sorted(), combinations);
    }

    internal static int LineOf(string text, string marker) =>
        text.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(marker)).i + 1;

    internal static Diagnostic Single(IReadOnlyList<Diagnostic> problems, string words)
    {
        var matching = problems.Where(p => p.Message.Contains(words)).ToList();
        Assert.True(matching.Count >= 1, $"no problem says '{words}':\n{string.Join("\n", problems.Select(p => $"{p.File}:{p.Line}: {p.Message}"))}");
        return matching[0];
    }

    [Fact]
    public void The_real_data_is_safe_and_every_combination_is_counted()
    {
        var (problems, combinations) = Verify(RealData);
        Assert.Empty(problems);
        // 3 red flags that can end at once (yes, not sure), then the rest: swollen leg 3, pee 7 (no, or yes and not sure
        // each with 3 answers about the muscles), fever 3, numbness 9 (no, or yes and not sure each with 4 about how it
        // goes), pain 8 (severe, none, or mild and not sure each with 3 about getting worse), bruising 3.
        Assert.Equal(2 + 2 + 2 + 3 * 7 * 3 * 9 * 8 * 3, combinations);
    }

    /// <summary>
    /// Each unsafe change to the real data: a name for it, the text it replaces and what it becomes, the words of
    /// the problem it must cause, and the text of the line (in the changed data) the problem must be reported at.
    /// </summary>
    [Theory]
    [InlineData("a red flag after an ordinary question",
        "  - id: infection\n    red_flag: true", "  - id: infection\n    red_flag: false",
        "the red-flag question 'numbness' comes after 'infection'", "- id: numbness")]
    [InlineData("an emergency answer outside the red flags",
        "{ id: \"severe\", text: \"It is severe\", level: urgent,", "{ id: \"severe\", text: \"It is severe\", level: emergency,",
        "the answer 'severe' of 'pain' is an emergency", "id: \"severe\"")]
    [InlineData("a question that can never be asked",
        "  - id: face-arm-speech\n", "  - id: face-arm-speech\n    ask_if: { question: chest, answers: [\"yes\", not-sure] }\n",
        "the question 'face-arm-speech' is never asked", "- id: face-arm-speech")]
    [InlineData("an emergency question after one that cannot end in an emergency",
        "  - id: neck\n    red_flag: true", "  - id: first-calm\n    red_flag: true\n    text: Anything?\n    answers:\n      - { id: \"yes\", text: \"Yes\", level: urgent, signs: [\"you feel unwell\"] }\n      - { id: \"no\", text: \"No\", level: self-care }\n\n  - id: neck\n    red_flag: true",
        "the question 'neck' can end in an emergency but comes after 'first-calm'", "- id: neck")]
    [InlineData("an answer above self-care that names no signs",
        ", signs: [\"your pain is severe\"]", "",
        "the answer 'severe' of 'pain' calls for 'urgent' but names no warning signs", "id: \"severe\"")]
    public void Unsafe_data_is_refused_at_its_line(string change, string from, string to, string words, string lineMarker)
    {
        var data = RealData.Replace(from, to);
        Assert.True(data != RealData, $"{change}: '{from}' is not in the real data");
        var problem = Single(Verify(data).Problems, words);
        Assert.Equal(LineOf(data, lineMarker), problem.Line);
        Assert.Equal(Codes.Checker, problem.Code);
    }

    /// <summary>Flows that break a safety rule, stepping through the real data; each names the problems it must cause.</summary>
    private static readonly Dictionary<string, (CheckerFlow.Stepper Stepper, string[] Problems)> UnsafeFlows = new()
    {
        ["a later answer lowers the result"] = ((data, answered) =>
        {
            var (next, result) = CheckerFlow.Step(data, answered);
            return next != null || result == "emergency" ? (next, result) : (null, answered[^1].Answer.Level);
        }, ["lower than 'urgent'", "more combinations give a lower level than one of their answers"]),
        ["the checker goes on after an emergency answer"] = ((data, answered) =>
            answered.Count < data.Questions.Count
                ? (data.Questions[answered.Count], null)
                : (null, answered.Select(a => a.Answer.Level).MaxBy(UrgencyLevels.Rank)),
            ["does not end the checker with the emergency result"]),
        ["a combination reaches no result"] = ((data, answered) =>
        {
            var (next, result) = CheckerFlow.Step(data, answered);
            return (next, result == "self-care" ? null : result);
        }, ["reach no result"]),
        ["a follow-up is never asked"] = ((data, answered) =>
        {
            // Steps past every follow-up as if it had been answered, without asking it.
            var (next, result) = CheckerFlow.Step(data, answered);
            for (var skipped = new List<(CheckerQuestion, CheckerAnswer)>(answered); next?.AskIf != null;)
            {
                skipped.Add((next, CheckerFlow.Calmest(data, next)));
                (next, result) = CheckerFlow.Step(data, skipped);
            }
            return (next, result);
        }, ["ask 'infection' where 'dark-urine-muscles' comes next", "more combinations ask the questions out of the data's order"]),
        ["a follow-up is asked after every answer"] = ((data, answered) =>
        {
            if (answered.Count > 0 && answered[^1].Answer.Level == "emergency")
                return (null, "emergency");
            var last = answered.Count == 0 ? -1 : data.Questions.ToList().IndexOf(answered[^1].Question);
            return last + 1 < data.Questions.Count
                ? (data.Questions[last + 1], null)
                : (null, answered.Select(a => a.Answer.Level).MaxBy(UrgencyLevels.Rank));
        }, ["more combinations ask the questions out of the data's order", "ask 'pain-worse' where 'bruising' comes next"]),
    };

    public static TheoryData<string> UnsafeFlowNames()
    {
        var names = new TheoryData<string>();
        foreach (var name in UnsafeFlows.Keys)
            names.Add(name);
        return names;
    }

    [Theory]
    [MemberData(nameof(UnsafeFlowNames))]
    public void An_unsafe_flow_is_refused(string flow)
    {
        var (stepper, expected) = UnsafeFlows[flow];
        var problems = Verify(RealData, stepper: stepper).Problems;
        foreach (var words in expected)
            Single(problems, words);
    }

    [Theory]
    [InlineData("  - id: pain\n", "  - id: bruising\n", "the question id 'bruising' is used twice")]
    [InlineData("{ id: \"yes\", text: \"Yes\", level: clinician,", "{ id: \"yes\", text: \"Yes\", level: doctor,", "'doctor' is not a level")]
    [InlineData("      - { id: \"day\", text:", "      - { id: \"worse\", text:", "the answer id 'worse' is used twice in 'numbness-course'")]
    public void Duplicate_and_unknown_ids_are_refused(string from, string to, string words)
    {
        var data = RealData.Replace(from, to);
        Assert.NotEqual(RealData, data);
        Single(Verify(data).Problems, words);
    }

    [Fact]
    public void A_level_without_advice_is_refused()
    {
        var start = RealData.IndexOf("  - id: urgent", StringComparison.Ordinal);
        var advice = RealData.IndexOf("    advice:", start, StringComparison.Ordinal);
        var end = RealData.IndexOf("    if_worse:", advice, StringComparison.Ordinal);
        var data = RealData.Remove(advice, end - advice);
        var problem = Single(Verify(data).Problems, "has no 'advice'");
        Assert.Equal(LineOf(data, "- id: urgent"), problem.Line);
    }

    [Fact]
    public void A_changed_level_must_change_the_reviewed_scenarios_too()
    {
        var data = RealData.Replace("{ id: \"yes\", text: \"Yes\", level: clinician, signs: [\"you have large bruises, or bruises you cannot explain, especially if you take medicine that thins your blood\"] }", "{ id: \"yes\", text: \"Yes\", level: self-care }");
        var problem = Single(Verify(data).Problems, "expects 'clinician', but the rules now give 'self-care'");
        Assert.Equal("scenarios.yml", problem.File);
        Assert.Equal(LineOf(RealScenarios, "Large or unexplained bruises: yes"), problem.Line);
    }

    [Fact]
    public void Every_answer_needs_a_scenario_that_pins_its_level()
    {
        var lines = RealScenarios.Split('\n').ToList();
        var at = lines.FindIndex(l => l.Contains("Numbness or tingling for more than about a day, not getting worse"));
        lines.RemoveRange(at, 3);
        var problem = Single(Verify(RealData, string.Join('\n', lines)).Problems, "no reviewed scenario pins the level of 'numbness-course: day'");
        Assert.Equal(LineOf(RealData, "id: \"day\""), problem.Line);
        // The follow-up's scenario answers the question it follows up with the answer that leads to it.
        Assert.Contains("numbness: \"yes\", numbness-course: \"day\"", problem.Hint);
        Assert.Contains("expect: clinician", problem.Hint);
    }

    [Fact]
    public void A_scenario_that_answers_past_an_emergency_is_refused()
    {
        var scenarios = RealScenarios.Replace("answers: { chest: \"yes\" }", "answers: { chest: \"yes\", face-arm-speech: \"no\" }");
        Single(Verify(RealData, scenarios).Problems, "answers 'face-arm-speech', which is never asked: the checker has ended");
    }

    [Fact]
    public void A_scenario_that_answers_a_follow_up_that_is_not_asked_is_refused()
    {
        var scenarios = RealScenarios.Replace("dark-urine: \"no\", infection: \"yes\"", "dark-urine: \"no\", dark-urine-muscles: \"yes\", infection: \"yes\"");
        Assert.NotEqual(RealScenarios, scenarios);
        var problem = Single(Verify(RealData, scenarios).Problems, "answers 'dark-urine-muscles', which is never asked with these answers");
        Assert.Contains("asked only when 'dark-urine' is answered 'yes' or 'not-sure'", problem.Message);
        Assert.Equal(LineOf(scenarios, "dark-urine-muscles: \"yes\", infection: \"yes\""), problem.Line);
    }

    [Fact]
    public void A_scenario_that_skips_a_follow_up_that_is_asked_is_refused()
    {
        var scenarios = RealScenarios.Replace("dark-urine: \"yes\", dark-urine-muscles: \"yes\", ", "dark-urine: \"yes\", ");
        Assert.NotEqual(RealScenarios, scenarios);
        Single(Verify(RealData, scenarios).Problems, "does not answer 'dark-urine-muscles', which is asked");
    }
}
