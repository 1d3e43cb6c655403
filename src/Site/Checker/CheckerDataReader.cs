using Site.Diagnostics;
using Site.Search;
using Site.Settings;
using Site.Urgency;
using Site.Yaml;
using YamlDotNet.RepresentationModel;

namespace Site.Checker;

/// <summary>
/// Reads the checker's YAML and checks its form: known keys, the levels of <see cref="UrgencyLevels"/> in order,
/// each with its care card, ids that are unique and levels that exist. It also checks that every reader has an answer
/// that fits each question, and one only: a "No" answer at the least urgent level, and answers in order of urgency
/// where two could both be true; and that a follow-up question names an earlier question and its answers.
/// </summary>
public static class CheckerDataReader
{
    /// <summary>The value of <c>choose</c> for a question whose reader takes the first answer that fits.</summary>
    public const string FirstThatFits = "first-that-fits";

    /// <param name="placeholders">The site's values for <c>{{ name }}</c> in the checker's texts; left as written when null.</param>
    public static CheckerData? Read(string text, string file, DiagnosticBag diagnostics, Placeholders? placeholders = null)
    {
        var root = YamlText.Parse(text, 1, file, diagnostics);
        var r = MappingReader.From(root, 1, file, diagnostics, "the checker data", 1, placeholders, text);
        if (r == null)
            return null;
        r.RejectUnknownKeys("version", "last_reviewed", "reviewed_by", "levels", "questions");
        var version = r.String("version", true, "\"1.0\"");
        var reviewed = r.Date("last_reviewed", true);
        var reviewer = r.String("reviewed_by", true, "Clinical lead");
        var levels = ReadLevels(r);
        var questions = ReadQuestions(r);
        if (r.ErrorCount > 0 || version == null || reviewed == null || reviewer == null)
            return null;
        return new CheckerData(version, reviewed.Value, reviewer, levels, questions);
    }

    private static List<CheckerLevel> ReadLevels(MappingReader r)
    {
        var levels = new List<CheckerLevel>();
        var list = r.Sequence("levels", true, "- id: self-care");
        if (list == null)
            return levels;
        foreach (var item in list)
        {
            var l = r.Item(item, "levels");
            if (l == null)
                continue;
            l.RejectUnknownKeys("id", "title", "card", "action", "advice", "if_worse", "links");
            var id = l.String("id", true, "self-care");
            var title = l.String("title", true, "Look after yourself at home");
            var card = l.String("card", true, "non-urgent");
            // Every level above self-care lists warning signs, and the list must say what to do and whom to call.
            var listsSigns = id != null && id != UrgencyLevels.LeastUrgent.Id;
            var action = l.String("action", listsSigns, "Call {{ numbers.urgent }} or ask your GP surgery for an urgent appointment today");
            if (!listsSigns && action != null)
                l.Error(Codes.Checker, l.Node("action", false, "")!, $"the level '{id}' has no list of warning signs, so 'action' is not shown", "remove the 'action' line");
            var advice = l.String("advice", true, "What to do now.");
            var ifWorse = l.String("if_worse", true, "What to do if things get worse.");
            var links = l.Strings("links", "[aftercare.md]");
            if (card != null && UrgencyLevels.Card(card) == null)
                l.Error(Codes.Checker, l.Node("card", false, "")!, $"'{card}' is not a care card", $"use one of: {string.Join(", ", UrgencyLevels.Cards.Select(c => c.Id))}");
            else if (card != null && UrgencyLevels.Find(id) is { } urgency && urgency.Card.Id != card)
                l.Error(Codes.Checker, l.Node("card", false, "")!, $"the level '{id}' shows as a '{urgency.Card.Id}' care card, not '{card}'",
                    $"write card: {urgency.Card.Id}");
            if (links.Count == 0)
                l.Error(Codes.Checker, item, $"the level '{id}' links to no guidance", "add 'links' with at least one page, for example [aftercare.md]");
            if (id != null && title != null && card != null && advice != null && ifWorse != null)
                levels.Add(new CheckerLevel(id, title, card, advice, ifWorse, links, l.Line, listsSigns ? action : null));
        }
        var ids = levels.Select(l => l.Id).ToList();
        if (r.ErrorCount == 0 && !ids.SequenceEqual(UrgencyLevels.Ids))
            r.Error(Codes.Checker, list, $"the levels are {string.Join(", ", ids)}",
                $"list exactly these levels, in this order: {string.Join(", ", UrgencyLevels.Ids)}");
        return levels;
    }

