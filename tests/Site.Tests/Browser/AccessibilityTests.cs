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

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Every_page_has_no_axe_WCAG_AA_violations(ColorScheme scheme)
    {
        var clock = Stopwatch.StartNew();
        await using var context = await site.NewContextAsync(colorScheme: scheme);
        var failures = new ConcurrentBag<string>();
        var review = new ConcurrentBag<string>();
        var timings = new ConcurrentBag<(string Page, double Seconds)>();
        var queue = new ConcurrentQueue<string>(site.Pages);

        // A few pages check side by side, each working through the queue (one tab reused by each saves
        // starting a renderer per page).
        async Task Lane()
        {
            var page = await context.NewPageAsync();
            while (queue.TryDequeue(out var path))
            {
                var name = $"{BrowserFixture.Name(path)} [{scheme}]";
                var start = clock.Elapsed;
                var response = await page.GotoAsync(site.Url(path));
                if (response is not { Ok: true })
                {
                    failures.Add($"{name}: answered {response?.Status}");
                    continue;
                }
                var result = await RunAxeAsync(page);
                timings.Add((name, (clock.Elapsed - start).TotalSeconds));
                foreach (var violation in result.Violations)
                {
                    failures.Add($"{name} {violation.Id} ({violation.Impact}): {violation.Help} ({violation.HelpUrl})\n"
                        + string.Concat(violation.Nodes.Select(n => $"    - {n.Target}: {Summary(n)}\n")));
                }
                foreach (var item in result.Incomplete ?? [])
                    review.Add($"{name} needs review: {item.Id}: {string.Join(", ", item.Nodes.Select(n => n.Target.ToString()))}");
            }
            await page.CloseAsync();
        }
        await Task.WhenAll(Enumerable.Range(0, PagesAtOnce).Select(_ => Lane()));

        var slowest = timings.OrderByDescending(t => t.Seconds).FirstOrDefault();
        output.WriteLine($"axe checked {site.Pages.Count} pages ({scheme}) in {clock.Elapsed.TotalSeconds:0.0} s; slowest {slowest.Page} {slowest.Seconds:0.0} s");
        foreach (var line in review.Order(StringComparer.Ordinal))
            output.WriteLine(line);
        Assert.True(failures.IsEmpty, $"{failures.Count} axe violation(s):\n" + string.Join("\n", failures.Order(StringComparer.Ordinal)));
    }

    /// <summary>
    /// Runs axe on the page as it is. Uses the package's legacy mode: its default mode (<c>page.RunAxe</c>)
    /// opens a new browser context and page and injects axe-core a second time to combine frame results,
    /// which measured about five times the CPU of legacy mode (about 5 s against 1 s of CPU per page on a
    /// 2-core machine), so the two colour schemes took minutes instead of seconds. The site has no iframes,
    /// which is the only case where the two modes differ. If a later package drops legacy mode, call
    /// <c>page.RunAxe(AxeRules.WcagAA)</c> here instead.
    /// </summary>
    private static Task<AxeResult> RunAxeAsync(IPage page)
    {
#pragma warning disable CS0618 // RunAxeLegacy is marked obsolete; see above for why it is used.
        return page.RunAxeLegacy(null, AxeRules.WcagAA);
#pragma warning restore CS0618
    }

    /// <summary>What axe found at one node, e.g. the measured contrast ratio and colours.</summary>
    private static string Summary(AxeResultNode node) =>
        string.Join("; ", new[] { node.Any, node.All, node.None }
            .SelectMany(checks => checks ?? [])
            .Select(check => check.Message)
            .Where(message => !string.IsNullOrWhiteSpace(message)));
}
