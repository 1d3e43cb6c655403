using Site.Urgency;

namespace Site.Checker;

/// <summary>
/// How the checker moves, the C# twin of <c>theme/assets/checker/evaluate.js</c>: questions in order, each
/// with "Not sure" added as its most urgent answer, a follow-up only after the answers it names (<see cref="AskIf"/>);
/// an emergency answer ends at once; otherwise the result is the most urgent level any answer called for.
/// Tests prove the two agree on every combination.
/// </summary>
public static class CheckerFlow
{
    public const string NotSureText = "Not sure";

    /// <summary>Shown with a question whose answers are in order of urgency (<c>choose: first-that-fits</c>).</summary>
    public const string FirstThatFitsText = "More than one answer may be true. Choose the first one that is true for you.";

    /// <summary>A question's answers as the reader sees them, "Not sure" last.</summary>
    public static IReadOnlyList<CheckerAnswer> Answers(CheckerQuestion question) =>
        [.. question.Answers, new CheckerAnswer(CheckerAnswer.NotSure, NotSureText, MostUrgent(question), [], question.Line)];

    public static string MostUrgent(CheckerQuestion question) =>
        question.Answers.Select(a => a.Level).MaxBy(UrgencyLevels.Rank) ?? UrgencyLevels.LeastUrgent.Id;

    /// <summary>
    /// The most urgent level a reader can reach through this question and the follow-ups asked after it: what a
    /// search for its sign warns of. A gate such as "Do you have numbness?" calls for nothing itself; its follow-up does.
    /// </summary>
    public static string MostUrgentReachable(CheckerData data, CheckerQuestion question)
    {
        var index = IndexOf(data, question);
        var worst = MostUrgent(question);
        // A follow-up comes after the question it depends on (the reader checks), so this ends.
        for (var i = index + 1; i < data.Questions.Count; i++)
        {
            if (data.Questions[i].AskIf?.Question == question.Id && MostUrgentReachable(data, data.Questions[i]) is { } level
                && UrgencyLevels.Rank(level) > UrgencyLevels.Rank(worst))
                worst = level;
        }
        return worst;
    }

    /// <summary>Whether the data asks <paramref name="question"/> of a reader who gave these answers so far.</summary>
    public static bool IsAsked(CheckerQuestion question, IReadOnlyList<(CheckerQuestion Question, CheckerAnswer Answer)> answered) =>
        question.AskIf is not { } rule || answered.Any(a => a.Question.Id == rule.Question && rule.Answers.Contains(a.Answer.Id));

    /// <summary>
    /// The least worrying answer, preferring one after which no follow-up is asked: the answer of a reader who has
    /// none of what the question asks.
    /// </summary>
    public static CheckerAnswer Calmest(CheckerData data, CheckerQuestion question) =>
        Answers(question)
            .OrderBy(a => UrgencyLevels.Rank(a.Level))
            .ThenBy(a => data.Questions.Any(f => f.AskIf?.Question == question.Id && f.AskIf.Answers.Contains(a.Id)) ? 1 : 0)
            .First();

    /// <summary>The next question to ask, or the result once there is one.</summary>
    public static (CheckerQuestion? Next, string? Result) Step(CheckerData data, IReadOnlyList<(CheckerQuestion Question, CheckerAnswer Answer)> answered)
    {
        if (answered.Count > 0 && answered[^1].Answer.Level == UrgencyLevels.MostUrgent.Id)
            return (null, UrgencyLevels.MostUrgent.Id);
        var from = answered.Count == 0 ? 0 : IndexOf(data, answered[^1].Question) + 1;
        for (var i = from; i < data.Questions.Count; i++)
        {
            if (IsAsked(data.Questions[i], answered))
                return (data.Questions[i], null);
        }
        var result = answered.Select(a => a.Answer.Level).Prepend(UrgencyLevels.LeastUrgent.Id).MaxBy(UrgencyLevels.Rank)!;
        return (null, result);
    }

    /// <summary>
    /// Where the reader is: the number of the next question, and the most questions they can be asked in all, which
    /// is exact once no follow-up still hangs on an answer to come. An emergency answer may end it sooner.
    /// </summary>
    public static (int Number, int Most, bool Exact) Progress(CheckerData data, IReadOnlyList<(CheckerQuestion Question, CheckerAnswer Answer)> answered)
    {
        var from = answered.Count == 0 ? 0 : IndexOf(data, answered[^1].Question) + 1;
        // For each question: asked (1), not asked (0), or not known yet (2), in order, since a follow-up comes after its question.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var (most, exact) = (answered.Count, true);
        for (var i = 0; i < data.Questions.Count; i++)
        {
            var q = data.Questions[i];
            int s;
            if (i < from)
                s = answered.Any(a => a.Question.Id == q.Id) ? 1 : 0;
            else if (q.AskIf is not { } rule)
                s = 1;
            else if (answered.FirstOrDefault(a => a.Question.Id == rule.Question) is { Question: not null } given)
                s = rule.Answers.Contains(given.Answer.Id) ? 1 : 0;
            else
                s = state.GetValueOrDefault(rule.Question) == 0 ? 0 : 2;
            state[q.Id] = s;
            if (i >= from && s > 0)
                most++;
            exact &= s != 2;
        }
        return (answered.Count + 1, most, exact);
    }

    /// <summary>The question's place in the data (questions are few: at most <see cref="CheckerVerifier.MaxQuestions"/>).</summary>
    private static int IndexOf(CheckerData data, CheckerQuestion question)
    {
        for (var i = 0; i < data.Questions.Count; i++)
        {
            if (ReferenceEquals(data.Questions[i], question) || data.Questions[i].Id == question.Id)
                return i;
        }
        return data.Questions.Count;
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
