using System.Diagnostics;
using System.Globalization;

namespace Site.Cli;

/// <summary>
/// <c>build --verbose</c>: each pipeline step's wall time, longest first (steps of different pipelines overlap, so
/// they add up to more than the build), then the process's peak memory and its garbage collections so far (the
/// preview prints this after every rebuild, so the difference between two is one rebuild's).
/// </summary>
public static class StageReport
{
    public static void Print(BuildResult result, TextWriter stdout)
    {
        foreach (var (pipeline, step, elapsed) in result.Timings.OrderByDescending(t => t.Elapsed))
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalMilliseconds,9:0.0} ms  {pipeline}: {step}"));
        using var process = Process.GetCurrentProcess();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Peak memory: {process.PeakWorkingSet64 / (1024 * 1024)} MB."));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Garbage collections so far: {GC.CollectionCount(0)}, {GC.CollectionCount(1)} of them of older objects, {GC.CollectionCount(2)} of all; {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms paused, {GC.GetTotalAllocatedBytes() / (1024 * 1024)} MB allocated."));
    }
}
