using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Site.Cli;
using Site.Pipelines;
using Site.Tests.Support;

namespace Site.Tests.Browser;

/// <summary>
/// <c>serve</c> in a browser: a save that breaks the build shows its problems over the open page (and over a page
/// opened while it is broken), under the site's CSP and without axe violations; the save that mends it brings the
/// page back.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PreviewOverlayTests(BrowserFixture browser) : IDisposable
{
    private readonly FixtureSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task A_broken_save_shows_its_problems_in_the_page_and_the_fix_brings_the_page_back()
    {
        var stdout = new StringWriter();
        using var stop = new CancellationTokenSource();
        // Under a base path, as published: the page's files are under it, the preview's script and events are not.
        var options = new BuildOptions(_site.Input, RepoPaths.Theme, _site.Output, RealSite.BasePath, DateOnly.Parse(FixtureSite.Today));
        var serving = ServeCommand.RunAsync(options, 0, TextWriter.Synchronized(stdout), TextWriter.Synchronized(new StringWriter()), stop.Token);
        try
        {
            var address = new Uri(await Eventually.ValueOf(() => Regex.Match(stdout.ToString(), @"Previewing at (\S+)") is { Success: true } m ? m.Groups[1].Value : null));
            var aftercare = new Uri(address, "aftercare/").ToString();
            var problems = new List<string>();
            await using var context = await browser.NewContextAsync();
            var open = await context.NewPageAsync();
            Watch(open, "the open tab", problems);
            await open.GotoAsync(aftercare);
            Assert.Contains("Wrap ice in a towel.", await open.Locator("main").InnerTextAsync());

            var broken = FixtureSite.Page("Aftercare", "### Ice\n\nWrap ice in a towel.").Replace("author: Writer One", "author: Writer One\ncolour: blue");
            _site.SavePage("aftercare.md", broken);
            var dialog = open.GetByRole(AriaRole.Alertdialog);
            await Eventually.ValueOf(async () => await dialog.IsVisibleAsync() ? "" : null, "the problems over the open tab");

            var text = await dialog.InnerTextAsync();
            Assert.Equal("The page could not be built.", (await dialog.GetByRole(AriaRole.Heading).InnerTextAsync()).Trim());
            Assert.Contains("Fix the problem below and save; this page will come back.", text);
            Assert.Contains("1 error", text);
            var problem = dialog.Locator("li");
            Assert.Equal(1, await problem.CountAsync());
            var shown = await problem.InnerTextAsync();
            Assert.Contains("aftercare.md", shown);
            Assert.Contains($"line {FixtureSite.LineOf(broken, "colour")}", shown);
            Assert.Contains("'colour'", shown);
            Assert.Contains("How to fix it:", shown);
            Assert.True(await open.EvaluateAsync<bool>("() => document.activeElement?.closest('[role=alertdialog]') != null"), "focus is not in the dialog");
            Assert.Equal("fixed", await dialog.EvaluateAsync<string>("e => getComputedStyle(e).position")); // the served stylesheet applies
            Assert.True(await open.Locator("main").EvaluateAsync<bool>("e => e.closest('[inert]') != null"), "the page behind can still be reached");
            await AssertNoAxeViolations(open, "the open tab");

            // Hidden, the last good page shows, and a button brings the problems back.
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Hide this message" }).ClickAsync();
            Assert.False(await dialog.IsVisibleAsync());
            await open.GetByRole(AriaRole.Button, new() { Name = "Show the build's problems (1 error)" }).ClickAsync();
            Assert.True(await dialog.IsVisibleAsync());

            // A tab opened while the build is broken: as at 200 % zoom (640 CSS pixels for a 1280 pixel window), dark.
            await using var lateContext = await browser.NewContextAsync(width: 640, height: 400, colorScheme: ColorScheme.Dark);
            var late = await lateContext.NewPageAsync();
            Watch(late, "the tab opened while broken", problems);
            await late.GotoAsync(aftercare);
            var lateDialog = late.GetByRole(AriaRole.Alertdialog);
            await Eventually.ValueOf(async () => await lateDialog.IsVisibleAsync() ? "" : null, "the problems over a tab opened while broken");
            Assert.Contains("'colour'", await lateDialog.InnerTextAsync());
            Assert.True(await lateDialog.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"), "the problems scroll sideways at 200 % zoom");
            await AssertNoAxeViolations(late, "the tab opened while broken (dark, 200 %)");

            _site.SavePage("aftercare.md", FixtureSite.Page("Aftercare", "### Ice\n\nUse a cold pack."));
            foreach (var (tab, name) in new[] { (open, "the open tab"), (late, "the tab opened while broken") })
                await Eventually.ValueOf(() => ShowsPageAgain(tab, "Use a cold pack."), $"the mended page in {name}");
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
        finally
        {
            await stop.CancelAsync();
            await serving;
        }
    }

    /// <summary>Records console errors (CSP violations among them) and uncaught script errors.</summary>
    private static void Watch(IPage page, string name, List<string> problems)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                lock (problems) problems.Add($"{name}: console error: {message.Text}");
        };
        page.PageError += (_, error) =>
        {
            lock (problems) problems.Add($"{name}: uncaught error: {error}");
        };
    }

    /// <summary>Whether the tab has reloaded into the page with this text and no problems over it; a tab in the middle of reloading is not yet.</summary>
    private static async Task<string?> ShowsPageAgain(IPage tab, string words)
    {
        try
        {
            var main = await tab.Locator("main").AllInnerTextsAsync();
            return main.Any(t => t.Contains(words, StringComparison.Ordinal)) && await tab.GetByRole(AriaRole.Alertdialog).CountAsync() == 0 ? "" : null;
        }
        catch (PlaywrightException)
        {
            return null;
        }
    }

    /// <summary>As <see cref="AccessibilityTests"/> runs axe: legacy mode, WCAG 2.2 A and AA.</summary>
    private static async Task AssertNoAxeViolations(IPage page, string name)
    {
#pragma warning disable CS0618 // RunAxeLegacy is marked obsolete; AccessibilityTests says why it is used.
        AxeResult result = await page.RunAxeLegacy(null, AxeRules.WcagAA);
#pragma warning restore CS0618
        Assert.True(result.Violations.Length == 0, $"{name}: " + string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}: {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
    }
}
