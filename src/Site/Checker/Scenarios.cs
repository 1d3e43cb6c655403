using Site.Diagnostics;
using Site.Yaml;
using YamlDotNet.RepresentationModel;

namespace Site.Checker;

/// <summary>
/// Reviewed examples of the checker's results (<c>data/checker-scenarios.yml</c>): named sets of answers and
/// the level a clinician expects, signed off with a name and date. The build refuses rules that disagree,
/// so changing a level means changing this file too, in plain sight.
/// </summary>
public sealed record Scenarios(string ReviewedBy, DateOnly ReviewedOn, IReadOnlyList<Scenario> Items)
{
    public const string RelativePath = "data/checker-scenarios.yml";

    public static Scenarios? Read(string text, string file, DiagnosticBag diagnostics)
    {
        var r = MappingReader.From(YamlText.Parse(text, 1, file, diagnostics), 1, file, diagnostics, "the scenarios", 1);
        if (r == null)
            return null;
        r.RejectUnknownKeys("reviewed_by", "reviewed_on", "scenarios");
        var reviewer = r.String("reviewed_by", true, "Clinical lead");
        var reviewed = r.Date("reviewed_on", true);
        var items = new List<Scenario>();
        foreach (var item in r.Sequence("scenarios", true, "- name: Chest pain")?.Children ?? [])
        {
            var s = r.Item(item, "scenarios");
            if (s == null)
                continue;
            s.RejectUnknownKeys("name", "answers", "expect");
            var name = s.String("name", true, "Chest pain ends the checker");
            var expect = s.String("expect", true, "emergency");
            var answers = new Dictionary<string, (string Answer, int Line)>(StringComparer.Ordinal);
            if (s.Node("answers", true, "{ chest: \"yes\" }") is YamlMappingNode map)
            {
                foreach (var (key, value) in map.Children)
                {
                    if (key is YamlScalarNode { Value: { } question } && value is YamlScalarNode { Value: { } answer })
                        answers[question] = (answer, YamlText.Line(key, 1));
                    else
                        s.Error(Codes.InvalidValue, key, "each answer must be 'question: answer'", "for example 'chest: \"no\"'");
                }
            }
            else if (s.Node("answers", false, "") is { } wrong)
            {
                s.Error(Codes.InvalidValue, wrong, "'answers' must map question ids to answer ids", "for example 'answers: { chest: \"no\", pain: mild }'");
            }
            if (name != null && expect != null)
                items.Add(new Scenario(name, answers, expect, s.Line));
        }
        return r.ErrorCount > 0 || reviewer == null || reviewed == null ? null : new Scenarios(reviewer, reviewed.Value, items);
    }
}

public sealed record Scenario(string Name, IReadOnlyDictionary<string, (string Answer, int Line)> Answers, string Expect, int Line);
