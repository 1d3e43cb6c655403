using Site.Diagnostics;
using Site.Settings;
using Site.Urgency;
using Site.Yaml;

namespace Site.Checker;

/// <summary>
/// Reads the checker's YAML and checks its form: known keys, the levels of <see cref="UrgencyLevels"/> in order,
/// each with its care card, ids that are unique and levels that exist.
/// </summary>
public static class CheckerDataReader
{
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
            l.RejectUnknownKeys("id", "title", "card", "advice", "if_worse", "links");
            var id = l.String("id", true, "self-care");
            var title = l.String("title", true, "Look after yourself at home");
            var card = l.String("card", true, "non-urgent");
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
                levels.Add(new CheckerLevel(id, title, card, advice, ifWorse, links, l.Line));
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
        foreach (var item in list)
        {
            var q = r.Item(item, "questions");
            if (q == null)
                continue;
            q.RejectUnknownKeys("id", "text", "help", "red_flag", "search_terms", "answers");
            var id = q.String("id", true, "chest");
            var text = q.String("text", true, "Do you have chest pain?");
            var help = q.String("help", false, "");
            var redFlag = q.String("red_flag", false, "true") ?? "false";
            if (redFlag is not ("true" or "false"))
                q.Error(Codes.InvalidValue, q.Node("red_flag", false, "")!, "'red_flag' must be true or false");
            if (id != null && !seen.Add(id))
                q.Error(Codes.Checker, q.Node("id", false, "")!, $"the question id '{id}' is used twice", "give every question its own id");
            var answers = ReadAnswers(q, id ?? "?");
            if (id != null && text != null)
                questions.Add(new CheckerQuestion(id, text, help, redFlag == "true", q.Strings("search_terms", "[chest pain]"), answers, q.Line));
        }
        return questions;
    }

    private static List<CheckerAnswer> ReadAnswers(MappingReader q, string question)
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
            if (id != null && text != null && level != null)
                answers.Add(new CheckerAnswer(id, text, level, signs, a.Line));
        }
        if (answers.Count < 2)
            q.Error(Codes.Checker, list, $"the question '{question}' has fewer than two answers", "give it at least two answers; 'Not sure' is added for you");
        return answers;
    }
}
