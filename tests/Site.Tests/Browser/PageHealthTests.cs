using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Site.Tests.Browser;

/// <summary>Every page loads cleanly, stays on this server, and fits a 320 CSS px wide screen.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageHealthTests(BrowserFixture site)
{
    [Fact]
    public async Task Every_page_loads_without_console_errors_CSP_violations_or_requests_to_other_hosts()
    {
        await using var context = await site.NewContextAsync();
        var problems = new ConcurrentBag<string>();
        // Every page, plus the search page with a query as the header search form sends it.
        var urls = site.Pages.Select(site.Url).Append(site.Url("search/") + "?q=sore+neck");
        await Parallel.ForEachAsync(urls, new ParallelOptions { MaxDegreeOfParallelism = 3 }, async (url, _) =>
        {
            var page = await context.NewPageAsync();
            try
            {
                var watcher = new PageProblems(page, site, url);
                var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
                if (response is not { Ok: true })
                    problems.Add($"{url}: answered {response?.Status}");
                if (response != null && !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
                    problems.Add($"{url}: content type is not text/html");
                // The stylesheet loaded and applied (a broken base path would leave the page unstyled).
                var headerBackground = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.header')).backgroundColor");
                if (headerBackground is "rgba(0, 0, 0, 0)" or "transparent")
                    problems.Add($"{url}: the stylesheet did not apply");
                foreach (var problem in watcher.All)
                    problems.Add(problem);
            }
            finally
            {
                await page.CloseAsync();
            }
        });
        Assert.True(problems.IsEmpty, string.Join("\n", problems.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task No_page_scrolls_sideways_at_320_css_pixels()
    {
        await using var context = await site.NewContextAsync(width: 320, height: 640);
        var page = await context.NewPageAsync();
        var failures = new List<string>();
        foreach (var path in site.Pages)
        {
            await page.GotoAsync(site.Url(path));
            var overflow = await page.EvaluateAsync<OverflowResult>(FindOverflow);
            if (overflow.ScrollWidth > overflow.InnerWidth)
            {
                failures.Add($"{BrowserFixture.Name(path)}: scrollWidth {overflow.ScrollWidth} > {overflow.InnerWidth}; too wide: "
                    + string.Join(", ", overflow.Wide));
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// WCAG 1.4.12 Text Spacing: with the spacing a reader may force (line height 1.5, paragraph spacing 2,
    /// letter spacing 0.12, word spacing 0.16 times the font size), nothing is cut off or scrolls sideways.
    /// </summary>
    [Fact]
    public async Task With_increased_text_spacing_no_page_scrolls_sideways_or_clips_text_at_320_css_pixels()
    {
        // The reader's style sheet is inline, which the site's Content-Security-Policy rightly blocks.
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 320, Height = 640 },
            BypassCSP = true,
        });
        var page = await context.NewPageAsync();
        var failures = new List<string>();
        foreach (var path in site.Pages)
        {
            await page.GotoAsync(site.Url(path));
            await page.AddStyleTagAsync(new PageAddStyleTagOptions { Content = TextSpacing });
            var overflow = await page.EvaluateAsync<OverflowResult>(FindOverflow);
            if (overflow.ScrollWidth > overflow.InnerWidth)
            {
                failures.Add($"{BrowserFixture.Name(path)}: scrollWidth {overflow.ScrollWidth} > {overflow.InnerWidth}; too wide: "
                    + string.Join(", ", overflow.Wide));
            }
            var clipped = await page.EvaluateAsync<string[]>(FindClippedText);
            if (clipped.Length > 0)
                failures.Add($"{BrowserFixture.Name(path)}: text cut off in " + string.Join(", ", clipped));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private const string TextSpacing = """
        * { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; }
        p { margin-bottom: 2em !important; }
        """;

    /// <summary>Visible elements with text that hide their overflow and are too small for their content.</summary>
    private const string FindClippedText = """
        () => [...document.body.querySelectorAll('*')]
          .filter(e => e.offsetParent !== null && e.textContent.trim() !== '' && e.getClientRects().length > 0)
          .filter(e => e.clientWidth > 1 && e.clientHeight > 1)
          .filter(e => {
            const s = getComputedStyle(e);
            const hides = v => v === 'hidden' || v === 'clip';
            return (hides(s.overflowX) && e.scrollWidth > e.clientWidth + 1) || (hides(s.overflowY) && e.scrollHeight > e.clientHeight + 1);
          })
          .slice(0, 8)
          .map(e => `${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).trim().split(/\s+/).join('.') : ''}`)
        """;

    private sealed class OverflowResult
    {
        public int ScrollWidth { get; set; }
        public int InnerWidth { get; set; }
        public string[] Wide { get; set; } = [];
    }

    /// <summary>The page's scroll width, and the first elements that stick out to the right, for the message.</summary>
    private const string FindOverflow = """
        () => {
          const width = window.innerWidth;
          const wide = [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > width + 0.5)
            .slice(0, 8)
            .map(e => `${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).trim().split(/\s+/).join('.') : ''} (right ${Math.round(e.getBoundingClientRect().right)})`);
          return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide };
        }
        """;
}
