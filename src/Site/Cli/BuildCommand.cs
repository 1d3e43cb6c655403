using System.CommandLine;
using System.Globalization;
using Site.Diagnostics;
using Site.Output;
using Site.Pipelines;

namespace Site.Cli;

/// <summary><c>build</c>: input and theme in, a checked site out, or errors and the old site untouched.</summary>
public static class BuildCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var site = new SiteOptions();
        var command = new Command("build", "Build the site");
        site.AddTo(command);
        command.SetAction(result =>
        {
            var (options, error) = site.Read(result);
            return options == null ? Usage(stderr, error!) : Run(options, stdout, stderr, result.GetValue(site.Verbose));
        });
        return command;
    }

    public static int Run(BuildOptions options, TextWriter stdout, TextWriter stderr, bool verbose = false) =>
        Run(() => SiteBuilder.Build(options), options, stdout, stderr, verbose);

    /// <summary>Runs a build, the plain one or the preview's, and reports it; a crash is reported, not thrown.</summary>
    /// <param name="target">What is built into, for the summary; the output folder unless given.</param>
    public static int Run(Func<BuildResult> build, BuildOptions options, TextWriter stdout, TextWriter stderr, bool verbose = false, string? target = null)
    {
        target ??= BuildOptions.DisplayPath(options.OutputDirectory);
        BuildResult result;
        try
        {
            result = build();
        }
        catch (OutputRefusedException e)
        {
            return Usage(stderr, e.Message);
        }
        catch (Exception e)
        {
            // A crash is a bug in the generator or theme, not in a page; the staging folder is already removed.
            stderr.WriteLine($"error: the build stopped unexpectedly; {target} was left as it was.");
            stderr.WriteLine(e.ToString());
            return ExitCodes.Crashed;
        }
        if (verbose)
            StageReport.Print(result, stdout);
        return Report(result, stdout, stderr, target);
    }

    /// <summary>Prints the problems and the summary; returns the exit code.</summary>
    private static int Report(BuildResult result, TextWriter stdout, TextWriter stderr, string target)
    {
        var reporter = DiagnosticReporter.For(stderr);
        reporter.Report(result.Diagnostics);
        // In milliseconds under a second: the preview's rebuilds take tens of them.
        var seconds = result.Elapsed.TotalSeconds.ToString(result.Elapsed.TotalSeconds < 1 ? "0.000" : "0.00", CultureInfo.InvariantCulture);
        var counts = $"{Plural(result.Warnings, "warning")}, {Plural(result.Errors, "error")}";
        foreach (var note in result.Notes)
            stdout.WriteLine(note);
        if (result.Succeeded)
        {
            stdout.WriteLine($"Built {Plural(result.Pages, "page")} into {target} in {seconds} s: {counts}.");
            return ExitCodes.Built;
        }
        stderr.WriteLine($"Build failed in {seconds} s: {counts}. {target} was left as it was.");
        return ExitCodes.ContentErrors;
    }

    internal static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine($"error: {message}");
        return ExitCodes.Usage;
    }

    internal static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
