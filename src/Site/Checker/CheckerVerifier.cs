using Site.Diagnostics;
using Site.Urgency;

namespace Site.Checker;

/// <summary>
/// Proves the checker's data safe before anything is written, by walking every combination of answers:
/// red flags first (and the questions that can end in an emergency before them all), an emergency answer ends at once
/// with the emergency result, no answer ever lowers the result, each follow-up is asked exactly when its answers were
/// given, every question can be reached, and the results match the reviewed scenarios, which must pin the level of
/// every answer. The rules are checked as the checker applies them (<see cref="CheckerFlow.Step"/>,
/// or another stepper in tests), so a fault in the flow is caught as surely as a fault in the data.
/// </summary>
public sealed class CheckerVerifier(CheckerData data, string dataFile, DiagnosticBag diagnostics, CheckerFlow.Stepper? stepper = null)
{
    private readonly CheckerFlow.Stepper _step = stepper ?? CheckerFlow.Step;

    /// <summary>The level whose answers end the checker at once.</summary>
    private static string Emergency => UrgencyLevels.MostUrgent.Id;

    /// <summary>The most questions, and answer combinations, the build will walk: far above what a checker needs.</summary>
    public const int MaxQuestions = 40;
    public const int MaxCombinations = 200_000;

    /// <returns>How many combinations of answers were checked.</returns>
    public int Verify(Scenarios? scenarios, string scenariosFile)
    {
        if (!WithinLimits())
            return 0;
        CheckOrder();
        var combinations = CheckCombinations();
        if (scenarios != null)
        {
            foreach (var scenario in scenarios.Items)
                CheckScenario(scenario, scenariosFile);
            CheckCoverage(scenarios, scenariosFile);
        }
        return combinations;
    }

    // One fault in the rules can break a thousand combinations; a few examples of each say enough.
    private const int ExamplesPerFault = 3;
    private readonly Dictionary<string, int> _faults = new(StringComparer.Ordinal);

    private void Error(int line, string message, string hint) => diagnostics.Error(Codes.Checker, dataFile, line, 1, message, hint);

    private void Fault(string kind, int line, string message, string hint)
    {
        var seen = _faults[kind] = _faults.GetValueOrDefault(kind) + 1;
        if (seen <= ExamplesPerFault)
            Error(line, message, hint);
    }

    private void ReportHiddenFaults()
    {
        foreach (var (kind, count) in _faults.Where(f => f.Value > ExamplesPerFault))
            Error(1, $"{count - ExamplesPerFault} more combinations {kind}", "fix the examples above and build again");
    }

    /// <summary>Every combination is walked, so their number is counted first: a few more questions multiply it.</summary>
    private bool WithinLimits()
    {
        if (data.Questions.Count > MaxQuestions)
        {
            Error(data.Questions[MaxQuestions].Line, $"the checker has {data.Questions.Count} questions; the most is {MaxQuestions}",
                "ask fewer questions: each one more multiplies the ways through the checker");
            return false;
        }
        var combinations = CombinationsOfTheFlow();
        if (combinations <= MaxCombinations)
            return true;
        Error(data.Questions[0].Line, $"the questions can be answered in about {combinations:G3} ways; the build proves at most {MaxCombinations:N0}",
            "ask fewer questions, or give them fewer answers");
        return false;
    }

    /// <summary>
    /// The ways through the checker as it runs, at most: an emergency answer ends it, any other goes on, and every
    /// follow-up is counted as asked (skipping one only makes fewer).
    /// </summary>
    private double CombinationsOfTheFlow()
    {
        var after = 1.0;
        for (var i = data.Questions.Count - 1; i >= 0; i--)
        {
            var answers = CheckerFlow.Answers(data.Questions[i]);
            var ending = answers.Count(a => a.Level == Emergency);
            after = ending + (answers.Count - ending) * after;
        }
        return after;
    }

    private void CheckOrder()
    {
        var firstOther = data.Questions.FirstOrDefault(q => !q.RedFlag);
        foreach (var late in data.Questions.SkipWhile(q => q.RedFlag).Where(q => q.RedFlag))
            Error(late.Line, $"the red-flag question '{late.Id}' comes after '{firstOther!.Id}', which is not a red flag",
                "move every red-flag question above the other questions: red flags are asked first");
        foreach (var question in data.Questions.Where(q => !q.RedFlag))
            foreach (var answer in question.Answers.Where(a => a.Level == Emergency))
                Error(answer.Line, $"the answer '{answer.Id}' of '{question.Id}' is an emergency, but '{question.Id}' is not a red flag",
                    "mark the question 'red_flag: true' and move it up with the other red flags");
        // A reader with an emergency sign must reach its question before any other.
        var firstCalm = data.Questions.FirstOrDefault(q => q.Answers.All(a => a.Level != Emergency));
        foreach (var late in data.Questions.SkipWhile(q => q.Answers.Any(a => a.Level == Emergency)).Where(q => q.Answers.Any(a => a.Level == Emergency)))
            Error(late.Line, $"the question '{late.Id}' can end in an emergency but comes after '{firstCalm!.Id}', which cannot",
                "move every question with an emergency answer above the others: emergencies are asked about first");
    }

