using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Site.Tests.Support;
using Site.Urgency;
using YamlDotNet.RepresentationModel;

namespace Site.Tests.Search;

/// <summary>
/// The evaluation set for site search (<c>Search/Evaluation/queries.yml</c>, and beside it the sets of readers who
/// had seen none of it, as <see cref="Files"/> lists them): queries as readers type them, each with the page that
/// must come first, the section that should open, the red-flag notice it must raise and its kind. These tests hold
/// the set to the real built site, so it never names a page, a section or a level that does not exist; how well
/// search ranks the set is measured by the search engine's own evaluation, not here.
/// </summary>
public sealed partial class EvaluationSetTests
{
    public const int MinimumQueries = 80;
    public const int MinimumPerKind = 8;

    public static readonly IReadOnlyList<string> Kinds =
        ["misspelling", "everyday word", "whole question", "medicine", "red flag", "short", "abbreviation"];

    private static readonly string[] RequiredKeys = ["query", "page", "notice", "kind"];
    private static readonly string[] OptionalKeys = ["section", "why"];

    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "Site.Tests", "Search", "Evaluation");

    /// <summary>The set search is worked on, then the queries of each reader who had seen none of it, as written (each
    /// file's opening comment says how it was made).</summary>
    public static IReadOnlyList<string> Files { get; } = ["queries.yml", "heldout.yml", "second-reader.yml", "third-reader.yml", "fourth-reader.yml", "fifth-reader.yml", "sixth-reader.yml",
        "seventh-reader.yml", "eighth-reader.yml", "ninth-reader.yml", "tenth-reader.yml", "eleventh-reader.yml"];

    private readonly RealSite _site = RealSite.Shared;

    /// <summary>One query of the set, with the file and line it starts on for messages.</summary>
    public sealed record EvaluationQuery(string File, int Line, string Query, string Page, string? Section, string Notice, string Kind, string? Why)
    {
        public override string ToString() => $"{File}:{Line}: '{Query}'";
    }

    /// <summary>The queries of both files as written; an entry with a missing, empty or unknown key fails here, naming its line.</summary>
    public static IReadOnlyList<EvaluationQuery> Read() => [.. Files.SelectMany(Read)];

    private static List<EvaluationQuery> Read(string file)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Folder, file)))
            stream.Load(reader);
        Assert.True(stream.Documents.Count == 1, $"{file} must hold one YAML document");
        var list = Assert.IsType<YamlSequenceNode>(stream.Documents[0].RootNode);
        var queries = new List<EvaluationQuery>();
        foreach (var node in list.Children)
        {
            var line = (int)node.Start.Line;
            var entry = Assert.IsType<YamlMappingNode>(node);
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in entry.Children)
            {
                var name = ((YamlScalarNode)key).Value ?? "";
                Assert.True(RequiredKeys.Contains(name) || OptionalKeys.Contains(name),
                    $"{file}:{key.Start.Line}: unknown key '{name}' (the keys are {string.Join(", ", RequiredKeys.Concat(OptionalKeys))})");
                var text = Assert.IsType<YamlScalarNode>(value).Value?.Trim() ?? "";
                Assert.True(text.Length > 0, $"{file}:{value.Start.Line}: '{name}' is empty");
                values[name] = text;
            }
            foreach (var key in RequiredKeys)
                Assert.True(values.ContainsKey(key), $"{file}:{line}: the entry has no '{key}'");
            queries.Add(new EvaluationQuery(file, line, values["query"], values["page"], values.GetValueOrDefault("section"),
                values["notice"], values["kind"], values.GetValueOrDefault("why")));
        }
        return queries;
    }

    /// <summary>Where the build writes a page: <c>aftercare.md</c> → <c>aftercare/index.html</c>, <c>index.md</c> → <c>index.html</c>.</summary>
    public static string HtmlPathOf(string page)
    {
        var name = page[..^".md".Length];
        if (name == "index")
            return "index.html";
        return (name.EndsWith("/index", StringComparison.Ordinal) ? name[..^"index".Length] : name + "/") + "index.html";
    }

    /// <summary>The level ids of the symptom checker's data, least urgent first.</summary>
    private static List<string> CheckerLevels()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepoPaths.Input, "data", "checker.yml")))
            stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var levels = (YamlSequenceNode)root.Children[new YamlScalarNode("levels")];
        return levels.Children.Select(l => ((YamlScalarNode)((YamlMappingNode)l).Children[new YamlScalarNode("id")]).Value!).ToList();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static string Normalized(string query) => Spaces().Replace(query.Trim().ToLowerInvariant(), " ");

    [Fact]
    public void The_set_has_at_least_80_queries_and_none_twice()
    {
        var queries = Read();
        Assert.True(queries.Count >= MinimumQueries, $"the set has {queries.Count} queries, fewer than {MinimumQueries}");
        var twice = queries.GroupBy(q => Normalized(q.Query)).Where(g => g.Count() > 1)
            .Select(g => $"'{g.Key}' at {string.Join(", ", g.Select(q => $"{q.File}:{q.Line}"))}").ToList();
        Assert.True(twice.Count == 0, "the same query more than once:\n" + string.Join("\n", twice));
    }

    [Fact]
    public void Every_kind_is_one_of_the_kinds_and_each_kind_has_at_least_8_queries()
    {
        var queries = Read();
        var unknown = queries.Where(q => !Kinds.Contains(q.Kind)).Select(q => $"{q}: kind '{q.Kind}'").ToList();
        Assert.True(unknown.Count == 0, $"kinds must be one of {string.Join(", ", Kinds)}:\n" + string.Join("\n", unknown));
        var few = Kinds.Select(k => (Kind: k, Count: queries.Count(q => q.Kind == k))).Where(k => k.Count < MinimumPerKind)
            .Select(k => $"'{k.Kind}' has {k.Count}").ToList();
        Assert.True(few.Count == 0, $"each kind needs at least {MinimumPerKind} queries:\n" + string.Join("\n", few));
    }

    [Fact]
    public void Every_page_is_a_page_of_the_built_site()
    {
        Assert.True(_site.ExitCode == 0, _site.Log);
        var wrong = new List<string>();
        foreach (var q in Read())
        {
            if (!q.Page.EndsWith(".md", StringComparison.Ordinal) || q.Page.Contains('\\') || q.Page.Split('/').Contains(".."))
                wrong.Add($"{q}: page '{q.Page}' is not the input path of a page (such as aftercare.md)");
            else if (!File.Exists(Path.Combine(RepoPaths.Input, q.Page)))
                wrong.Add($"{q}: input/{q.Page} does not exist");
            else if (!_site.ContentPages.Contains(HtmlPathOf(q.Page)))
                wrong.Add($"{q}: the built site has no {HtmlPathOf(q.Page)} for {q.Page}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Every_section_is_a_section_of_its_page_in_the_built_html()
    {
        Assert.True(_site.ExitCode == 0, _site.Log);
        var pages = _site.ParsePages();
        var wrong = new List<string>();
        var checkedSections = 0;
        foreach (var q in Read().Where(q => q.Section != null))
        {
            if (!pages.TryGetValue(HtmlPathOf(q.Page), out var html))
                continue; // reported by Every_page_is_a_page_of_the_built_site
            checkedSections++;
            var element = html.GetElementById(q.Section!);
            if (element is not { LocalName: "section" })
            {
                // A level-2 heading becomes <section id="…">; list them so the fix is one look away.
                var ids = html.QuerySelectorAll("main section[id]").Select(s => s.Id).Where(id => id is { Length: > 0 });
                wrong.Add($"{q}: {q.Page} has no section '{q.Section}'" + (element is null ? "" : $" (it is a <{element.LocalName}>, not a section)")
                    + $"; its sections are {string.Join(", ", ids)}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(checkedSections > 0, "no query names a section");
    }

    [Fact]
    public void Every_notice_is_none_or_a_level_of_the_checker_that_search_shows()
    {
        var levels = CheckerLevels();
        Assert.NotEmpty(levels);
        var wrong = new List<string>();
        foreach (var q in Read().Where(q => q.Notice != "none"))
        {
            if (!levels.Contains(q.Notice))
                wrong.Add($"{q}: notice '{q.Notice}' is not a level of input/data/checker.yml ({string.Join(", ", levels)}) or none");
            else if (UrgencyLevels.Find(q.Notice) is { SearchNotice: false })
                wrong.Add($"{q}: the '{q.Notice}' level raises no notice in search, so the query must expect none");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
