using Microsoft.Playwright;

namespace Site.Tests.Browser;

/// <summary>Keyboard users can skip the header, and always see where the focus is.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserFixture site)
{
    private const string ContentPage = "when-to-worry/";

    [Fact]
    public async Task The_first_tab_reaches_the_skip_link_which_moves_to_the_main_content()
    {
        await using var context = await site.NewContextAsync(1280, 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(ContentPage));

        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string[]>("() => [document.activeElement.className, document.activeElement.textContent.trim(), document.activeElement.getAttribute('href')]");
        Assert.Equal(["skip-link", "Skip to main content", "#main-content"], focused);

        // Once focused it is on screen and big enough to use.
        var box = await page.Locator(".skip-link").BoundingBoxAsync();
        Assert.True(box is { Width: >= 24, Height: >= 24 } && box.X >= 0 && box.Y >= 0 && box.Y + box.Height <= 800,
            $"the focused skip link is not fully visible: {box?.X},{box?.Y} {box?.Width}x{box?.Height}");

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("#main-content", StringComparison.Ordinal));
        var mainTop = await page.EvaluateAsync<double>("() => document.getElementById('main-content').getBoundingClientRect().top");
        Assert.True(Math.Abs(mainTop) <= 2, $"the main content did not scroll to the top of the window (its top is at {mainTop}px)");

        // The next Tab continues from the main content, not from the header.
        await page.Keyboard.PressAsync("Tab");
        var inMain = await page.EvaluateAsync<bool>("() => document.getElementById('main-content').contains(document.activeElement)");
        var next = await page.EvaluateAsync<string>("() => document.activeElement.outerHTML.slice(0, 120)");
        Assert.True(inMain, $"after the skip link, Tab focused {next}, which is not in the main content");
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Every_focusable_element_shows_a_visible_focus_style(ColorScheme scheme)
    {
        await using var context = await site.NewContextAsync(1280, 800, scheme);
        var page = await context.NewPageAsync();
        var failures = new List<string>();
        foreach (var path in new[] { ContentPage, "search/" })
        {
            await page.GotoAsync(site.Url(path));
            await page.EvaluateAsync(RecordUnfocusedStyles);
            var seen = 0;
            for (var i = 0; i < 150; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                var check = await page.EvaluateAsync<FocusCheck?>(CheckFocusedStyle);
                if (check == null)
                    break; // focus left the document (past the last element)
                seen++;
                if (!check.Visible)
                    failures.Add($"{BrowserFixture.Name(path)} [{scheme}]: {check.Name} has no visible focus style (outline {check.Before.Outline} -> {check.After.Outline}; box-shadow {check.Before.Shadow} -> {check.After.Shadow})");
            }
            Assert.True(seen >= 10, $"{BrowserFixture.Name(path)}: only {seen} elements took focus");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private sealed class FocusStyle
    {
        public string Outline { get; set; } = "";
        public string Shadow { get; set; } = "";
        public bool OutlineShows { get; set; }
    }

    private sealed class FocusCheck
    {
        public string Name { get; set; } = "";
        public FocusStyle Before { get; set; } = new();
        public FocusStyle After { get; set; } = new();
        public bool Visible { get; set; }
    }

    private const string StyleFunction = """
        window.__focusStyle = e => {
          const s = getComputedStyle(e);
          const transparent = /^(transparent|rgba\(.*,\s*0\))$/.test(s.outlineColor);
          return {
            outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
            shadow: s.boxShadow,
            outlineShows: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1 && !transparent,
          };
        };
        """;

    /// <summary>Remembers how every focusable element looks without focus.</summary>
    private const string RecordUnfocusedStyles = "() => {\n" + StyleFunction + """
          document.activeElement?.blur();
          window.__unfocused = new Map();
          for (const e of document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]'))
            window.__unfocused.set(e, window.__focusStyle(e));
        }
        """;

    /// <summary>
    /// Compares the focused element with its unfocused look: the focus shows when a visible outline
    /// appears or changes, or the box-shadow changes. Null once focus has left the page.
    /// </summary>
    private const string CheckFocusedStyle = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body || e === document.documentElement) return null;
          const before = window.__unfocused.get(e) ?? { outline: 'unknown', shadow: 'unknown', outlineShows: false };
          const after = window.__focusStyle(e);
          const visible = (after.outlineShows && after.outline !== before.outline)
            || (after.shadow !== 'none' && after.shadow !== before.shadow);
          const name = `${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).trim().split(/\s+/).join('.') : ''} "${(e.textContent || e.id).trim().slice(0, 40)}"`;
          return { name, before, after, visible };
        }
        """;
}
