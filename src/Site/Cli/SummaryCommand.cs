using System.CommandLine;
using System.Text;
using Site.Content;
using Site.Output;
using Site.Pipelines;
using Site.Review;

namespace Site.Cli;

/// <summary>
/// <c>summary</c>: builds the site in memory and writes, as markdown, what a pull request's changes do to it
/// (for <c>$GITHUB_STEP_SUMMARY</c>). It exits 0 whenever the summary is written, even when the build has errors:
/// the build step reports those.
/// </summary>
public static class SummaryCommand
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var changes = new Option<string>("--changes") { Description = "The output of 'git diff --name-status --no-renames BASE...HEAD'", Required = true };
        var artifact = new Option<string?>("--artifact-url") { Description = "Where the built site can be downloaded; the summary links to it" };
        var root = new Option<string>("--root") { Description = "The folder the changes' paths start from (the repository's root)", DefaultValueFactory = _ => "." };
        var site = new SiteOptions();
        var (input, theme, basePath, today) = (site.Input, site.Theme, site.BasePath, site.Today);
        var command = new Command("summary", "Write a pull request's summary: the pages it adds, changes and removes, and the build's problems") { changes, artifact, root, input, theme, basePath, today };
        command.SetAction(result =>
        {
            var (date, dateError) = SiteOptions.ReadToday(result.GetValue(today));
            if (dateError != null)
                return BuildCommand.Usage(stderr, dateError);
            var (inputFolder, themeFolder, rootFolder) = (Path.GetFullPath(result.GetValue(input)!), Path.GetFullPath(result.GetValue(theme)!), Path.GetFullPath(result.GetValue(root)!));
            foreach (var (folder, what) in new[] { (inputFolder, "input"), (themeFolder, "theme"), (rootFolder, "root") })
                if (!Directory.Exists(folder))
                    return BuildCommand.Usage(stderr, $"the {what} folder {folder} does not exist");
            var artifactUrl = result.GetValue(artifact);
            if (!string.IsNullOrEmpty(artifactUrl) && !UrlPolicy.IsWebAddress(artifactUrl))
                return BuildCommand.Usage(stderr, $"--artifact-url '{artifactUrl}' is not a web address starting with https://");
            var (list, error) = ReadChanges(result.GetValue(changes)!);
            if (list == null)
                return BuildCommand.Usage(stderr, error!);
            // Nothing is written: the build goes into memory, so the output folder is never looked at.
            var options = new BuildOptions(inputFolder, themeFolder, Path.Combine(rootFolder, "output"), BuildOptions.NormalizeBasePath(result.GetValue(basePath)!), date);
            return Run(options, list, rootFolder, artifactUrl, stdout, stderr);
        });
        return command;
    }

    private static int Run(BuildOptions options, IReadOnlyList<Change> changes, string root, string? artifactUrl, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var inputs = SiteInputs.Load(options);
            var run = inputs.Settings == null || inputs.Layouts == null ? null : SiteBuilder.Run(inputs, new MemoryOutput(), BuildCache.None);
            var result = run?.Result ?? BuildResult.Failed(inputs.Diagnostics, TimeSpan.Zero);
            stdout.Write(ChangeSummary.Write(new SummaryInput(changes, root, options, inputs.Settings, run?.Site, result.Diagnostics, artifactUrl)));
            return ExitCodes.Built;
        }
        catch (Exception e)
        {
            stderr.WriteLine("error: the summary stopped unexpectedly.");
            stderr.WriteLine(e.ToString());
            return ExitCodes.Crashed;
        }
    }

    private static (IReadOnlyList<Change>? Changes, string? Error) ReadChanges(string path)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
                return (null, $"the changes file {path} does not exist");
            if (info.Length > ChangeList.MaxBytes)
                return (null, $"the changes file {path} is {info.Length / 1024:N0} KB; the most is {ChangeList.MaxBytes / 1024:N0} KB");
            text = File.ReadAllText(path, StrictUtf8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return (null, $"the changes file {path} cannot be read as UTF-8 text: {e.Message}");
        }
        var (changes, error) = ChangeList.Parse(text);
        return error == null ? (changes, null) : (null, $"the changes file {path}: {error}");
    }
}
