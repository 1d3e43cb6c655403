using Site.Checker;
using Site.Diagnostics;
using Site.Tests.Support;

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

    [Fact]
    public void A_red_flag_after_an_ordinary_question_is_refused()
    {
        var data = RealData.Replace("  - id: infection\n    red_flag: true", "  - id: infection\n    red_flag: false");
        var problem = Single(Verify(data).Problems, "the red-flag question 'numbness' comes after 'infection'");
        Assert.Equal(LineOf(data, "- id: numbness"), problem.Line);
        Assert.Equal(Codes.Checker, problem.Code);
    }

    [Fact]
    public void An_emergency_answer_outside_the_red_flags_is_refused()
    {
        var data = RealData.Replace("{ id: \"severe\", text: \"It is severe\", level: urgent,", "{ id: \"severe\", text: \"It is severe\", level: emergency,");
        var problem = Single(Verify(data).Problems, "the answer 'severe' of 'pain' is an emergency");
        Assert.Equal(LineOf(data, "id: \"severe\""), problem.Line);
    }

    [Fact]
    public void A_flow_that_lets_a_later_answer_lower_the_result_is_refused()
    {
        CheckerFlow.Stepper lastAnswerWins = (data, answered) =>
        {
            var (next, result) = CheckerFlow.Step(data, answered);
            return next != null || result == "emergency" ? (next, result) : (null, answered[^1].Answer.Level);
        };
        var problems = Verify(RealData, stepper: lastAnswerWins).Problems;
        Single(problems, "lower than 'urgent'");
        Single(problems, "more combinations give a lower level than one of their answers");
    }

    [Fact]
    public void A_flow_that_goes_on_after_an_emergency_answer_is_refused()
    {
        CheckerFlow.Stepper ignoresEmergencies = (data, answered) =>
            answered.Count < data.Questions.Count
                ? (data.Questions[answered.Count], null)
                : (null, answered.Select(a => a.Answer.Level).MaxBy(CheckerData.Rank));
        Single(Verify(RealData, stepper: ignoresEmergencies).Problems, "does not end the checker with the emergency result");
    }

    [Fact]
    public void A_combination_without_a_result_is_refused()
    {
        CheckerFlow.Stepper noResult = (data, answered) =>
        {
            var (next, result) = CheckerFlow.Step(data, answered);
            return (next, result == "self-care" ? null : result);
        };
        Single(Verify(RealData, stepper: noResult).Problems, "reach no result");
    }

    [Fact]
    public void A_question_that_can_never_be_asked_is_refused()
    {
        var data = RealData.Replace("      - { id: \"no\", text: \"No\", level: self-care }\n\n  - id: stroke", "      - { id: \"no\", text: \"No\", level: emergency, signs: [\"you feel unwell\"] }\n\n  - id: stroke");
        var problem = Single(Verify(data).Problems, "the question 'stroke' is never asked");
        Assert.Equal(LineOf(data, "- id: stroke"), problem.Line);
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
    public void An_answer_above_self_care_must_name_its_signs()
    {
        var data = RealData.Replace(", signs: [\"your pain is severe\"]", "");
        var problem = Single(Verify(data).Problems, "the answer 'severe' of 'pain' calls for 'urgent' but names no warning signs");
        Assert.Equal(LineOf(data, "id: \"severe\""), problem.Line);
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