    /// <summary>
    /// Whether the questions asked on a way through are the ones the data asks, in its order: each follow-up exactly when
    /// its answers were given. Null when they are, else what went wrong.
    /// </summary>
    private string? Misasked(IReadOnlyList<(CheckerQuestion Question, CheckerAnswer Answer)> path, string? result)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        bool Asked(CheckerQuestion q) => q.AskIf is not { } rule || (given.TryGetValue(rule.Question, out var a) && rule.Answers.Contains(a));
        var next = 0;
        for (var i = 0; i <= path.Count; i++)
        {
            while (next < data.Questions.Count && !Asked(data.Questions[next]))
                next++;
            if (i == path.Count)
                return next < data.Questions.Count && result != Emergency ? $"end without asking '{data.Questions[next].Id}'" : null;
            if (next >= data.Questions.Count || data.Questions[next].Id != path[i].Question.Id)
                return next < data.Questions.Count ? $"ask '{path[i].Question.Id}' where '{data.Questions[next].Id}' comes next" : $"ask '{path[i].Question.Id}' after the last question";
            given[path[i].Question.Id] = path[i].Answer.Id;
            next++;
        }
        return null;
    }

    private int CheckCombinations()
    {
        var count = 0;
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, result) in CheckerFlow.Paths(data, _step))
        {
            // A faulty flow (tests inject some) may not stop where the data says; the walk stays bounded anyway.
            if (++count > MaxCombinations)
            {
                Error(1, $"the checker's flow goes on past {MaxCombinations:N0} combinations", "an answer must end the checker or lead to the next question");
                break;
            }
            foreach (var (question, _) in path)
                reached.Add(question.Id);
            var described = string.Join(", ", path.Select(p => $"{p.Question.Id}: {p.Answer.Id}"));
            var worst = path.Select(p => p.Answer.Level).Prepend(UrgencyLevels.LeastUrgent.Id).MaxBy(UrgencyLevels.Rank)!;
            if (result == null || data.Levels.All(l => l.Id != result))
            {
                Fault("reach no result", path.Count > 0 ? path[^1].Answer.Line : 1, $"the answers ({described}) reach no result", "every way through the questions must end in one of the levels");
                continue;
            }
            if (UrgencyLevels.Rank(result) < UrgencyLevels.Rank(worst))
                Fault("give a lower level than one of their answers", path[^1].Answer.Line, $"the answers ({described}) give '{result}', lower than '{worst}'", "a more worrying answer may never lower the result");
            if (Misasked(path, result) is { } wrong)
                Fault("ask the questions out of the data's order", path.Count > 0 ? path[^1].Answer.Line : 1, $"the answers ({described}) {wrong}",
                    "each question is asked in order, a follow-up only after the answers its 'ask_if' names");
            var emergency = path.Select((p, i) => p.Answer.Level == Emergency ? i : -1).FirstOrDefault(i => i >= 0, -1);
            if (emergency >= 0 && (emergency != path.Count - 1 || result != Emergency))
                Fault("go on past an emergency answer", path[emergency].Answer.Line, $"the emergency answer in ({described}) does not end the checker with the emergency result",
                    "an emergency answer must stop the checker at once");
        }
        ReportHiddenFaults();
        foreach (var question in data.Questions.Where(q => !reached.Contains(q.Id)))
            Error(question.Line, $"the question '{question.Id}' is never asked", "an earlier question ends the checker on every answer; give it an answer that goes on");
        return count;
    }

    private void CheckScenario(Scenario scenario, string file)
    {
        var path = new List<(CheckerQuestion Question, CheckerAnswer Answer)>();
        while (true)
        {
            var (next, result) = _step(data, path);
            if (next == null || path.Count > data.Questions.Count)
            {
                foreach (var (question, (_, line)) in scenario.Answers.Where(a => path.All(p => p.Question.Id != a.Key)))
                    diagnostics.Error(Codes.Checker, file, line, 1,
                        data.Questions.FirstOrDefault(q => q.Id == question) is not { } unasked
                            ? $"scenario '{scenario.Name}' answers '{question}', which is not a question"
                            : result == Emergency || unasked.AskIf == null
                                ? $"scenario '{scenario.Name}' answers '{question}', which is never asked: the checker has ended"
                                : $"scenario '{scenario.Name}' answers '{question}', which is never asked with these answers: it is asked only when '{unasked.AskIf.Question}' is answered {string.Join(" or ", unasked.AskIf.Answers.Select(a => $"'{a}'"))}",
                        "remove that answer from the scenario");
                if (UrgencyLevels.Rank(scenario.Expect) < 0)
                    diagnostics.Error(Codes.Checker, file, scenario.Line, 1, $"scenario '{scenario.Name}' expects '{scenario.Expect}', which is not a level",
                        $"use one of: {string.Join(", ", UrgencyLevels.Ids)}");
                else if (result != scenario.Expect)
                    diagnostics.Error(Codes.Checker, file, scenario.Line, 1,
                        $"scenario '{scenario.Name}' expects '{scenario.Expect}', but the rules now give '{result}'",
                        "if the change is meant, have a clinician review it, then update 'expect', 'reviewed_by' and 'reviewed_on'");
                return;
            }
            if (!scenario.Answers.TryGetValue(next.Id, out var given))
            {
                diagnostics.Error(Codes.Checker, file, scenario.Line, 1, $"scenario '{scenario.Name}' does not answer '{next.Id}', which is asked",
                    $"add '{next.Id}' with one of: {string.Join(", ", CheckerFlow.Answers(next).Select(a => a.Id))}");
                return;
            }
            var answer = CheckerFlow.Answers(next).FirstOrDefault(a => a.Id == given.Answer);
            if (answer == null)
            {
                diagnostics.Error(Codes.Checker, file, given.Line, 1, $"'{given.Answer}' is not an answer of '{next.Id}'",
                    $"use one of: {string.Join(", ", CheckerFlow.Answers(next).Select(a => a.Id))}");
                return;
            }
            path.Add((next, answer));
        }
    }

    /// <summary>
    /// Each answer needs a scenario where it is given and every other question gets its least urgent answer (and the
    /// questions it follows up, the least urgent answer that asks it): then no level can change without a scenario
    /// changing with it.
    /// </summary>
    private void CheckCoverage(Scenarios scenarios, string file)
    {
        foreach (var question in data.Questions)
        {
            foreach (var answer in CheckerFlow.Answers(question))
            {
                if (Isolating(question, answer) is not { } needed)
                    continue; // never asked: reported with the combinations
                if (scenarios.Items.Any(s => needed.All(n => s.Answers.TryGetValue(n.Question.Id, out var a) && a.Answer == n.Answer.Id) && s.Answers.Count == needed.Count))
                    continue;
                var yaml = string.Join(", ", needed.Select(n => $"{n.Question.Id}: \"{n.Answer.Id}\""));
                var (_, expected) = _step(data, needed);
                diagnostics.Error(Codes.Checker, dataFile, answer.Line, 1,
                    $"no reviewed scenario pins the level of '{question.Id}: {answer.Id}'",
                    $"add to {Path.GetFileName(file)}: - {{ name: ..., answers: {{ {yaml} }}, expect: {expected ?? "?"} }}");
            }
        }
    }

    /// <summary>
    /// The answers that isolate one answer, following the data's flow to its end: the chosen answer for its question,
    /// for each question it follows up the least urgent answer that leads to it, and the least urgent answer elsewhere.
    /// Null when the question is never reached.
    /// </summary>
    private List<(CheckerQuestion Question, CheckerAnswer Answer)>? Isolating(CheckerQuestion target, CheckerAnswer chosen)
    {
        // The questions target follows up, each with the answers that lead on towards it.
        var leads = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var q = target; q.AskIf is { } rule && leads.Count < data.Questions.Count; q = data.Questions.First(x => x.Id == rule.Question))
            leads[rule.Question] = rule.Answers;
        var answers = new List<(CheckerQuestion, CheckerAnswer)>();
        while (answers.Count <= data.Questions.Count && CheckerFlow.Step(data, answers) is { Next: { } next })
        {
            var answer = next == target ? chosen
                : leads.TryGetValue(next.Id, out var lead)
                    ? CheckerFlow.Answers(next).Where(a => lead.Contains(a.Id)).MinBy(a => UrgencyLevels.Rank(a.Level))!
                    : CheckerFlow.Calmest(data, next);
            answers.Add((next, answer));
        }
        return answers.Any(a => a.Item1 == target) ? answers : null;
    }
}
