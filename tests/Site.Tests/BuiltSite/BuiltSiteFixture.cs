using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Site.Tests.Support;

namespace Site.Tests.BuiltSite;

/// <summary>Builds the real input/ and theme/ once, under a base path, and parses every HTML page.</summary>
public sealed class BuiltSiteFixture : IDisposable
{
    public const string BasePath = "/clinic-site/";

    public BuiltSiteFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "site-real-" + Guid.NewGuid().ToString("N"));
        Output = Path.Combine(Root, "output");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        ExitCode = Program.Run(["build", "--input", RepoPaths.Input, "--theme", RepoPaths.Theme, "--output", Output, "--base-path", BasePath], stdout, stderr);
        Log = stdout + "\n" + stderr;
        if (ExitCode != 0)
            return;
        var parser = new HtmlParser();
        Pages = Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetRelativePath(Output, f).Replace('\\', '/'), f => (IDocument)parser.ParseDocument(File.ReadAllText(f)));
    }

    public string Root { get; }
    public string Output { get; }
    public int ExitCode { get; }
    public string Log { get; }
    public IReadOnlyDictionary<string, IDocument> Pages { get; } = new Dictionary<string, IDocument>();

    public static IEnumerable<string> ContentPages(BuiltSiteFixture site) => site.Pages.Keys.Where(p => p != "404.html");

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
