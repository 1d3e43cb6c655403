using System.Diagnostics;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Site.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ZzCpu(BrowserFixture site, ITestOutputHelper output)
{
    private static readonly AxeRunOptions O = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        ResultTypes = [ResultType.Violations],
        Iframes = false,
    };

    private static long TreeCpu()
    {
        var all = Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsDigit)).Select(int.Parse!).ToList();
        var stats = new Dictionary<int, (int PPid, long Cpu)>();
        foreach (var pid in all)
        {
            try
            {
                var text = File.ReadAllText($"/proc/{pid}/stat");
                var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                // rest[0]=state, rest[1]=ppid, utime=rest[11], stime=rest[12], cutime=rest[13], cstime=rest[14]
                stats[pid] = (int.Parse(rest[1]), long.Parse(rest[11]) + long.Parse(rest[12]) + long.Parse(rest[13]) + long.Parse(rest[14]));
            }
            catch (Exception) { }
        }
        var me = Environment.ProcessId;
        long total = 0;
        var stack = new Stack<int>([me]);
        while (stack.Count > 0)
        {
            var p = stack.Pop();
            if (stats.TryGetValue(p, out var s)) total += s.Cpu;
            foreach (var kv in stats) if (kv.Value.PPid == p) stack.Push(kv.Key);
        }
        return total;
    }

    [Fact]
    public async Task Cpu()
    {
        var mode = Environment.GetEnvironmentVariable("ZZ_MODE") ?? "none";
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var cpu0 = TreeCpu();
        var c = Stopwatch.StartNew();
        foreach (var path in site.Pages.Concat(site.Pages))
        {
            await page.GotoAsync(site.Url(path));
#pragma warning disable CS0618
            if (mode == "run") await page.RunAxe(O);
            else if (mode == "legacy") await page.RunAxeLegacy(null, O);
#pragma warning restore CS0618
        }
        output.WriteLine($"{mode}: {c.Elapsed.TotalSeconds:0.0}s cpu {(TreeCpu() - cpu0) / 100.0:0.0}s");
    }
}
