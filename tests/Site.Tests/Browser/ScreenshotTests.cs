using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Site.Tests.Browser;

/// <summary>
/// Full-page screenshots of key pages at phone and desktop widths, light and dark, for people to look
/// at (in $SITE_SCREENSHOTS, default /tmp/shots). Not compared with anything: they are for review.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture site, ITestOutputHelper output)
{
    [Fact]
    public async Task Screenshots_of_key_pages_are_written_for_review()
    {
        var folder = BrowserFixture.ScreenshotFolder();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            foreach (var width in new[] { 320, 1280 })
            {
                await using var context = await site.NewContextAsync(width, width == 320 ? 640 : 800, scheme);
                var page = await context.NewPageAsync();
                foreach (var (path, name) in new[] { ("", "home"), ("when-to-worry/", "when-to-worry") })
                {
                    await page.GotoAsync(site.Url(path));
                    var file = Path.Combine(folder, $"{name}-{width}-{scheme.ToString().ToLowerInvariant()}.png");
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                    Assert.True(new FileInfo(file).Length > 1000, $"{file} is empty");
                }
            }
        }
        output.WriteLine($"screenshots in {folder}");
    }
}
