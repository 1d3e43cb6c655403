using Jint;
using Jint.Native;
using Site.Checker;
using Site.Diagnostics;
using Site.Tests.Support;
using Site.Urgency;

namespace Site.Tests.Checker;

/// <summary>
/// The browser's evaluation module, run in Jint on the same data, agrees with the C# rules the build
/// proved safe, on every combination of answers: one source of truth, two engines.
/// </summary>
public sealed class EvaluateScriptTests
{
    private static readonly string ScriptPath = Path.Combine(RepoPaths.Theme, "assets", "checker", "evaluate.js");

    private static CheckerData RealData()
    {
        var diagnostics = new DiagnosticBag();
        var data = CheckerDataReader.Read(File.ReadAllText(Path.Combine(RepoPaths.Input, "data", "checker.yml")), "checker.yml", diagnostics);
        Assert.True(data != null, string.Join("\n", diagnostics.Sorted()));
        return data!;
    }

    private static (Engine Engine, JsValue Step, JsValue Data) Load(CheckerData data) =>
        Load(data, "step");

    private static (Engine Engine, JsValue Function, JsValue Data) Load(CheckerData data, string function)
    {
        var engine = new Engine();
        engine.Modules.Add("evaluate", File.ReadAllText(ScriptPath));
        var module = engine.Modules.Import("evaluate");
        var json = CheckerPageData.Json(data, path => new CheckerPageData.Link(path, "/" + path));
        return (engine, module.Get(function), new Jint.Native.Json.JsonParser(engine).Parse(json));
    }

    private static (string? Question, string? Result) Call(Engine engine, JsValue step, JsValue data, IEnumerable<string> answers)
    {
        var ids = engine.Intrinsics.Array.Construct(answers.Select(a => (JsValue)a).ToArray());
        var outcome = engine.Invoke(step, data, ids).AsObject();
        var question = outcome.Get("question");
        var result = outcome.Get("result");
        return (question.IsUndefined() ? null : question.AsObject().Get("id").AsString(), result.IsUndefined() ? null : result.AsString());
    }

    [Fact]
    public void Every_combination_gives_the_level_the_verifier_computed()
    {
        var data = RealData();
        var (engine, step, json) = Load(data);
        var combinations = 0;
        foreach (var (path, result) in CheckerFlow.Paths(data, CheckerFlow.Step))
        {
            combinations++;
            var ids = path.Select(p => p.Answer.Id).ToList();
            for (var asked = 0; asked < ids.Count; asked++)
                Assert.Equal((path[asked].Question.Id, (string?)null), Call(engine, step, json, ids.Take(asked)));
            Assert.Equal(((string?)null, result), Call(engine, step, json, ids));
        }
        Assert.Equal(2 + 2 + 2 + 3 * 7 * 3 * 9 * 8 * 3, combinations); // as CheckerVerifierTests counts them
    }

    /// <summary>"Question 3 of up to 11": the script's count of the questions still to come agrees with the C# on every way through.</summary>
    [Fact]
    public void Every_step_of_every_combination_shows_the_progress_the_CSharp_computes()
    {
        var data = RealData();
        var (engine, progress, json) = Load(data, "progress");
        var steps = 0;
        var inexact = 0;
        foreach (var (path, _) in CheckerFlow.Paths(data, CheckerFlow.Step))
        {
            for (var asked = 0; asked < path.Count; asked++)
            {
                var ids = engine.Intrinsics.Array.Construct(path.Take(asked).Select(p => (JsValue)p.Answer.Id).ToArray());
                var outcome = engine.Invoke(progress, json, ids).AsObject();
                var expected = CheckerFlow.Progress(data, path.Take(asked).ToList());
                Assert.Equal(expected, ((int)outcome.Get("number").AsNumber(), (int)outcome.Get("most").AsNumber(), outcome.Get("exact").AsBoolean()));
                steps++;
                inexact += expected.Exact ? 0 : 1;
            }
        }
        Assert.True(steps > 10_000, $"only {steps} steps");
        Assert.True(inexact > 0 && inexact < steps, "the count is never, or always, uncertain");
    }

