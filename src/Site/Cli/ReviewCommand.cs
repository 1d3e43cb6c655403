using System.CommandLine;
using Site.Diagnostics;
using Site.Pipelines;
using Site.Review;

namespace Site.Cli;

/// <summary>
/// <c>review</c>: every page's reviewer and review dates, soonest due first, as a table, markdown or JSON. Exits 1
/// when a page is overdue or could not be read (those problems go to stderr as the build prints them), so a
/// scheduled job can tell.
/// </summary>
public static class ReviewCommand
{
    /// <summary>The longest <c>--within</c>: a hundred years.</summary>
    public const int MaxWithinDays = 36_500;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new SiteOptions().Input;
        var theme = new Option<string>("--theme") { Description = "Folder with layouts/, for the layouts pages may name", DefaultValueFactory = _ => "theme" };
        var today = new Option<string?>("--today") { Description = "Date to count the days from (YYYY-MM-DD); defaults to today" };
        var within = new Option<int?>("--within") { Description = "Only pages due for review within DAYS days, overdue ones included" };
        var format = new Option<string>("--format") { Description = "table (the default), markdown (a table and a chart, for a GitHub issue) or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong([.. ReviewFormats.Names]);
        var command = new Command("review", "List every page's reviewer and review dates, soonest due first") { input, theme, today, within, format };
        command.SetAction(result =>
        {
            var (date, error) = SiteOptions.ReadToday(result.GetValue(today));
            var inputFolder = Path.GetFullPath(result.GetValue(input)!);
            var themeFolder = Path.GetFullPath(result.GetValue(theme)!);
            var days = result.GetValue(within);
            error ??= !Directory.Exists(inputFolder) ? $"the input folder {inputFolder} does not exist"
                : !Directory.Exists(themeFolder) ? $"the theme folder {themeFolder} does not exist"
                : days is < 0 or > MaxWithinDays ? $"--within {days} is not a number of days from 0 to {MaxWithinDays}"
                : null;
            if (error != null)
                return BuildCommand.Usage(stderr, error);
            // Nothing is written: the output folder is only there because a build's options name one.
            var options = new BuildOptions(inputFolder, themeFolder, Path.Combine(inputFolder, "output"), "/", date);
            return Run(options, days, result.GetValue(format)!, stdout, stderr);
        });
        return command;
    }

    public static int Run(BuildOptions options, int? within, string format, TextWriter stdout, TextWriter stderr)
    {
        var schedule = ReviewSchedule.Read(options);
        DiagnosticReporter.For(stderr).Report(schedule.Problems);
        ReviewFormats.Write(format, schedule, within, stdout);
        var overdue = schedule.Rows.Count(r => r.Overdue);
        if (schedule.Problems.Count > 0)
            stderr.WriteLine($"review: {BuildCommand.Plural(schedule.Problems.Count, "problem")} kept pages from being read; fix them as the lines above say.");
        if (overdue > 0)
            stderr.WriteLine($"review: {BuildCommand.Plural(overdue, "page")} overdue for review.");
        return schedule.Problems.Count > 0 || overdue > 0 ? ExitCodes.ContentErrors : ExitCodes.Built;
    }
}
