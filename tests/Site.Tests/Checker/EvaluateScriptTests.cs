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

    private static (Engine Engine, JsValue Step, JsValue Data) Load(CheckerData data)
    {
        var engine = new Engine();
        engine.Modules.Add("evaluate", File.ReadAllText(ScriptPath));
        var module = engine.Modules.Import("evaluate");
        var json = CheckerPageData.Json(data, path => new CheckerPageData.Link(path, "/" + path));
        return (engine, module.Get("step"), new Jint.Native.Json.JsonParser(engine).Parse(json));
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
        Assert.Equal(1300, combinations);
    }

    [Fact]
    public void An_emergency_answer_ends_at_once_and_not_sure_escalates()
    {
        var data = RealData();
        var (engine, step, json) = Load(data);
        Assert.Equal(((string?)null, "emergency"), Call(engine, step, json, ["not-sure"]));
        Assert.Equal(((string?)null, "emergency"), Call(engine, step, json, ["no", "yes"]));
        var quiet = data.Questions.Select(q => q.Answers.MinBy(a => UrgencyLevels.Rank(a.Level))!.Id).ToList();
        Assert.Equal(((string?)null, "self-care"), Call(engine, step, json, quiet));
        quiet[^1] = "not-sure"; // bruising: not sure counts as yes
        Assert.Equal(((string?)null, "clinician"), Call(engine, step, json, quiet));
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
