using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Site.Tests.Support;

/// <summary>
/// The real input/ and theme/, built by the generator's command line under <see cref="BasePath"/> (as GitHub Pages
/// serves a project site) into a temporary folder. Every test that reads the real built site reads
/// <see cref="Shared"/>: it is built once per test run, by whichever test asks first, while the others wait for it.
/// Tests only read it; a test that needs a build of its own (to compare two builds) makes one with <see cref="Build"/>.
/// </summary>
public sealed class RealSite : IDisposable
{
    public const string BasePath = "/clinic-site/";

    private static readonly Lazy<RealSite> SharedBuild = new(() =>
    {
        var site = Build();
        // xUnit 2 has no fixture for the whole run: the shared build's folder goes when the test process ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => site.Dispose();
        return site;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly TempFolder _folder;

    private RealSite(string basePath)
    {
        _folder = new TempFolder("site-real-");
        Output = _folder.Combine("output");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        ExitCode = Program.Run(["build", "--input", RepoPaths.Input, "--theme", RepoPaths.Theme, "--output", Output, "--base-path", basePath], stdout, stderr);
        Stdout = stdout.ToString();
        Stderr = stderr.ToString();
        HtmlFiles = ExitCode != 0 ? [] : Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(AdminFolder, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The build every test reads, made on first use.</summary>
    public static RealSite Shared => SharedBuild.Value;

    /// <summary>A new build of the real site, for a test that compares builds; the caller disposes it.</summary>
    public static RealSite Build(string basePath = BasePath) => new(basePath);

    public string Output { get; }
    public int ExitCode { get; }
    public string Stdout { get; }
    public string Stderr { get; }
    public string Log => Stdout + "\n" + Stderr;

    /// <summary>The web editor's folder: its page is no page of the site (Admin tests check it on its own).</summary>
    public const string AdminFolder = Site.Admin.GenerateAdmin.Folder + "/";

    /// <summary>Every HTML file of the output but the web editor's, relative to it with '/', in ordinal order ("404.html", "aftercare/index.html", …).</summary>
    public IReadOnlyList<string> HtmlFiles { get; }

    /// <summary>The HTML files other than 404.html: the site's pages.</summary>
    public IEnumerable<string> ContentPages => HtmlFiles.Where(p => p != "404.html");

    /// <summary>
    /// Every HTML file parsed by AngleSharp, as a browser would read it. Each call parses afresh: an AngleSharp
    /// document is not safe to read from two threads, and test classes run side by side.
    /// </summary>
    public IReadOnlyDictionary<string, IDocument> ParsePages()
    {
        var parser = new HtmlParser();
        return HtmlFiles.ToDictionary(f => f, f => (IDocument)parser.ParseDocument(File.ReadAllText(Path.Combine(Output, f))));
    }

    public void Dispose() => _folder.Dispose();
}
