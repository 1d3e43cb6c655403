using Site.Urgency;

namespace Site.Checker;

/// <summary>
/// How the checker moves, the C# twin of <c>theme/assets/checker/evaluate.js</c>: questions in order, each
/// with "Not sure" added as its most urgent answer; an emergency answer ends at once; otherwise the result
/// is the most urgent level any answer called for. Tests prove the two agree on every combination.
/// </summary>
public static class CheckerFlow
{
    public const string NotSureText = "Not sure";

    /// <summary>A question's answers as the reader sees them, "Not sure" last.</summary>
    public static IReadOnlyList<CheckerAnswer> Answers(CheckerQuestion question) =>
        [.. question.Answers, new CheckerAnswer(CheckerAnswer.NotSure, NotSureText, MostUrgent(question), [], question.Line)];

    public static string MostUrgent(CheckerQuestion question) =>
        question.Answers.Select(a => a.Level).MaxBy(UrgencyLevels.Rank) ?? UrgencyLevels.LeastUrgent.Id;

    /// <summary>The next question to ask, or the result once there is one.</summary>
    public static (CheckerQuestion? Next, string? Result) Step(CheckerData data, IReadOnlyList<(CheckerQuestion Question, CheckerAnswer Answer)> answered)
    {
        if (answered.Count > 0 && answered[^1].Answer.Level == UrgencyLevels.MostUrgent.Id)
            return (null, UrgencyLevels.MostUrgent.Id);
        if (answered.Count < data.Questions.Count)
            return (data.Questions[answered.Count], null);
        var result = answered.Select(a => a.Answer.Level).Prepend(UrgencyLevels.LeastUrgent.Id).MaxBy(UrgencyLevels.Rank)!;
        return (null, result);
    }

    /// <summary>Given the answers so far: the next question, or the result.</summary>
    public delegate (CheckerQuestion? Next, string? Result) Stepper(CheckerData data, IReadOnlyList<(CheckerQuestion Question, CheckerAnswer Answer)> answered);

    /// <summary>Every way through the checker under <paramref name="step"/>: the answers given and the result reached.</summary>
    public static IEnumerable<(IReadOnlyList<(CheckerQuestion Question, CheckerAnswer Answer)> Path, string? Result)> Paths(CheckerData data, Stepper step) =>
        Walk(data, step, []);

    private static IEnumerable<(IReadOnlyList<(CheckerQuestion, CheckerAnswer)>, string?)> Walk(
        CheckerData data, Stepper step, List<(CheckerQuestion, CheckerAnswer)> path)
    {
        var (next, result) = step(data, path);
        if (next == null || path.Count > data.Questions.Count)
        {
            yield return (path.ToList(), result);
            yield break;
        }
        foreach (var answer in Answers(next))
        {
            path.Add((next, answer));
            foreach (var done in Walk(data, step, path))
                yield return done;
            path.RemoveAt(path.Count - 1);
        }
    }
}
