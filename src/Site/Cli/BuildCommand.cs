using System.CommandLine;
using System.Globalization;
using Site.Diagnostics;
using Site.Pipelines;

namespace Site.Cli;

/// <summary><c>build</c>: input and theme in, a checked site out, or errors and the old site untouched.</summary>
public static class BuildCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new Option<string>("--input") { Description = "Folder with the pages and site.yml", DefaultValueFactory = _ => "input" };
        var theme = new Option<string>("--theme") { Description = "Folder with layouts/ and assets/", DefaultValueFactory = _ => "theme" };
        var output = new Option<string>("--output") { Description = "Folder to write the site to (replaced only when the build succeeds)", DefaultValueFactory = _ => "output" };
        var basePath = new Option<string>("--base-path") { Description = "URL path the site is served under, e.g. /repo-name/ for a GitHub Pages project site", DefaultValueFactory = _ => "/" };
        var today = new Option<string?>("--today") { Description = "Date to check review dates against (YYYY-MM-DD); defaults to today" };

        var command = new Command("build", "Build the site") { input, theme, output, basePath, today };
        command.SetAction(result =>
        {
            var todayText = result.GetValue(today);
            DateOnly date;
            if (todayText == null)
                date = DateOnly.FromDateTime(DateTime.Now);
            else if (!DateOnly.TryParseExact(todayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
                return Usage(stderr, $"--today '{todayText}' is not a date written YYYY-MM-DD");

            var inputDir = Path.GetFullPath(result.GetValue(input)!);
            var themeDir = Path.GetFullPath(result.GetValue(theme)!);
            if (!Directory.Exists(inputDir))
                return Usage(stderr, $"the input folder {inputDir} does not exist");
            if (!Directory.Exists(themeDir))
                return Usage(stderr, $"the theme folder {themeDir} does not exist");

            var options = new BuildOptions(inputDir, themeDir, Path.GetFullPath(result.GetValue(output)!),
                BuildOptions.NormalizeBasePath(result.GetValue(basePath)!), date);
            return Run(options, stdout, stderr);
        });
        return command;
    }

    public static int Run(BuildOptions options, TextWriter stdout, TextWriter stderr)
    {
        BuildResult result;
        try
        {
            result = SiteBuilder.Build(options);
        }
        catch (Exception e)
        {
            // A crash is a bug in the generator or theme, not in a page; the staging folder is already removed.
            stderr.WriteLine($"error: the build stopped unexpectedly; {BuildOptions.DisplayPath(options.OutputDirectory)} was left as it was.");
            stderr.WriteLine(e.ToString());
            return ExitCodes.Crashed;
        }
        var reporter = DiagnosticReporter.For(stderr);
        reporter.Report(result.Diagnostics);
        var seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        var counts = $"{Plural(result.Warnings, "warning")}, {Plural(result.Errors, "error")}";
        foreach (var note in result.Notes)
            stdout.WriteLine(note);
        if (result.Succeeded)
        {
            stdout.WriteLine($"Built {Plural(result.Pages, "page")} into {BuildOptions.DisplayPath(options.OutputDirectory)} in {seconds} s: {counts}.");
            return ExitCodes.Built;
        }
        stderr.WriteLine($"Build failed in {seconds} s: {counts}. {BuildOptions.DisplayPath(options.OutputDirectory)} was left as it was.");
        return ExitCodes.ContentErrors;
    }

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine($"error: {message}");
        return ExitCodes.Usage;
    }

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
