using System.Text;

namespace Site.Tests.Support;

/// <summary>
/// A small site in a temporary folder, built in-process with the real theme. Pages start valid;
/// a test breaks one thing and checks the build reports it.
/// </summary>
public sealed class FixtureSite : IDisposable
{
    public const string Today = "2026-11-27";

    public FixtureSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "site-fixture-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Input);
        File.WriteAllText(Path.Combine(Input, "site.yml"), Settings);
        WritePage("index.md", Page("Home", "[Aftercare](aftercare.md#ice)"));
        WritePage("aftercare.md", Page("Aftercare", "### Ice\n\nWrap ice in a towel.\n"));
    }

    public string Root { get; }
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

    public void WritePage(string relativePath, string text)
    {
        var path = Path.Combine(Input, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
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

    /// <summary>
    /// Builds with the real generator in its own process, as GitHub Actions runs it: annotations on, and
    /// paths relative to the site's folder as they are to the repository.
    /// </summary>
    public async Task<BuildRun> BuildInGitHubActionsAsync()
    {
        var start = ExternalProcess.Start("dotnet",
            [RepoPaths.SiteDll, "build", "--input", Input, "--theme", Theme, "--output", Output, "--today", Today], Root);
        start.Environment["GITHUB_ACTIONS"] = "true";
        var (exitCode, stdout, stderr, _) = await ExternalProcess.RunAsync(start, TimeSpan.FromMinutes(2), "The .NET SDK must be on PATH.");
        return new BuildRun(exitCode, stdout, stderr);
    }

    /// <summary>Every file of the output with its bytes, to prove a failed build changed nothing.</summary>
    public static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}

public sealed record BuildRun(int ExitCode, string Stdout, string Stderr)
{
    public string All => Stdout + Stderr;
    public override string ToString() => $"exit {ExitCode}\n{Stdout}\n{Stderr}";

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
