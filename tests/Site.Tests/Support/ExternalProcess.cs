using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Site.Tests.Support;

/// <summary>Runs a tool (Java, Node, the generator) with its output captured, a time limit, and a clear failure if it cannot start.</summary>
public static class ExternalProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed);

    public static ProcessStartInfo Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (workingDirectory != null)
            start.WorkingDirectory = workingDirectory;
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return start;
    }

    /// <param name="cannotStart">What to tell the reader when the program is not there, e.g. how to install it.</param>
    public static async Task<Result> RunAsync(ProcessStartInfo start, TimeSpan timeout, string cannotStart)
    {
        var clock = Stopwatch.StartNew();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"Could not start {start.FileName}: {e.Message}. {cannotStart}");
            throw; // unreachable: Assert.Fail throws
        }
        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                Assert.Fail($"{Path.GetFileName(start.FileName)} did not finish within {timeout.TotalSeconds:0} s:\n{await stdout}\n{await stderr}");
            }
            return new Result(process.ExitCode, await stdout, await stderr, clock.Elapsed);
        }
    }
}
