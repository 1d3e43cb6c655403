namespace Site.Checker;

/// <summary>
/// The symptom checker's questions and rules, from <c>input/data/checker.yml</c>. Writers edit the data;
/// the build proves it safe before anything is published.
/// </summary>
public sealed record CheckerData(
    string Version,
    DateOnly LastReviewed,
    string ReviewedBy,
    IReadOnlyList<CheckerLevel> Levels,
    IReadOnlyList<CheckerQuestion> Questions);

/// <summary>What a result at one level tells the reader. The levels themselves, in order, are <see cref="Urgency.UrgencyLevels"/>.</summary>
/// <param name="Card">The care card it shows as, as written in the data: the reader checks it is the level's card in <see cref="Urgency.UrgencyLevels"/>.</param>
/// <param name="Links">Guidance pages, as paths of markdown pages in the input folder.</param>
/// <param name="Action">What to do and whom to call, said with the level's list of warning signs ("Call 111 …, if:");
/// every level above self-care has one.</param>
public sealed record CheckerLevel(
    string Id,
    string Title,
    string Card,
    string Advice,
    string IfWorse,
    IReadOnlyList<string> Links,
    int Line,
    string? Action = null);

/// <param name="RedFlag">Red-flag questions are asked first; their terms also raise a notice in search.</param>
/// <param name="SearchTerms">Words a worried reader might type for this sign ("chest pain", "dark pee"), in any order.</param>
/// <param name="SearchPhrases">Words that count for this sign only in their order ("pain when breathing", "is it a clot").</param>
/// <param name="SearchPhraseExceptions">Words in order that mean something else: where a query says one of them, those
/// words count for none of this sign's terms and phrases ("trouble speaking up" is no trouble speaking, "a warm bath
/// for sore legs" no warm leg).</param>
/// <param name="AskIf">For a follow-up: the earlier answers it is asked after; null for a question everyone is asked.</param>
/// <param name="FirstThatFits">The reader is told to choose the first answer that fits; the answers go from most to least urgent.</param>
public sealed record CheckerQuestion(
    string Id,
    string Text,
    string? Help,
    bool RedFlag,
    IReadOnlyList<string> SearchTerms,
    IReadOnlyList<CheckerAnswer> Answers,
    int Line,
    AskIf? AskIf = null,
    bool FirstThatFits = false)
{
    public IReadOnlyList<string> SearchPhrases { get; init; } = [];

    public IReadOnlyList<string> SearchPhraseExceptions { get; init; } = [];
}

/// <summary>A follow-up question is asked only when <paramref name="Question"/> (an earlier question) got one of <paramref name="Answers"/>.</summary>
public sealed record AskIf(string Question, IReadOnlyList<string> Answers, int Line);

/// <param name="Level">The level this answer calls for; "Not sure" takes the question's most urgent level.</param>
/// <param name="Signs">The warning signs this answer stands for, listed under its level for readers without JavaScript.</param>
public sealed record CheckerAnswer(string Id, string Text, string Level, IReadOnlyList<string> Signs, int Line)
{
    /// <summary>The id of the "Not sure" answer every question gets.</summary>
    public const string NotSure = "not-sure";
}
