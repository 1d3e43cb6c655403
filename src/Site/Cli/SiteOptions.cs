using System.CommandLine;
using System.Globalization;
using Site.Output;
using Site.Pipelines;

namespace Site.Cli;

/// <summary>The folder, date and base path options that <c>build</c> and <c>serve</c> share, and turning them into <see cref="BuildOptions"/>.</summary>
public sealed class SiteOptions
{
    public Option<string> Input { get; } = new("--input") { Description = "Folder with the pages and site.yml", DefaultValueFactory = _ => "input" };
    public Option<string> Theme { get; } = new("--theme") { Description = "Folder with layouts/ and assets/", DefaultValueFactory = _ => "theme" };
    public Option<string> Output { get; } = new("--output") { Description = "Folder to write the site to: replaced when the build succeeds, and only if it is empty or was written by this generator", DefaultValueFactory = _ => "output" };
    public Option<string?> Today { get; } = new("--today") { Description = "Date to check review dates against (YYYY-MM-DD); defaults to today" };
    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Also print how long each step of a build took, and the peak memory" };
    public Option<string> BasePath { get; } = new("--base-path") { Description = "URL path the site is served under, e.g. /repo-name/ for a GitHub Pages project site", DefaultValueFactory = _ => "/" };

    public void AddTo(Command command)
    {
        command.Options.Add(Input);
        command.Options.Add(Theme);
        command.Options.Add(Output);
        command.Options.Add(Today);
        command.Options.Add(Verbose);
        command.Options.Add(BasePath);
    }

    /// <summary>The build's options, or a usage error to print.</summary>
    public (BuildOptions? Options, string? Error) Read(ParseResult result)
    {
        var (date, dateError) = ReadToday(result.GetValue(Today));
        if (dateError != null)
            return (null, dateError);

        var input = Path.GetFullPath(result.GetValue(Input)!);
        var theme = Path.GetFullPath(result.GetValue(Theme)!);
        if (!Directory.Exists(input))
            return (null, $"the input folder {input} does not exist");
        if (!Directory.Exists(theme))
            return (null, $"the theme folder {theme} does not exist");
        var output = Path.GetFullPath(result.GetValue(Output)!);
        if (OutputRules.Check(input, theme, output) is { } refused)
            return (null, refused);
        return (new BuildOptions(input, theme, output, BuildOptions.NormalizeBasePath(result.GetValue(BasePath)!), date), null);
    }

    /// <summary>The date <c>--today</c> gives, today's when it is not given, or a usage error to print.</summary>
    public static (DateOnly Date, string? Error) ReadToday(string? text)
    {
        if (text == null)
            return (DateOnly.FromDateTime(DateTime.Now), null);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date, null)
            : (default, $"--today '{text}' is not a date written YYYY-MM-DD");
    }
}
