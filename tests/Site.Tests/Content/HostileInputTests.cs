using System.Diagnostics;
using System.Text;
using Site.Tests.Support;

namespace Site.Tests.Content;

/// <summary>
/// Inputs made to hang, exhaust or crash the generator. Each must end quickly with a content error (exit 1)
/// that names the file, never a crash (exit 3) or a stack trace, and leave the previous site as it was.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly FixtureSite _site = new();

    public void Dispose() => _site.Dispose();

    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    /// <summary>A page whose body is <paramref name="body"/>, so the damage is past a valid front matter.</summary>
    private static string PageWith(string body) => FixtureSite.Page("Aftercare", "### Ice\n\nWrap ice in a towel.\n\n" + body);

    private static readonly string AliasBomb = string.Join("\n",
        "a: &a [x, x, x, x, x, x, x, x, x]",
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
        "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
        "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
        "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]",
        "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]",
        "? *g",
        ": x");

    /// <summary>Each case: its name, the code it must be reported with, and the file (in the input, or theme:…) it is written to.</summary>
    public static TheoryData<string, string, string> Cases() => new()
    {
        { "yaml alias bomb as a mapping key in front matter", "SITE002", "aftercare.md" },
        { "yaml anchors in site.yml", "SITE002", "site.yml" },
        { "yaml nested 4,000 deep in front matter", "SITE002", "aftercare.md" },
        { "yaml nested 10,000 deep in the checker data", "SITE002", "data/checker.yml" },
        { "yaml alias bomb in the synonyms", "SITE002", "data/synonyms.yml" },
        { "200,000 opening <a in a page", "SITE025", "aftercare.md" },
        { "60,000 opening <a within the size limit", "SITE025", "aftercare.md" },
        { "10,000 nested quotes", "SITE025", "aftercare.md" },
        { "129 nested quotes on one line", "SITE025", "aftercare.md" },
        { "20 nested quotes", "SITE025", "aftercare.md" },
        { "1,000 nested list items", "SITE025", "aftercare.md" },
        { "300 nested list items", "SITE025", "aftercare.md" },
        { "a 50 MB page", "SITE025", "aftercare.md" },
        { "thousands of unclosed links in one paragraph", "SITE025", "aftercare.md" },
        { "thousands of nested images", "SITE025", "aftercare.md" },
        { "a line of 20,000 characters", "SITE025", "aftercare.md" },
        { "10,001 lines", "SITE025", "aftercare.md" },
        { "Latin-1 bytes in a page", "SITE026", "aftercare.md" },
        { "a UTF-16 page", "SITE026", "aftercare.md" },
        { "NUL and control bytes in a page", "SITE026", "aftercare.md" },
        { "binary garbage as site.yml", "SITE026", "site.yml" },
        { "a scenario answer keyed by a list", "SITE005", "data/checker-scenarios.yml" },
        { "41 checker questions", "SITE023", "data/checker.yml" },
        { "a checker with millions of combinations", "SITE023", "data/checker.yml" },
        { "synonyms of every YAML shape", "SITE005", "data/synonyms.yml" },
        { "a clinic name of 100,000 characters", "SITE025", "site.yml" },
        { "11 warning-sign lists in one page", "SITE025", "aftercare.md" },
        { "a menu of 5,000 entries", "SITE025", "site.yml" },
        { "a file with the name of a page's folder", "SITE015", "aftercare" },
        { "folders nested 40 deep", "SITE027", "deep" },
        { "a layout nested 2,000 deep", "SITE020", "theme:layouts/page.liquid" },
        { "a partial that includes itself", "SITE020", "theme:layouts/partials/footer.liquid" },
        { "Latin-1 bytes in a layout", "SITE026", "theme:layouts/page.liquid" },
    };

    private static byte[] Content(string name)
    {
        string text = name switch
        {
            "yaml alias bomb as a mapping key in front matter" => $"---\n{AliasBomb}\n---\n",
            "yaml anchors in site.yml" => FixtureSite.Settings.Replace("emergency: \"999\"", "emergency: &n \"999\"").Replace("urgent: \"111\"", "urgent: *n"),
            "yaml nested 4,000 deep in front matter" => FixtureSite.FrontMatter.Replace("TITLE", Repeat("[", 4_000) + Repeat("]", 4_000)),
            "yaml nested 10,000 deep in the checker data" => "version: " + Repeat("[", 10_000) + Repeat("]", 10_000),
            "yaml alias bomb in the synonyms" => AliasBomb,
            "200,000 opening <a in a page" => PageWith(Repeat("<a ", 200_000)),
            "60,000 opening <a within the size limit" => PageWith(Repeat(Repeat("<a ", 3_000) + "\n", 20)),
            "10,000 nested quotes" => PageWith(Repeat(">", 10_000) + " deep"),
            "129 nested quotes on one line" => PageWith(Repeat(">", 129) + " deep"),
            "20 nested quotes" => PageWith(Repeat(">", 20) + " deep"),
            "1,000 nested list items" => PageWith(string.Concat(Enumerable.Range(0, 1_000).Select(i => new string(' ', i * 2) + "- item\n"))),
            "300 nested list items" => PageWith(string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i * 2) + "- item\n"))),
            "thousands of unclosed links in one paragraph" => PageWith(Repeat(Repeat("[a](", 2_000) + "\n", 30)),
            "thousands of unclosed links in many paragraphs" => PageWith(Repeat(Repeat("[a](", 2_400) + "\n\n", 24)),
            "thousands of nested images" => PageWith(Repeat(Repeat("![[a](", 1_300) + "\n", 20)),
            "9,000 link reference definitions" => PageWith(Repeat("[a]: b\n", 9_000)),
            "a line of 20,000 characters" => PageWith(Repeat("word ", 4_000)),
            // Placeholders and sign lists copy text into pages: unbounded, a short page could stand for gigabytes.
            "a clinic name of 100,000 characters" => FixtureSite.Settings.Replace("name: Test Clinic", "name: " + Repeat("x", 100_000)),
            "a menu of 5,000 entries" => FixtureSite.Settings + Repeat("\n  - aftercare.md", 5_000),
            "11 warning-sign lists in one page" => PageWith(Repeat("::: signs emergency\n:::\n\n", 11)),
            "10,001 lines" => PageWith(Repeat("word\n", 10_001)),
            "a scenario answer keyed by a list" => "reviewed_by: A\nreviewed_on: 2026-11-01\nscenarios:\n  - name: x\n    answers: { [chest]: \"no\" }\n    expect: self-care\n",
            "41 checker questions" => Checker(41, 2),
            "a checker with millions of combinations" => Checker(12, 5),
            "synonyms of every YAML shape" => "? [a, b]\n: x\n{c: d}: y\nnull: ~\n1: [2, {e: f}]\n\"\": z\n",
            "a layout nested 2,000 deep" => Repeat("{% if site.title %}", 2_000) + "x" + Repeat("{% endif %}", 2_000),
            "a partial that includes itself" => "<footer>{% include 'partials/footer' %}</footer>",
            _ => "",
        };
        return name switch
        {
            "a 50 MB page" => Encoding.UTF8.GetBytes(PageWith(Repeat("Soreness is normal. ", 2_500_000))),
            "Latin-1 bytes in a page" => Encoding.Latin1.GetBytes(PageWith("Café au lait après le massage.")),
            "a UTF-16 page" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(PageWith("Text."))],
            "NUL and control bytes in a page" => Encoding.UTF8.GetBytes(PageWith("a\0b\u001b[2Jc\u0007d\u202Ee")).Concat(new byte[] { 0, 1, 2, 3 }).ToArray(),
            "binary garbage as site.yml" => Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256)).ToArray(),
            "Latin-1 bytes in a layout" => Encoding.Latin1.GetBytes("<html><body>Café {{ page.content | raw }}</body></html>"),
            _ => Encoding.UTF8.GetBytes(text),
        };
    }

    private static string Checker(int questions, int answers)
    {
        var text = new StringBuilder(File.ReadAllText(Path.Combine(RepoPaths.Input, "data", "checker.yml")).Split("\nquestions:")[0]);
        text.Append("\nquestions:\n");
        for (var q = 0; q < questions; q++)
        {
            // Answers from most to least urgent, the reader taking the first that fits: data the reader accepts.
            text.Append($"  - id: q{q}\n    text: Question {q}?\n    choose: first-that-fits\n    answers:\n");
            for (var a = 0; a < answers; a++)
                text.Append($"      - {{ id: a{a}, text: Answer {a}, level: {(a == answers - 1 ? "self-care" : "clinician")}{(a == answers - 1 ? "" : ", signs: [\"sign " + a + "\"]")} }}\n");
        }
        return text.ToString();
    }

    /// <summary>Inputs that are odd but valid, and cost Markdig more than their length: they must still build in bounded time.</summary>
    [Theory]
    [InlineData("thousands of unclosed links in many paragraphs")]
    [InlineData("9,000 link reference definitions")]
    [InlineData("a table of 2,000 rows")]
    public async Task A_heavy_but_valid_page_builds_in_bounded_time(string name)
    {
        var body = name switch
        {
            "thousands of unclosed links in many paragraphs" => Repeat(Repeat("[a](", 2_400) + "\n\n", 24),
            "9,000 link reference definitions" => Repeat("[a]: b\n", 9_000),
            _ => "| a | b |\n| - | - |\n" + Repeat("| one | two |\n\n| a | b |\n| - | - |\n", 2_000),
        };
        _site.WritePage("aftercare.md", PageWith(body));
        var clock = Stopwatch.StartNew();
        var run = await _site.BuildWithinAsync(Limit, name);
        Assert.True(run.ExitCode == 0, $"{name}: {run}");
        Assert.True(clock.Elapsed < Limit, $"{name} took {clock.Elapsed}");
        PublishedHtml.AssertSafe(_site.Output);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_input_ends_in_a_content_error_naming_the_file(string name, string code, string file)
    {
        CheckerFixture.Add(_site);
        var theme = file.StartsWith("theme:", StringComparison.Ordinal) ? _site.UseThemeCopy() : _site.Theme;
        var first = _site.Build();
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = FixtureSite.Snapshot(_site.Output);

        string named;
        if (file == "deep")
        {
            var folder = Path.Combine(_site.Input, Path.Combine(Enumerable.Repeat("d", 40).ToArray()));
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "page.md"), FixtureSite.Page("Deep"));
            named = "input/d/d/d";
        }
        else
        {
            var path = file.StartsWith("theme:", StringComparison.Ordinal) ? Path.Combine(theme, file["theme:".Length..]) : Path.Combine(_site.Input, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, Content(name));
            named = file.StartsWith("theme:", StringComparison.Ordinal) ? "theme/" + file["theme:".Length..] : "input/" + file;
            // A cycle of includes shows in the layouts that use the partial.
            if (name == "a partial that includes itself")
                named = "theme/layouts/";
        }

        var clock = Stopwatch.StartNew();
        var run = await _site.BuildWithinAsync(Limit, name);
        Assert.True(run.ExitCode == 1, $"{name}: {run}");
        Assert.Contains(run.Stderr.Split('\n'), l => l.Contains(named) && l.Contains($"error {code}:"));
        Assert.DoesNotContain("   at ", run.All);
        Assert.DoesNotContain("\u001b", run.All);
        FixtureSite.AssertUnchanged(before, _site.Output);
        Assert.True(clock.Elapsed < Limit, $"{name} took {clock.Elapsed}");
    }
}