    private static List<CheckerQuestion> ReadQuestions(MappingReader r)
    {
        var questions = new List<CheckerQuestion>();
        var list = r.Sequence("questions", true, "- id: chest");
        if (list == null)
            return questions;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Every question's id, to tell a follow-up that names a later question from one that names no question.
        var all = list.Children.OfType<YamlMappingNode>()
            .Select(m => m.Children.TryGetValue(new YamlScalarNode("id"), out var v) ? (v as YamlScalarNode)?.Value : null)
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var item in list)
        {
            var q = r.Item(item, "questions");
            if (q == null)
                continue;
            q.RejectUnknownKeys("id", "text", "help", "red_flag", "choose", "ask_if", "search_terms", "search_phrases", "search_phrases_except", "answers");
            var id = q.String("id", true, "chest");
            var text = q.String("text", true, "Do you have chest pain?");
            var help = q.String("help", false, "");
            var redFlag = q.String("red_flag", false, "true") ?? "false";
            if (redFlag is not ("true" or "false"))
                q.Error(Codes.InvalidValue, q.Node("red_flag", false, "")!, "'red_flag' must be true or false");
            var choose = q.String("choose", false, FirstThatFits);
            if (choose is not (null or FirstThatFits))
                q.Error(Codes.InvalidValue, q.Node("choose", false, "")!, $"'choose' can only be '{FirstThatFits}'",
                    $"write 'choose: {FirstThatFits}' (the reader chooses the first answer that fits), or remove the line");
            if (id != null && !seen.Add(id))
                q.Error(Codes.Checker, q.Node("id", false, "")!, $"the question id '{id}' is used twice", "give every question its own id");
            var answers = ReadAnswers(q, id ?? "?", choose == FirstThatFits);
            var askIf = ReadAskIf(q, id ?? "?", questions, all);
            if (id != null && text != null)
                questions.Add(new CheckerQuestion(id, text, help, redFlag == "true", q.Strings("search_terms", "[chest pain]"), answers, q.Line,
                    askIf, choose == FirstThatFits) { SearchPhrases = ReadPhrases(q), SearchPhraseExceptions = ReadExceptions(q) });
        }
        return questions;
    }

    /// <summary>A phrase counts only in its order, so it needs two words or more: one word is a search term.</summary>
    private static List<string> ReadPhrases(MappingReader q)
    {
        var phrases = new List<string>();
        foreach (var (node, value) in q.StringItems("search_phrases", "[pain when breathing]"))
        {
            if (Words.Of(value).Count < 2)
                q.Error(Codes.InvalidValue, node, $"the phrase '{value}' has fewer than two words",
                    "a phrase counts only with its words in its order: put a single word in 'search_terms' instead");
            else
                phrases.Add(value);
        }
        return phrases;
    }

    /// <summary>What a sign's words may stand in, meaning something else ("trouble speaking up", "warm bath"): only a
    /// sign that search finds by its terms or phrases has them.</summary>
    private static List<string> ReadExceptions(MappingReader q)
    {
        var exceptions = q.Strings("search_phrases_except", "[speak up, talk to]");
        if (exceptions.Count > 0 && q.Node("search_phrases", false, "") == null && q.Node("search_terms", false, "") == null)
            q.Error(Codes.InvalidValue, q.Node("search_phrases_except", false, "")!, "'search_phrases_except' takes words back from this sign's search terms and phrases, and it has none",
                "add the sign's 'search_terms' or 'search_phrases', or remove 'search_phrases_except'");
        return exceptions;
    }

    private static List<CheckerAnswer> ReadAnswers(MappingReader q, string question, bool firstThatFits)
    {
        var answers = new List<CheckerAnswer>();
        var list = q.Sequence("answers", true, "- { id: \"yes\", text: \"Yes\", level: emergency }");
        if (list == null)
            return answers;
        foreach (var item in list)
        {
            var a = q.Item(item, "answers");
            if (a == null)
                continue;
            a.RejectUnknownKeys("id", "text", "level", "signs");
            var id = a.String("id", true, "\"yes\"");
            var text = a.String("text", true, "Yes");
            var level = a.String("level", true, "self-care");
            if (level != null && UrgencyLevels.Rank(level) < 0)
                a.Error(Codes.Checker, a.Node("level", false, "")!, $"'{level}' is not a level", $"use one of: {string.Join(", ", UrgencyLevels.Ids)}");
            if (id == CheckerAnswer.NotSure)
                a.Error(Codes.Checker, a.Node("id", false, "")!, $"'{CheckerAnswer.NotSure}' is added to every question by the checker", "remove this answer");
            else if (id != null && answers.Any(x => x.Id == id))
                a.Error(Codes.Checker, a.Node("id", false, "")!, $"the answer id '{id}' is used twice in '{question}'", "give every answer of a question its own id");
            var signs = a.Strings("signs", "[\"you have chest pain\"]");
            if (level != null && signs.Count == 0 && UrgencyLevels.Rank(level) > UrgencyLevels.LeastUrgent.Rank)
                a.Error(Codes.Checker, item, $"the answer '{id}' of '{question}' calls for '{level}' but names no warning signs",
                    "add 'signs' with what the reader has, for example signs: [\"you have chest pain\"]; they make the list shown without JavaScript");
            if (firstThatFits && level != null && answers.Count > 0 && UrgencyLevels.Rank(level) > UrgencyLevels.Rank(answers[^1].Level))
                a.Error(Codes.Checker, item,
                    $"'{question}' says 'choose: {FirstThatFits}', so its answers must go from most to least urgent, but '{id}' ({level}) comes after '{answers[^1].Id}' ({answers[^1].Level})",
                    $"move '{id}' above '{answers[^1].Id}': a reader for whom both are true takes the first, which must be the more urgent");
            if (id != null && text != null && level != null)
                answers.Add(new CheckerAnswer(id, text, level, signs, a.Line));
        }
        if (answers.Count < 2)
            q.Error(Codes.Checker, list, $"the question '{question}' has fewer than two answers", "give it at least two answers; 'Not sure' is added for you");
        else if (answers.All(a => a.Level != UrgencyLevels.LeastUrgent.Id))
            q.Error(Codes.Checker, list, $"the question '{question}' has no answer for a reader who has none of what it asks",
                $"add an answer at {UrgencyLevels.LeastUrgent.Id}, for example - {{ id: \"no\", text: \"No\", level: {UrgencyLevels.LeastUrgent.Id} }}: every reader must find an answer that fits");
        var caring = answers.Where(a => UrgencyLevels.Rank(a.Level) > UrgencyLevels.LeastUrgent.Rank).ToList();
        if (caring.Count >= 2 && !firstThatFits)
            q.Error(Codes.Checker, list,
                $"the question '{question}' has {caring.Count} answers that call for care ({string.Join(", ", caring.Select(a => a.Id))}): a reader for whom two are true cannot tell which to choose",
                $"add 'choose: {FirstThatFits}' and list its answers from most to least urgent, or ask it as two questions");
        return answers;
    }

    /// <summary>
    /// A follow-up's <c>ask_if</c>: an earlier question and the answers it is asked after, always "not sure" among them,
    /// since "not sure" counts as yes.
    /// </summary>
    private static AskIf? ReadAskIf(MappingReader q, string question, List<CheckerQuestion> earlier, IReadOnlySet<string> all)
    {
        if (q.Node("ask_if", false, "") is not { } node)
            return null;
        if (node is not YamlMappingNode)
        {
            q.Error(Codes.InvalidValue, node, "'ask_if' must name a question and its answers",
                $"write it as ask_if: {{ question: dark-urine, answers: [\"yes\", {CheckerAnswer.NotSure}] }}");
            return null;
        }
        var m = q.Mapping("ask_if", false, "'ask_if'");
        if (m == null)
            return null;
        m.RejectUnknownKeys("question", "answers");
        var on = m.String("question", true, "dark-urine");
        var list = m.Sequence("answers", true, $"[\"yes\", {CheckerAnswer.NotSure}]");
        if (on == null || list == null)
            return null;
        var errors = m.ErrorCount;
        var target = earlier.FirstOrDefault(x => x.Id == on);
        var at = m.Node("question", false, "")!;
        if (target == null)
        {
            if (on == question || all.Contains(on))
                m.Error(Codes.Checker, at, $"the follow-up '{question}' depends on '{on}', which does not come before it",
                    $"move '{question}' below '{on}': a follow-up is asked after the question it depends on");
            else
                m.Error(Codes.Checker, at, $"'{on}' is not a question",
                    earlier.Count > 0 ? $"use the id of a question above this one: {string.Join(", ", earlier.Select(x => x.Id))}" : "a follow-up needs a question above it");
            return null;
        }
        var answers = new List<string>();
        var known = CheckerFlow.Answers(target).Select(a => a.Id).ToList();
        foreach (var item in list.Children)
        {
            if (item is not YamlScalarNode { Value: { Length: > 0 } answer })
                m.Error(Codes.InvalidValue, item, "each answer of 'ask_if' must be an answer id", "for example answers: [\"yes\", not-sure]");
            else if (!known.Contains(answer, StringComparer.Ordinal))
                m.Error(Codes.Checker, item, $"'{answer}' is not an answer of '{on}'", $"use one of: {string.Join(", ", known)}");
            else if (!answers.Contains(answer, StringComparer.Ordinal))
                answers.Add(answer);
        }
        if (m.ErrorCount == errors && !answers.Contains(CheckerAnswer.NotSure))
            m.Error(Codes.Checker, list, $"\"Not sure\" counts as yes, so '{question}' must also be asked when '{on}' is answered '{CheckerAnswer.NotSure}'",
                $"add {CheckerAnswer.NotSure} to the answers: answers: [{string.Join(", ", answers.Append(CheckerAnswer.NotSure))}]");
        return m.ErrorCount == errors ? new AskIf(on, answers, m.Line) : null;
    }
}
