using System.Diagnostics;
using System.Text;

namespace Site.Tests.Support;

/// <summary>
/// A small site in a temporary folder, built in-process with the real theme. Pages start valid;
/// a test breaks one thing and checks the build reports it.
/// </summary>
public sealed class FixtureSite : IDisposable
{
    public const string Today = "2026-11-27";

    private readonly TempFolder _folder = new("site-fixture-");

    public FixtureSite()
    {
        Directory.CreateDirectory(Input);
        File.WriteAllText(Path.Combine(Input, "site.yml"), Settings);
        WritePage("index.md", Page("Home", "[Aftercare](aftercare.md#ice)"));
        WritePage("aftercare.md", Page("Aftercare", "### Ice\n\nWrap ice in a towel.\n"));
    }

    public string Root => _folder.Path;
    public string Input => Path.Combine(Root, "input");
    public string Output => Path.Combine(Root, "output");

    /// <summary>The theme to build with; the real one unless a test needs a broken one.</summary>
    public string Theme { get; set; } = RepoPaths.Theme;

    public const string Settings = """
        title: Test clinic
        description: A test site
        language: en-GB
        url: https://clinic.example
        clinic:
          name: Test Clinic
          email: test@clinic.example
          phone: "0100"
          address: 1 Test Street
        numbers:
          emergency: "999"
          urgent: "111"
        navigation:
          - index.md
          - aftercare.md
        """;

    public const string FrontMatter = """
        ---
        title: TITLE
        description: A short description of the page.
        author: Writer One
        reviewed_by: Reviewer Two
        last_reviewed: 2026-11-01
        next_review: 2027-11-01
        sources:
          - title: A source
            publisher: NHS
            year: 2024
        ---
        """;

    /// <summary>A valid page: front matter, some body, then both required sections.</summary>
    public static string Page(string title, string body = "") =>
        FrontMatter.Replace("TITLE", title) + "\n" + body + "\n\n" + RequiredSections;

    public const string RequiredSections = """
        ## Pressure feedback

        Tell your therapist if it hurts.

        ## When to worry

        Call {{ numbers.emergency }} if you have chest pain.
        """;

    /// <summary>Builds with a copy of the real theme in the fixture's folder, for tests that change or break it.</summary>
    public string UseThemeCopy()
    {
        var copy = Path.Combine(Root, "theme");
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Theme, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(RepoPaths.Theme, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Theme = copy;
        return copy;
    }

    /// <summary>The 1-based line of the first line containing <paramref name="marker"/>.</summary>
    public static int LineOf(string text, string marker) =>
        text.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(marker)).i + 1;

