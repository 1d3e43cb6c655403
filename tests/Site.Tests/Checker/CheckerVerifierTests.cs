using Site.Checker;
using Site.Diagnostics;
using Site.Tests.Support;
using Site.Urgency;

namespace Site.Tests.Checker;

/// <summary>The verifier refuses each kind of unsafe rule, on variations of the real checker data.</summary>
public sealed class CheckerVerifierTests
{
    private static readonly string RealData = File.ReadAllText(Path.Combine(RepoPaths.Input, "data", "checker.yml"));
    private static readonly string RealScenarios = File.ReadAllText(Path.Combine(RepoPaths.Input, "data", "checker-scenarios.yml"));

    private static (IReadOnlyList<Diagnostic> Problems, int Combinations) Verify(
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

    private static int LineOf(string text, string marker) =>
        text.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(marker)).i + 1;

    private static Diagnostic Single(IReadOnlyList<Diagnostic> problems, string words)
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
        // 2 red flags that can end at once (yes, not sure), then 3*3*3*4*4*3 ways through the rest.
        Assert.Equal(2 + 2 + 3 * 3 * 3 * 4 * 4 * 3, combinations);
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
        "      - { id: \"no\", text: \"No\", level: self-care }\n\n  - id: stroke", "      - { id: \"no\", text: \"No\", level: emergency, signs: [\"you feel unwell\"] }\n\n  - id: stroke",
        "the question 'stroke' is never asked", "- id: stroke")]
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
    [InlineData("      - { id: \"day\", text:", "      - { id: \"worse\", text:", "the answer id 'worse' is used twice in 'numbness'")]
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
        var at = lines.FindIndex(l => l.Contains("Numbness or tingling: yes, for more than about a day"));
        lines.RemoveRange(at, 3);
        var problem = Single(Verify(RealData, string.Join('\n', lines)).Problems, "no reviewed scenario pins the level of 'numbness: day'");
        Assert.Equal(LineOf(RealData, "id: \"day\""), problem.Line);
        Assert.Contains("numbness: \"day\"", problem.Hint);
        Assert.Contains("expect: clinician", problem.Hint);
    }

    [Fact]
    public void A_scenario_that_answers_past_an_emergency_is_refused()
    {
        var scenarios = RealScenarios.Replace("answers: { chest: \"yes\" }", "answers: { chest: \"yes\", stroke: \"no\" }");
        Single(Verify(RealData, scenarios).Problems, "answers 'stroke', which is never asked");
    }
}
