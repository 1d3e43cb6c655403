using System.CommandLine;
using Site.Pipelines;
using Site.Preview;

namespace Site.Cli;

/// <summary>
/// <c>serve</c>: builds the site in memory, serves it on 127.0.0.1 and rebuilds what changed on every change to
/// the input or theme, reloading open pages when the build succeeds. Problems print as they do for <c>build</c>,
/// and a failed rebuild shows them over the open pages, with the last good site served underneath. The site is
/// served under its base path, as it is published. Nothing is written to the output folder.
/// </summary>
public static class ServeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var site = new SiteOptions();
        var port = new Option<int>("--port") { Description = "Port to serve on (127.0.0.1)", DefaultValueFactory = _ => 8080 };
        var command = new Command("serve", "Build, serve on 127.0.0.1 and rebuild on every change, with live reload");
        site.AddTo(command);
        command.Options.Add(port);
        command.SetAction(async (result, cancel) =>
        {
            var (options, error) = site.Read(result);
            if (options == null)
                return BuildCommand.Usage(stderr, error!);
            return await RunAsync(options, result.GetValue(port), stdout, stderr, cancel, result.GetValue(site.Verbose));
        });
        return command;
    }

    public static async Task<int> RunAsync(BuildOptions options, int port, TextWriter stdout, TextWriter stderr, CancellationToken cancel, bool verbose = false)
    {
        var gate = new Lock();
        var build = new PreviewBuild(options);
        PreviewServer server;
        try
        {
            server = await PreviewServer.StartAsync(port, options.BasePath);
        }
        catch (IOException e)
        {
            return BuildCommand.Usage(stderr, $"cannot serve on port {port}: {e.Message} Pass another port with --port.");
        }
        await using var _ = server;
        void Rebuild(IReadOnlyCollection<string>? touched)
        {
            lock (gate)
            {
                BuildResult? result = null;
                var code = BuildCommand.Run(() => result = build.Rebuild(touched), options, stdout, stderr, verbose, "the preview");
                if (code == ExitCodes.Built)
                    server.Publish(build.Site!.Output);
                else if (result != null)
                    server.ShowProblems(result.Diagnostics);
            }
        }
        Rebuild(null);
        stdout.WriteLine($"Previewing at {server.SiteAddress} — edit a page and it reloads. Press Ctrl+C to stop.");
        using var watcher = new RebuildOnChange([options.InputDirectory, options.ThemeDirectory], touched =>
        {
            stdout.WriteLine();
            Rebuild(touched);
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel, server.Stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
        return ExitCodes.Built;
    }
}
