using System.Diagnostics;
using System.Text.Json;

namespace Site.Tests.Support;

/// <summary>One message from the Nu HTML Checker, with its file relative to the checked folder.</summary>
public sealed record NuMessage(string Type, string? SubType, string File, int? Line, int? Column, string Text, string? Extract)
{
    public override string ToString()
    {
        var where = Line is null ? File : Column is null ? $"{File}:{Line}" : $"{File}:{Line}:{Column}";
        var kind = SubType is null ? Type : $"{Type} ({SubType})";
        var text = $"{where}: {kind}: {Text}";
        return string.IsNullOrWhiteSpace(Extract) ? text : $"{text}\n      source: {Extract.ReplaceLineEndings(" ").Trim()}";
    }
}

/// <summary>What one run of the checker reported.</summary>
/// <param name="ExitCode">0 when nothing was reported, 1 when errors were.</param>
/// <param name="CheckedFiles">Files the checker says it read (from <c>--verbose</c>), relative to the folder, with '/'.</param>
/// <param name="Messages">Every message in the JSON report (with <c>--errors-only</c>: errors and non-document errors).</param>
public sealed record NuResult(int ExitCode, IReadOnlyList<string> CheckedFiles, IReadOnlyList<NuMessage> Messages, string Stdout, string Stderr, TimeSpan Elapsed)
{
    public string Describe() =>
        $"vnu exited {ExitCode} after {Elapsed.TotalSeconds:0.0} s with {Messages.Count} message(s):\n"
        + string.Join("\n", Messages.Select(m => "  " + m));
}

/// <summary>
/// Runs the Nu HTML Checker (vnu.jar from the npm package <c>vnu-jar</c>, installed by <c>npm ci</c>)
/// on a whole folder in one JVM:
/// <c>java -jar node_modules/vnu-jar/build/dist/vnu.jar --errors-only --format json --skip-non-html --also-check-css --verbose FOLDER</c>.
/// <c>--skip-non-html</c> with <c>--also-check-css</c> checks *.html as HTML and *.css as CSS and skips
/// everything else (sitemap.xml, robots.txt). The JSON report goes to stderr; <c>--verbose</c> lists the
/// files read on stdout, so a test can prove every page was actually checked.
/// A missing Java or vnu.jar fails the calling test; it is never skipped.
/// </summary>
public static class NuHtmlChecker
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string JarPath => Path.Combine(RepoPaths.Root, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public static async Task<NuResult> CheckFolderAsync(string folder)
    {
        if (!File.Exists(JarPath))
        {
            Assert.Fail(
                $"The Nu HTML Checker is not installed ({JarPath} is missing). " +
                $"Run `npm ci` in {RepoPaths.Root} (bash test.sh does this for you).");
        }
        var java = FindJava();
        var folderFull = Path.GetFullPath(folder);

        var start = ExternalProcess.Start(java, ["-jar", JarPath, "--errors-only", "--format", "json", "--skip-non-html", "--also-check-css", "--verbose", folderFull]);
        var (exitCode, stdout, stderr, elapsed) = await ExternalProcess.RunAsync(start, Timeout, InstallJava);
        {
            var checkedFiles = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(line => Path.IsPathFullyQualified(line) && line.StartsWith(folderFull, StringComparison.Ordinal))
                .Select(line => Relative(folderFull, line))
                .Order(StringComparer.Ordinal)
                .ToList();
            var messages = ParseReport(folderFull, stdout, stderr, exitCode);
            return new NuResult(exitCode, checkedFiles, messages, stdout, stderr, elapsed);
        }
    }

    private const string InstallJava =
        "The Nu HTML Checker needs Java 17 or later: install a JRE (for example `apt-get install openjdk-17-jre-headless`) " +
        "and put `java` on PATH or set JAVA_HOME.";

    /// <summary>$JAVA_HOME/bin/java if it exists, else the first java on PATH; fails the test if there is none.</summary>
    private static string FindJava()
    {
        var exe = OperatingSystem.IsWindows() ? "java.exe" : "java";
        var javaHome = Environment.GetEnvironmentVariable("JAVA_HOME");
        if (!string.IsNullOrEmpty(javaHome) && File.Exists(Path.Combine(javaHome, "bin", exe)))
            return Path.Combine(javaHome, "bin", exe);
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, exe);
            if (File.Exists(candidate))
                return candidate;
        }
        Assert.Fail($"Java was not found (no JAVA_HOME, no `{exe}` on PATH). {InstallJava}");
        throw new UnreachableException();
    }

    /// <summary>
    /// Reads the JSON report (<c>{"version":…,"messages":[…]}</c>) from stderr. Anything that is not a report
    /// (a JVM that is too old, a StackOverflowError notice, a crash) fails the test with the raw output.
    /// </summary>
    private static List<NuMessage> ParseReport(string folder, string stdout, string stderr, int exitCode)
    {
        var start = stderr.IndexOf("{\"", StringComparison.Ordinal);
        var end = stderr.LastIndexOf('}');
        if (start < 0 || end < start)
        {
            Assert.Fail($"vnu (exit {exitCode}) wrote no JSON report. {InstallJava}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        }
        JsonDocument report;
        try
        {
            report = JsonDocument.Parse(stderr[start..(end + 1)]);
        }
        catch (JsonException e)
        {
            Assert.Fail($"vnu (exit {exitCode}) wrote a report that is not JSON ({e.Message}):\nstdout:\n{stdout}\nstderr:\n{stderr}");
            throw; // unreachable
        }
        using (report)
        {
            if (!report.RootElement.TryGetProperty("messages", out var list) || list.ValueKind != JsonValueKind.Array)
                Assert.Fail($"vnu report has no messages array:\n{stderr}");
            var messages = new List<NuMessage>();
            foreach (var m in list.EnumerateArray())
            {
                var url = Str(m, "url");
                var file = url is null ? "(no file)" : Relative(folder, FileUrlToPath(url));
                var line = Int(m, "firstLine") ?? Int(m, "lastLine");
                // vnu 26.9.27 bug: with --also-check-css, line numbers in *HTML* files come out one too low
                // (a first-line error is reported on line 0; CSS files and runs without the option are right).
                // Checked by HtmlValidityTests.The_checker_reports_invalid_html_and_css_and_skips_other_files;
                // drop this when an upgraded vnu gets it right and that test starts failing.
                if (line is not null && !file.EndsWith(".css", StringComparison.OrdinalIgnoreCase))
                    line += 1;
                var column = Int(m, "firstColumn") ?? Int(m, "lastColumn");
                messages.Add(new NuMessage(Str(m, "type") ?? "?", Str(m, "subType"), file, line, column, Str(m, "message") ?? "", Str(m, "extract")));
            }
            return messages;
        }
    }

    /// <summary>vnu names files <c>file:/tmp/x.html</c> (one slash, which System.Uri rejects); other URLs are kept.</summary>
    private static string FileUrlToPath(string url)
    {
        if (!url.StartsWith("file:", StringComparison.Ordinal))
            return url;
        var path = Uri.UnescapeDataString(url["file:".Length..]).TrimStart('/');
        // Windows: file:/C:/dir/x.html -> C:/dir/x.html; elsewhere: file:/tmp/x.html -> /tmp/x.html
        return path.Length > 1 && path[1] == ':' ? path : "/" + path;
    }

    private static string Relative(string folder, string path) =>
        Path.IsPathFullyQualified(path) ? Path.GetRelativePath(folder, path).Replace('\\', '/') : path;

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
}
