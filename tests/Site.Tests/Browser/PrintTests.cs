using Microsoft.Playwright;

namespace Site.Tests.Browser;

/// <summary>A printed page keeps the advice and drops what only works on screen.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PrintTests(BrowserFixture site)
{
    [Fact]
    public async Task Printing_hides_navigation_search_and_footer_links_but_keeps_care_card_levels()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("when-to-worry/"));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        foreach (var selector in new[] { ".header__nav", ".header__search", ".footer__nav", ".breadcrumb", ".skip-link" })
        {
            var display = await page.EvaluateAsync<string?>("s => { const e = document.querySelector(s); return e ? getComputedStyle(e).display : null; }", selector);
            Assert.True(display == "none", $"{selector} prints (display: {display ?? "element missing"})");
        }

        var levels = page.Locator(".care-card__level");
        Assert.True(await levels.CountAsync() >= 3, "expected emergency, urgent and non-urgent care cards on /when-to-worry/");
        for (var i = 0; i < await levels.CountAsync(); i++)
        {
            var level = levels.Nth(i);
            Assert.True(await level.IsVisibleAsync(), $"care card level {i} ('{await level.TextContentAsync()}') does not print");
            var color = await level.EvaluateAsync<string>("e => getComputedStyle(e).color");
            Assert.True(color == "rgb(0, 0, 0)", $"care card level '{await level.TextContentAsync()}' prints in {color}, not black");
        }
        var first = await levels.First.TextContentAsync();
        Assert.Equal("Immediate action required:", first?.Trim());

        // The emergency numbers are part of the advice: they print.
        Assert.True(await page.Locator(".emergency-line").IsVisibleAsync(), "the emergency line does not print");
    }
}
