using System.Collections.Concurrent;
using System.Diagnostics;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Site.Tests.Browser;

/// <summary>Runs axe-core's WCAG 2.2 A and AA rules on every page, in light and dark colour schemes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture site, ITestOutputHelper output)
{
    /// <summary>Pages checked at the same time; axe waits on the browser as much as it computes.</summary>
    private const int PagesAtOnce = 3;

    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        ResultTypes = [ResultType.Violations],
        Iframes = false,
    };

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Every_page_has_no_axe_WCAG_AA_violations(ColorScheme scheme)
    {
        var clock = Stopwatch.StartNew();
        await using var context = await site.NewContextAsync(colorScheme: scheme);
        var failures = new ConcurrentBag<string>();
        var review = new ConcurrentBag<string>();
        var slowest = (Page: "", Seconds: 0.0);
        var slowestLock = new Lock();
        await Parallel.ForEachAsync(site.Pages, new ParallelOptions { MaxDegreeOfParallelism = PagesAtOnce }, async (path, _) =>
        {
            var name = $"{BrowserFixture.Name(path)} [{scheme}]";
            var page = await context.NewPageAsync();
            try
            {
                var start = clock.Elapsed;
                var response = await page.GotoAsync(site.Url(path));
                if (response is not { Ok: true })
                {
                    failures.Add($"{name}: answered {response?.Status}");
                    return;
                }
                var result = await page.RunAxe(WcagAA);
                var seconds = (clock.Elapsed - start).TotalSeconds;
                lock (slowestLock)
                {
                    if (seconds > slowest.Seconds)
                        slowest = (name, seconds);
                }
                foreach (var violation in result.Violations)
                {
                    failures.Add($"{name} {violation.Id} ({violation.Impact}): {violation.Help} ({violation.HelpUrl})\n"
                        + string.Concat(violation.Nodes.Select(n => $"    - {n.Target}: {Summary(n)}\n")));
                }
                foreach (var item in result.Incomplete ?? [])
                    review.Add($"{name} needs review: {item.Id}: {string.Join(", ", item.Nodes.Select(n => n.Target.ToString()))}");
            }
            finally
            {
                await page.CloseAsync();
            }
        });
        output.WriteLine($"axe checked {site.Pages.Count} pages ({scheme}) in {clock.Elapsed.TotalSeconds:0.0} s; slowest {slowest.Page} {slowest.Seconds:0.0} s");
        foreach (var line in review.Order(StringComparer.Ordinal))
            output.WriteLine(line);
        Assert.True(failures.IsEmpty, $"{failures.Count} axe violation(s):\n" + string.Join("\n", failures.Order(StringComparer.Ordinal)));
    }

    /// <summary>What axe found at one node, e.g. the measured contrast ratio and colours.</summary>
    private static string Summary(AxeResultNode node) =>
        string.Join("; ", new[] { node.Any, node.All, node.None }
            .SelectMany(checks => checks ?? [])
            .Select(check => check.Message)
            .Where(message => !string.IsNullOrWhiteSpace(message)));
}
