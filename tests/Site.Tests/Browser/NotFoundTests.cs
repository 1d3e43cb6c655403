using Microsoft.Playwright;

namespace Site.Tests.Browser;

/// <summary>A missing address under the base path answers 404 with a styled page whose links work.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NotFoundTests(BrowserFixture site)
{
    [Theory]
    [InlineData("no-such-page/")]
    [InlineData("no-such-page")]
    [InlineData("deep/er/missing.html")]
    [InlineData("assets/")]
    public async Task A_missing_page_answers_404_with_the_not_found_page(string missing)
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(site.Url(missing));
        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
        Assert.StartsWith("text/html", response.Headers["content-type"], StringComparison.Ordinal);
        Assert.Equal("Page not found", (await page.Locator("h1").TextContentAsync())?.Trim());
        var headerBackground = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.header')).backgroundColor");
        Assert.NotEqual("rgba(0, 0, 0, 0)", headerBackground); // the stylesheet loaded from a nested missing address too
    }

    [Fact]
    public async Task Every_link_on_the_not_found_page_resolves_under_the_base_path()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("deep/er/missing/"));

        // Links within the page (the skip link) must find their target; the rest must load.
        var missingTargets = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href^=\"#\"]')].map(a => a.getAttribute('href')).filter(h => !document.getElementById(h.slice(1)))");
        Assert.True(missingTargets.Length == 0, "in-page links without a target: " + string.Join(", ", missingTargets));
        var hrefs = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]:not([href^=\"#\"])')].map(a => a.href)");
        var local = hrefs.Where(h => !h.StartsWith("tel:", StringComparison.Ordinal) && !h.StartsWith("mailto:", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(local.Count >= 5, $"only {local.Count} links on the 404 page");
        var failures = new List<string>();
        foreach (var href in local)
        {
            var withoutFragment = href.Split('#')[0];
            if (!withoutFragment.StartsWith(site.SiteUrl.ToString(), StringComparison.Ordinal))
            {
                failures.Add($"{href} is not under {site.SiteUrl}");
                continue;
            }
            var answer = await context.APIRequest.GetAsync(withoutFragment);
            if (answer.Status != 200)
                failures.Add($"{href} answered {answer.Status}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Following the home link from the 404 page by keyboard or mouse reaches the home page.
        await page.Locator("main a", new PageLocatorOptions { HasText = "home page" }).ClickAsync();
        await page.WaitForURLAsync(site.SiteUrl.ToString());
        Assert.Equal(0, await page.Locator(".breadcrumb").CountAsync());
    }

    [Fact]
    public async Task The_server_answers_like_a_project_site()
    {
        await using var context = await site.NewContextAsync();
        var outside = await context.APIRequest.GetAsync(new Uri(site.Origin, "/other/").ToString());
        Assert.Equal(404, outside.Status);
        var noSlash = await context.APIRequest.GetAsync(site.Url("aftercare"), new APIRequestContextOptions { MaxRedirects = 0 });
        Assert.Equal(301, noSlash.Status);
        Assert.EndsWith("/clinic-site/aftercare/", noSlash.Headers["location"], StringComparison.Ordinal);
        var css = await context.APIRequest.GetAsync(site.Url("assets/site.css"));
        Assert.Equal(200, css.Status);
        Assert.StartsWith("text/css", css.Headers["content-type"], StringComparison.Ordinal);
    }
}