    [Fact]
    public void A_follow_up_is_asked_only_after_the_answers_it_names()
    {
        var data = RealData();
        var (engine, step, json) = Load(data);
        string[] calmBefore = ["no", "no", "no", "no"]; // chest, face, arm and speech, neck, swollen leg
        Assert.Equal(("dark-urine", (string?)null), Call(engine, step, json, calmBefore));
        Assert.Equal(("dark-urine-muscles", (string?)null), Call(engine, step, json, [.. calmBefore, "yes"]));
        Assert.Equal(("dark-urine-muscles", (string?)null), Call(engine, step, json, [.. calmBefore, "not-sure"]));
        Assert.Equal(("infection", (string?)null), Call(engine, step, json, [.. calmBefore, "no"]));
        Assert.Equal(("infection", (string?)null), Call(engine, step, json, [.. calmBefore, "yes", "no"]));
        // Dark pee alone is a clinician; with aching muscles, help today.
        string[] rest = ["no", "no", "none", "no"]; // fever, numbness, pain, bruising
        Assert.Equal(((string?)null, "clinician"), Call(engine, step, json, [.. calmBefore, "yes", "no", .. rest]));
        Assert.Equal(((string?)null, "urgent"), Call(engine, step, json, [.. calmBefore, "yes", "yes", .. rest]));
        Assert.Equal(((string?)null, "self-care"), Call(engine, step, json, [.. calmBefore, "no", .. rest]));
    }

    [Fact]
    public void An_emergency_answer_ends_at_once_and_not_sure_escalates()
    {
        var data = RealData();
        var (engine, step, json) = Load(data);
        Assert.Equal(((string?)null, "emergency"), Call(engine, step, json, ["not-sure"]));
        Assert.Equal(((string?)null, "emergency"), Call(engine, step, json, ["no", "yes"]));
        Assert.Equal(((string?)null, "emergency"), Call(engine, step, json, ["no", "no", "not-sure"]));
        var quiet = new List<(CheckerQuestion Question, CheckerAnswer Answer)>();
        while (CheckerFlow.Step(data, quiet) is { Next: { } next })
            quiet.Add((next, CheckerFlow.Calmest(data, next)));
        var ids = quiet.Select(q => q.Answer.Id).ToList();
        Assert.Equal(((string?)null, "self-care"), Call(engine, step, json, ids));
        Assert.Equal("bruising", quiet[^1].Question.Id);
        ids[^1] = "not-sure"; // bruising: not sure counts as yes
        Assert.Equal(((string?)null, "clinician"), Call(engine, step, json, ids));
    }

    [Fact]
    public void An_unknown_answer_is_an_error_not_a_result()
    {
        var (engine, step, json) = Load(RealData());
        Assert.ThrowsAny<Exception>(() => Call(engine, step, json, ["maybe"]));
    }

    /// <summary>The script ranks answers by the levels in its data, in their ranks' order, and keeps no list of its own.</summary>
    [Fact]
    public void The_levels_and_their_order_come_from_the_data()
    {
        var engine = new Engine();
        engine.Modules.Add("evaluate", File.ReadAllText(ScriptPath));
        var step = engine.Modules.Import("evaluate").Get("step");
        const string json = """
            {
              "levels": [ { "id": "high", "rank": 2 }, { "id": "low", "rank": 0 }, { "id": "mid", "rank": 1 } ],
              "questions": [
                { "id": "q1", "answers": [ { "id": "a", "level": "low" }, { "id": "b", "level": "mid" }, { "id": "c", "level": "high" } ] },
                { "id": "q2", "answers": [ { "id": "a", "level": "low" }, { "id": "b", "level": "mid" } ] }
              ]
            }
            """;
        var data = new Jint.Native.Json.JsonParser(engine).Parse(json);
        Assert.Equal(("q2", (string?)null), Call(engine, step, data, ["a"]));
        Assert.Equal(((string?)null, "low"), Call(engine, step, data, ["a", "a"]));
        Assert.Equal(((string?)null, "mid"), Call(engine, step, data, ["b", "a"]));
        Assert.Equal(((string?)null, "mid"), Call(engine, step, data, ["a", "b"]));
        Assert.Equal(((string?)null, "high"), Call(engine, step, data, ["c"])); // the most urgent level ends at once
    }
}