    public void WritePage(string relativePath, string text)
    {
        var path = Path.Combine(Input, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Writes a page as editors save, by renaming a whole new file over it, so a watcher never sees it half written.</summary>
    public void SavePage(string relativePath, string text)
    {
        var temporary = Path.Combine(Root, $"saving-{Guid.NewGuid():N}.md");
        File.WriteAllText(temporary, text);
        File.Move(temporary, Path.Combine(Input, relativePath), overwrite: true);
    }

    /// <summary>
    /// Page names that are not plain URL text (a non-ASCII letter, a space, a '#', a '%' and a '?'), with the URL
    /// each must be linked by. No name mixes a non-ASCII letter with another escaped character: the tests check
    /// URLs with Uri.IsWellFormedUriString, which wrongly rejects such valid URLs (<c>%C3%9Cber%20uns/</c>).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> UnusualNames = new Dictionary<string, string>
    {
        ["Müdigkeit.md"] = "M%C3%BCdigkeit/",
        ["first visit.md"] = "first%20visit/",
        ["a b/index.md"] = "a%20b/",
        ["a b/c#d.md"] = "a%20b/c%23d/",
        ["50% off?.md"] = "50%25%20off%3F/",
    };

    /// <summary>Writes the <see cref="UnusualNames"/> pages, linked from the home page and, for one, from the navigation.</summary>
    public void WritePagesWithUnusualNames()
    {
        File.WriteAllText(Path.Combine(Input, "site.yml"), Settings + "\n  - Müdigkeit.md\n");
        WritePage("index.md", Page("Home", """
            [Aftercare](aftercare.md#ice), [tiredness](Müdigkeit.md), [your first visit](<first visit.md>),
            [a folder](<a b/index.md>), [a page in it](a%20b/c%23d.md#ice) and [an offer](50%25%20off%3F.md).
            """));
        WritePage("Müdigkeit.md", Page("Müdigkeit", "Rest after a massage."));
        WritePage("first visit.md", Page("Your first visit", "Come ten minutes early."));
        WritePage("a b/index.md", Page("A folder", "[A page in this folder](c%23d.md)."));
        WritePage("a b/c#d.md", Page("A page in a folder", "### Ice\n\nBack to [the folder](index.md) or [tiredness](../M%C3%BCdigkeit.md)."));
        WritePage("50% off?.md", Page("An offer", "Half price."));
    }

    public BuildRun Build(params string[] extra)
    {
        string[] args =
        [
            "build", "--input", Input, "--theme", Theme, "--output", Output, "--today", Today, .. extra,
        ];
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return new BuildRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A build by the real generator in a process of its own, into <paramref name="output"/> (the fixture's by default).</summary>
    public ProcessStartInfo BuildProcess(string? output = null) =>
        ExternalProcess.Start("dotnet", [RepoPaths.SiteDll, "build", "--input", Input, "--theme", Theme, "--output", output ?? Output, "--today", Today], Root);

    /// <summary>
    /// Builds with the real generator in its own process, as GitHub Actions runs it: annotations on, and
    /// paths relative to the site's folder as they are to the repository.
    /// </summary>
    public async Task<BuildRun> BuildInGitHubActionsAsync()
    {
        var start = BuildProcess();
        start.Environment["GITHUB_ACTIONS"] = "true";
        var (exitCode, stdout, stderr, _) = await ExternalProcess.RunAsync(start, TimeSpan.FromMinutes(2), "The .NET SDK must be on PATH.");
        return new BuildRun(exitCode, stdout, stderr);
    }

    /// <summary>Builds in-process, failing the test if the build does not end within <paramref name="limit"/>.</summary>
    public async Task<BuildRun> BuildWithinAsync(TimeSpan limit, string what)
    {
        var building = Task.Run(() => Build());
        Assert.True(await Task.WhenAny(building, Task.Delay(limit)) == building, $"{what}: the build did not end within {limit.TotalSeconds} s");
        return await building;
    }

    /// <summary>
    /// Builds a good site, applies <paramref name="change"/>, builds again, and proves the second build failed
    /// with exit 1 and left the first site byte for byte as it was, with no staging folder behind.
    /// </summary>
    public BuildRun BuildFailsAfter(Action change, int exitCode = 1)
    {
        var first = Build();
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = Snapshot(Output);
        change();
        var run = Build();
        Assert.True(run.ExitCode == exitCode, run.ToString());
        AssertUnchanged(before, Output);
        Assert.Empty(Directory.GetFileSystemEntries(Root, ".output-*"));
        return run;
    }

    /// <summary>Proves a folder holds exactly the files of an earlier snapshot, with the same bytes.</summary>
    public static void AssertUnchanged(Dictionary<string, byte[]> before, string folder)
    {
        var after = Snapshot(folder);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (path, bytes) in before)
            Assert.True(bytes.SequenceEqual(after[path]), $"{path} changed");
    }

    /// <summary>Every file of the output with its bytes, to prove a failed build changed nothing.</summary>
    public static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    public void Dispose() => _folder.Dispose();
}

public sealed record BuildRun(int ExitCode, string Stdout, string Stderr)
{
    public string All => Stdout + Stderr;

    /// <summary>Proves an error line names the file (and line), the code and the words, and is followed by a fix.</summary>
    public void AssertReports(string fileAndLine, string code, string words)
    {
        var lines = Stderr.Split('\n');
        var line = lines.FirstOrDefault(l => l.Contains(fileAndLine + ":") && l.Contains($"error {code}:") && l.Contains(words, StringComparison.OrdinalIgnoreCase));
        Assert.True(line != null, $"expected '{fileAndLine}: error {code}: ...{words}...' in:\n{this}");
        var fix = lines.SkipWhile(l => l != line).Skip(1).FirstOrDefault() ?? "";
        Assert.StartsWith("    fix: ", fix);
    }
    public override string ToString() => $"exit {ExitCode}\n{Stdout}\n{Stderr}";

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
