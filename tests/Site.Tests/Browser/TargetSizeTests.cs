using Microsoft.Playwright;

namespace Site.Tests.Browser;

/// <summary>
/// WCAG 2.5.8 Target Size (Minimum): every link and control in the header, footer, breadcrumbs and
/// emergency line is at least 24 by 24 CSS px, on a small phone and on a desktop screen. Links in the
/// running text of the main content are exempt (the "inline" exception), so they are not checked.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TargetSizeTests(BrowserFixture site)
{
    private const double Minimum = 24;

    [Theory]
    [InlineData(320, 640)]
    [InlineData(1280, 800)]
    public async Task Header_footer_breadcrumb_and_emergency_line_targets_are_at_least_24_by_24(int width, int height)
    {
        await using var context = await site.NewContextAsync(width, height);
        var page = await context.NewPageAsync();
        var failures = new List<string>();
        var checkedTargets = 0;
        foreach (var path in site.Pages)
        {
            await page.GotoAsync(site.Url(path));
            var targets = await page.EvaluateAsync<Target[]>(MeasureTargets);
            checkedTargets += targets.Length;
            foreach (var target in targets.Where(t => t.Width < Minimum || t.Height < Minimum))
                failures.Add($"{BrowserFixture.Name(path)} at {width}px: {target.Name} is {target.Width:0.#} x {target.Height:0.#}");
        }
        Assert.True(checkedTargets > site.Pages.Count * 10, $"only {checkedTargets} targets found");
        Assert.True(failures.Count == 0, $"{failures.Count} target(s) smaller than {Minimum} x {Minimum} CSS px:\n" + string.Join("\n", failures));
    }

    private sealed class Target
    {
        public string Name { get; set; } = "";
        public double Width { get; set; }
        public double Height { get; set; }
    }

    /// <summary>
    /// Every rendered link and control in those regions, measured box by box: a link that wraps onto
    /// two lines is two targets, each of which must be big enough.
    /// </summary>
    private const string MeasureTargets = """
        () => {
          const regions = 'header, footer, .breadcrumb, .emergency-line';
          const controls = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
          const found = [...document.querySelectorAll(regions)]
            .flatMap(r => [...r.querySelectorAll(controls)]);
          return [...new Set(found)]
            .filter(e => getComputedStyle(e).visibility !== 'hidden' && e.getClientRects().length > 0)
            .flatMap(e => [...e.getClientRects()].map(r => ({
              name: `${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).trim().split(/\s+/).join('.') : ''} "${(e.textContent || e.getAttribute('aria-label') || e.id).trim().slice(0, 40)}"`,
              width: r.width,
              height: r.height,
            })));
        }
        """;
}
