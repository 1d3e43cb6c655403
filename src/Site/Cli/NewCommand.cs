using System.CommandLine;
using System.Text;
using Site.Content;
using Site.Diagnostics;
using Site.Pipelines;

namespace Site.Cli;

/// <summary><c>new "Page title"</c>: starts a page from <see cref="PageScaffold"/>, named after its title, and says what to do next.</summary>
public static class NewCommand
{
    public const int MaxTitleLength = 200;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var title = new Argument<string>("title") { Description = "The page's title, in quotes: \"How long does soreness last?\"" };
        var input = new SiteOptions().Input;
        var today = new Option<string?>("--today") { Description = "Date of the page's first review (YYYY-MM-DD); defaults to today" };
        var command = new Command("new", "Start a new page from the page template") { title, input, today };
        command.SetAction(result =>
        {
            var (date, error) = SiteOptions.ReadToday(result.GetValue(today));
            return error != null
                ? BuildCommand.Usage(stderr, error)
                : Run(result.GetValue(title)!, Path.GetFullPath(result.GetValue(input)!), date, stdout, stderr);
        });
        return command;
    }

    public static int Run(string title, string inputDirectory, DateOnly today, TextWriter stdout, TextWriter stderr)
    {
        title = title.Trim();
        if (title.Length == 0)
            return BuildCommand.Usage(stderr, "the title is empty; write it in quotes: ./site new \"How long does soreness last?\"");
        if (title.Length > MaxTitleLength)
            return BuildCommand.Usage(stderr, $"the title is {title.Length} characters long; the most is {MaxTitleLength}. Use a shorter title: the description can say more.");
        var slug = PageSlug.From(title);
        if (slug.Length == 0)
            return BuildCommand.Usage(stderr, $"the title '{VisibleText.Escape(title)}' has no letters or digits to name the page's file after; use a title with words in it");
        if (!Directory.Exists(inputDirectory))
            return BuildCommand.Usage(stderr, $"the input folder {inputDirectory} does not exist");

        var file = Path.Combine(inputDirectory, slug + ".md");
        var shown = BuildOptions.DisplayPath(file);
        // A page in a folder of that name has the same address, and the build would refuse both.
        var sameAddress = Path.Combine(inputDirectory, slug, "index.md");
        if (File.Exists(sameAddress))
            return BuildCommand.Usage(stderr, $"{BuildOptions.DisplayPath(sameAddress)} already has the address /{slug}/; choose another title, or edit that page");
        try
        {
            using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
            stream.Write(new UTF8Encoding(false).GetBytes(PageScaffold.Text(title, today)));
        }
        catch (IOException) when (File.Exists(file) || Directory.Exists(file) || new FileInfo(file).LinkTarget != null)
        {
            return BuildCommand.Usage(stderr, $"{shown} already exists; choose another title, or edit that page instead");
        }

        stdout.WriteLine($"Wrote {shown}, the page /{slug}/.");
        stdout.WriteLine("Next:");
        stdout.WriteLine($"  1. Open {shown} and replace every '{PageScaffold.Marker}' with the page's own words.");
        stdout.WriteLine("  2. Fill in 'author' (who wrote the page) and 'reviewed_by' (the clinician who checks it, not the author), and the sources.");
        stdout.WriteLine($"  3. Preview it with ./site serve and open http://127.0.0.1:8080/{slug}/ to see it as readers will.");
        stdout.WriteLine($"The build refuses the page while any '{PageScaffold.Marker}' is left in it.");
        return ExitCodes.Built;
    }
}
