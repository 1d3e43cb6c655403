using System.CommandLine;
using Site.Cli;

namespace Site;

public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>The whole command line, with its writers passed in so tests can run it in-process.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Builds the clinic's guidance site from markdown pages and a Liquid theme.")
        {
            BuildCommand.Create(stdout, stderr),
            ServeCommand.Create(stdout, stderr),
            SummaryCommand.Create(stdout, stderr),
            NewCommand.Create(stdout, stderr),
            ReviewCommand.Create(stdout, stderr),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                stderr.WriteLine($"error: {error.Message}");
            stderr.WriteLine("usage: site build [--input DIR] [--theme DIR] [--output DIR] [--base-path /path/] [--today YYYY-MM-DD]");
            stderr.WriteLine("       site serve [--input DIR] [--theme DIR] [--output DIR] [--base-path /path/] [--port 8080]");
            stderr.WriteLine("       site summary --changes FILE [--artifact-url URL] [--root DIR] [--input DIR] [--theme DIR] [--base-path /path/] [--today YYYY-MM-DD]");
            stderr.WriteLine("       site new \"Page title\" [--input DIR] [--today YYYY-MM-DD]");
            stderr.WriteLine("       site review [--input DIR] [--theme DIR] [--today YYYY-MM-DD] [--within DAYS] [--format table|markdown|json]");
            return ExitCodes.Usage;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
