using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Site.Diagnostics;
using Site.Settings;
using Site.Tests.Support;
using Xunit.Abstractions;

namespace Site.Tests.Browser;

/// <summary>
/// Site search in Chromium against the real site under its base path: what a reader finds for their own words,
/// the red-flag notice, the combobox by keyboard, the search page and its address, the no-JavaScript path,
/// lazy loading, and no requests to any other host. (The time to first results is measured by bench/search-bench.sh.)
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchTests(BrowserFixture site, ITestOutputHelper output)
{
    private const string Base = RealSite.BasePath;
    private const string Options = "#search-listbox [role=option]";

    private static readonly PhoneNumbers Numbers = LoadNumbers();

    private static PhoneNumbers LoadNumbers()
    {
        var settings = SiteSettingsLoader.Load(RepoPaths.Input, new DiagnosticBag())
            ?? throw new InvalidOperationException("input/site.yml did not load");
        return settings.Numbers;
    }

    /// <summary>A page of its own context, with everything that goes wrong on it recorded.</summary>
    private async Task<(IPage Page, PageProblems Problems, IBrowserContext Context)> OpenAsync(string path, bool javaScript = true, int width = 1280)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
            JavaScriptEnabled = javaScript,
            ReducedMotion = ReducedMotion.Reduce,
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page, site, BrowserFixture.Name(path));
        var response = await page.GotoAsync(site.Url(path));
        Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
        return (page, problems, context);
    }

    private static void AssertNoProblems(PageProblems problems) =>
        Assert.True(problems.All.Count == 0, string.Join("\n", problems.All));

    /// <summary>Types a query into the header box and waits until its results (or no-results help) are shown.</summary>
    private static async Task TypeInHeaderAsync(IPage page, string query)
    {
        var box = page.Locator("#search-query");
        await box.FocusAsync();
        // The status still shows the last query's count; cleared, it can only be filled again by this query's results.
        await page.EvaluateAsync("() => document.querySelector('.header__search [role=status]').textContent = ''");
        await box.FillAsync(query);
        await page.WaitForFunctionAsync(
            "q => { const i = document.getElementById('search-query'); const p = document.querySelector('.search-popup');"
            + " return i.value === q && p && !p.hidden && document.querySelector('.header__search [role=status]').textContent.includes('result'); }",
            query);
    }

    /// <summary>Presses a key that opens another page, and waits for exactly that address and its load. The wait
    /// starts before the key, so a fast navigation cannot finish unseen, and the address is compared whole: as a
    /// pattern, the "?" of a query would match any character.</summary>
    private static async Task PressAndWaitForPageAsync(IPage page, Func<Task> press, string url)
    {
        var arrived = page.WaitForURLAsync(u => u == url, new() { WaitUntil = WaitUntilState.Commit });
        await press();
        await arrived;
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    private static Task<string[]> HrefsAsync(IPage page, string selector) =>
        page.Locator(selector).EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");

    public static TheoryData<string, string, string> Queries => new()
    {
        // kind of query, query, the section that must come first (as in Search/Evaluation/queries.yml, end to end)
        { "title word", "knot", "deep-tissue-and-knots/" },
        { "section word", "ice", "aftercare/#cold-packs" },
        { "prefix", "numb", "when-to-worry/#get-help-the-same-day" },
        { "typo", "brusing", "when-to-worry/#contact-a-doctor-or-physiotherapist" },
        { "synonym (urine -> pee)", "urine", "when-to-worry/#get-help-the-same-day" },
        { "synonym (wee -> pee)", "wee", "when-to-worry/#get-help-the-same-day" },
        { "synonym (warfarin -> blood thinners)", "warfarin", "check-with-a-doctor-first/#you-take-blood-thinners" },
        { "red flag", "chest pain", "when-to-worry/#call-the-emergency-number-now" },
        { "red flag in a sentence", "my leg is swollen", "when-to-worry/#get-help-the-same-day" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Header_search_puts_the_expected_section_first(string kind, string query, string expected)
    {
        var (page, problems, context) = await OpenAsync("aftercare/");
        await using var _ = context;
        await TypeInHeaderAsync(page, query);

        var hrefs = await HrefsAsync(page, Options);
        output.WriteLine($"{kind} '{query}': {string.Join(", ", hrefs.Take(5))}");
        Assert.NotEmpty(hrefs);
        Assert.Equal(Base + expected, hrefs[0]);
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task A_prefix_highlights_the_whole_word_it_found()
    {
        var (page, problems, context) = await OpenAsync("");
        await using var _ = context;
        await TypeInHeaderAsync(page, "numb");
        var marks = await page.Locator($"{Options} >> nth=0").Locator("mark").AllTextContentsAsync();
        Assert.Contains(marks, m => m.Equals("numbness", StringComparison.OrdinalIgnoreCase));
        // A synonym is highlighted too: "urine" finds and marks "pee".
        await TypeInHeaderAsync(page, "urine");
        marks = await page.Locator($"{Options} >> nth=0").Locator("mark").AllTextContentsAsync();
        Assert.Contains(marks, m => m.Equals("pee", StringComparison.OrdinalIgnoreCase));
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task Each_result_shows_title_section_heading_and_excerpt()
    {
        var (page, problems, context) = await OpenAsync("");
        await using var _ = context;
        await TypeInHeaderAsync(page, "ice");
        var first = page.Locator(Options).First;
        Assert.Equal("Looking after yourself after a massage", await first.Locator(".search-result__title").TextContentAsync());
        Assert.Equal("Cold packs", await first.Locator(".search-result__heading").TextContentAsync());
        Assert.Contains("ice", await first.Locator(".search-result__excerpt mark").AllTextContentsAsync(), StringComparer.OrdinalIgnoreCase);
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task Chest_pain_shows_an_emergency_notice_with_the_emergency_number_above_the_results()
    {
        var (page, problems, context) = await OpenAsync("when-to-worry/");
        await using var _ = context;
        await TypeInHeaderAsync(page, "chest pain");

        var notice = page.Locator(".search-popup .search-notice");
        Assert.Equal(1, await notice.CountAsync());
        Assert.Contains("care-card--emergency", await notice.GetAttributeAsync("class"));
        Assert.Equal($"Immediate action required: Call {Numbers.Emergency} now", (await notice.Locator(".care-card__heading").TextContentAsync())!.Trim());
        Assert.Contains($"Call {Numbers.Emergency}", await notice.Locator(".care-card__content").TextContentAsync());
        Assert.Equal(Base + "symptom-checker/", await notice.Locator("a").GetAttributeAsync("href"));
        Assert.True(await notice.EvaluateAsync<bool>(
            "n => !!(n.compareDocumentPosition(document.getElementById('search-listbox')) & Node.DOCUMENT_POSITION_FOLLOWING)"),
            "the notice must come before the results");
        // Screen reader users hear the notice with the count.
        Assert.StartsWith($"Immediate action required: Call {Numbers.Emergency} now.",
            await page.Locator(".header__search [role=status]").TextContentAsync());
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task A_swollen_leg_in_a_sentence_shows_an_urgent_notice()
    {
        var (page, problems, context) = await OpenAsync("");
        await using var _ = context;
        await TypeInHeaderAsync(page, "my leg is swollen");

        var notice = page.Locator(".search-popup .search-notice");
        Assert.Contains("care-card--urgent", await notice.GetAttributeAsync("class"));
        Assert.Equal("Urgent advice: Get help today", (await notice.Locator(".care-card__heading").TextContentAsync())!.Trim());
        Assert.Contains($"Call {Numbers.Urgent}", await notice.Locator(".care-card__content").TextContentAsync());
        AssertNoProblems(problems);
    }

    /// <summary>The red-flag notice as a reader meets it, in the header's results: word order, word forms, synonyms,
    /// typos, and the most urgent level; and no notice for words that only look like a red flag.</summary>
    [Theory]
    [InlineData("chest pain", "emergency")]
    [InlineData("pain in my chest", "emergency")]
    [InlineData("I feel breathless", "emergency")]
    [InlineData("numb", "urgent")]
    [InlineData("numbness in my arm", "urgent")]
    [InlineData("leg swollen and hot", "urgent")]
    [InlineData("my legs are swollen", "urgent")]
    [InlineData("dark urine", "urgent")]
    [InlineData("wee is dark", "urgent")]           // wee -> pee, and "dark pee" is a red flag
    [InlineData("pins and needles", "urgent")]
    [InlineData("tingling and chest pain", "emergency")] // the most urgent level wins
    [InlineData("chest pian", "emergency")]          // a typo in a red flag still raises it
    [InlineData("it hurts when I breathe", "emergency")] // a phrase, in its order
    [InlineData("is it a blood clot", "urgent")]
    [InlineData("breathe through the pain", null)]   // the same words in another order
    [InlineData("I can't speak", "emergency")]
    [InlineData("can't speak up about the pressure", null)] // the phrase's exception: speaking up is no loss of speech
    [InlineData("sore muscles", null)]
    [InlineData("bruising", null)]                   // the checker sends bruising to a clinician: no notice
    [InlineData("leg", null)]
    [InlineData("breathing exercises", null)]        // starts like "breathless", is not it
    public async Task Red_flag_terms_match_the_way_readers_write(string query, string? card)
    {
        var (page, problems, context) = await OpenAsync("");
        await using var _ = context;
        await TypeInHeaderAsync(page, query);
        var notice = page.Locator(".search-popup .search-notice");
        Assert.Equal(card == null ? 0 : 1, await notice.CountAsync());
        if (card != null)
            Assert.Contains($"care-card--{card}", await notice.GetAttributeAsync("class"));
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task Stemming_puts_word_forms_together()
    {
        var (page, problems, context) = await OpenAsync("");
        await using var _ = context;
        var stems = await page.EvaluateAsync<Dictionary<string, string>>(
            "async ws => { const m = await import(new URL('search/words.js', document.querySelector('script[src*=\"assets/search.js\"]').src));"
            + " return Object.fromEntries(ws.map(w => [w, m.stem(w)])); }",
            new[] { "numb", "numbness", "numbing", "bruise", "bruises", "bruised", "bruising", "swelling", "swell", "tingle", "tingling",
                "muscle", "muscles", "sore", "soreness", "pee", "peeing", "dizzy", "dizziness", "injury", "injuries", "breathless", "breath", "gently" });
        void Same(params string[] words) => Assert.True(words.Select(w => stems[w]).Distinct().Count() == 1,
            "expected one stem for " + string.Join(", ", words.Select(w => $"{w} -> {stems[w]}")));
        Same("numb", "numbness", "numbing");
        Same("bruise", "bruises", "bruised", "bruising");
        Same("swell", "swelling");
        Same("tingle", "tingling");
        Same("muscle", "muscles");
        Same("sore", "soreness");
        Same("pee", "peeing");
        Same("dizzy", "dizziness");
        Same("injury", "injuries");
        Assert.NotEqual(stems["breathless"], stems["breath"]);
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task Combobox_and_listbox_follow_the_ARIA_pattern_and_announce_the_count()
    {
        var (page, problems, context) = await OpenAsync("");
        await using var _ = context;
        var box = page.Locator("#search-query");
        Assert.Equal("combobox", await box.GetAttributeAsync("role"));
        Assert.Equal("false", await box.GetAttributeAsync("aria-expanded"));
        Assert.Equal("list", await box.GetAttributeAsync("aria-autocomplete"));
        var listId = await box.GetAttributeAsync("aria-controls");
        Assert.Equal("listbox", await page.Locator($"#{listId}").GetAttributeAsync("role"));

        await TypeInHeaderAsync(page, "bruising");
        Assert.Equal("true", await box.GetAttributeAsync("aria-expanded"));
        var count = await page.Locator(Options).CountAsync();
        Assert.InRange(count, 1, 6);
        var status = page.Locator(".header__search [role=status]");
        Assert.Matches(@"^\d+ results?$", await status.TextContentAsync());
        Assert.Null(await box.GetAttributeAsync("aria-activedescendant"));
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task Keyboard_reaches_a_result_and_opens_it_at_its_section()
    {
        var (page, problems, context) = await OpenAsync("");
        await using var _ = context;
        // Filled in one go, so there is one search: typed key by key, a slower search for the last keys could still
        // replace the list (and the option chosen) between the arrow keys and Enter.
        await TypeInHeaderAsync(page, "swollen leg");

        var box = page.Locator("#search-query");
        await page.Keyboard.PressAsync("ArrowDown");
        var first = page.Locator(Options).First;
        Assert.Equal(await first.GetAttributeAsync("id"), await box.GetAttributeAsync("aria-activedescendant"));
        Assert.Equal("true", await first.GetAttributeAsync("aria-selected"));
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal(await first.GetAttributeAsync("id"), await box.GetAttributeAsync("aria-activedescendant"));
        Assert.True(await box.EvaluateAsync<bool>("b => document.activeElement === b"), "focus must stay in the box");

        var target = Base + "when-to-worry/#get-help-the-same-day";
        Assert.Equal(target, await first.GetAttributeAsync("href"));
        await PressAndWaitForPageAsync(page, () => page.Keyboard.PressAsync("Enter"), site.Url("when-to-worry/") + "#get-help-the-same-day");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector(':target')?.id === 'get-help-the-same-day'"));
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task A_late_search_for_the_same_words_keeps_the_option_the_keyboard_chose()
    {
        var (page, problems, context) = await OpenAsync("");
        await using var _ = context;
        await TypeInHeaderAsync(page, "swollen leg");
        await page.Keyboard.PressAsync("ArrowDown");
        var chosen = await page.Locator("#search-query").GetAttributeAsync("aria-activedescendant");
        Assert.NotNull(chosen);
        // What a throttled keystroke does when it arrives after the results: the same words searched again.
        await page.Locator("#search-query").DispatchEventAsync("input");
        await page.WaitForTimeoutAsync(400);
        Assert.Equal(chosen, await page.Locator("#search-query").GetAttributeAsync("aria-activedescendant"));
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task Escape_closes_the_results_and_a_second_Escape_clears_the_box()
    {
        var (page, problems, context) = await OpenAsync("aftercare/");
        await using var _ = context;
        await TypeInHeaderAsync(page, "cold pack");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Escape");
        var box = page.Locator("#search-query");
        Assert.Equal("cold pack", await box.InputValueAsync()); // the words stay, to change them
        Assert.Equal("false", await box.GetAttributeAsync("aria-expanded"));
        Assert.Null(await box.GetAttributeAsync("aria-activedescendant"));
        Assert.False(await page.Locator(".search-popup").IsVisibleAsync());

        await page.Keyboard.PressAsync("Escape");
        Assert.Equal("", await box.InputValueAsync());
        Assert.False(await page.Locator(".search-popup").IsVisibleAsync());
        Assert.Equal("aftercare/", new Uri(page.Url).AbsolutePath[Base.Length..]); // nothing was opened
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task Submitting_the_header_box_opens_the_search_page_with_the_query()
    {
        var (page, problems, context) = await OpenAsync("aftercare/");
        await using var _ = context;
        await TypeInHeaderAsync(page, "warm bath");
        await PressAndWaitForPageAsync(page, () => page.Keyboard.PressAsync("Enter"), site.Url("search/") + "?q=warm+bath");
        await page.WaitForSelectorAsync("#search-results .search-result");
        Assert.Equal("warm bath", await page.Locator("#search-page-query").InputValueAsync());
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task Search_page_shows_results_for_q_and_keeps_the_address_up_to_date()
    {
        var (page, problems, context) = await OpenAsync("search/?q=bruising");
        await using var _ = context;
        await page.WaitForSelectorAsync("#search-results .search-result");
        Assert.Equal("bruising", await page.Locator("#search-page-query").InputValueAsync());
        var hrefs = await HrefsAsync(page, "#search-results .search-result > a");
        Assert.Equal(Base + "when-to-worry/#contact-a-doctor-or-physiotherapist", hrefs[0]);
        Assert.Contains(await page.Locator("#search-results .search-result mark").AllTextContentsAsync(), m => m.StartsWith("bruis", StringComparison.OrdinalIgnoreCase));
        Assert.Matches(@"^\d+ results? for ‘bruising’$", await page.Locator("#search-results [role=status]").TextContentAsync());

        // JavaScript runs, so the "needs JavaScript" sentence goes; the list of all pages stays below the results.
        Assert.False(await page.Locator(".all-pages__needs-js").IsVisibleAsync());
        Assert.True(await page.Locator(".all-pages__list").IsVisibleAsync());

        // Typing updates the address, so it can be shared.
        await page.Locator("#search-page-query").FillAsync("my leg is swollen");
        await page.WaitForFunctionAsync("() => new URLSearchParams(location.search).get('q') === 'my leg is swollen'");
        await page.WaitForFunctionAsync("() => document.querySelector('#search-results .search-notice')");
        var notice = page.Locator("#search-results .search-notice");
        Assert.Equal("Urgent advice: Get help today", (await notice.Locator("h2").TextContentAsync())!.Trim());
        Assert.True(await notice.EvaluateAsync<bool>(
            "n => !!(n.compareDocumentPosition(document.querySelector('#search-results .search-results__list')) & Node.DOCUMENT_POSITION_FOLLOWING)"));
        hrefs = await HrefsAsync(page, "#search-results .search-result > a");
        Assert.Equal(Base + "when-to-worry/#get-help-the-same-day", hrefs[0]);
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task Search_page_helps_when_the_box_is_empty_or_nothing_matches()
    {
        var (page, problems, context) = await OpenAsync("search/");
        await using var _ = context;
        var help = page.Locator("#search-results .search-help");
        await help.WaitForAsync();
        Assert.Contains("Type a word or two", await help.TextContentAsync());
        Assert.Contains(Base + "symptom-checker/", await HrefsAsync(page, "#search-results .search-help a"));
        Assert.Contains(Base + "search/#all-pages-heading", await HrefsAsync(page, "#search-results .search-help a"));

        await page.Locator("#search-page-query").FillAsync("zzqxv wibblewobble");
        await page.WaitForFunctionAsync("() => document.querySelector('#search-results .search-help')?.textContent.includes('No results')");
        var text = await help.TextContentAsync();
        Assert.Contains("No results for ‘zzqxv wibblewobble’", text);
        Assert.Contains("Try fewer words or check the spelling", text);
        Assert.Contains(Base + "symptom-checker/", await HrefsAsync(page, "#search-results .search-help a"));
        Assert.Equal("No results for ‘zzqxv wibblewobble’", await page.Locator("#search-results [role=status]").TextContentAsync());
        AssertNoProblems(problems);
    }

    /// <summary>
    /// Search knows a warning sign only by the words it has for it, so every search that raises no notice (with
    /// results or none, in the header and on the search page) says what to do if the reader is very unwell: the
    /// emergency level's advice, with the site's number, and the way to the checker. A notice says it instead.
    /// </summary>
    [Fact]
    public async Task Every_search_without_a_notice_says_what_to_do_if_very_unwell()
    {
        var (page, problems, context) = await OpenAsync("");
        await using var _ = context;
        var safety = page.Locator(".search-popup .search-safety");
        foreach (var query in new[] { "ice pack", "zzqxv" })
        {
            await TypeInHeaderAsync(page, query);
            Assert.Equal(1, await safety.CountAsync());
            Assert.Equal($"Feeling very unwell? Call {Numbers.Emergency} now. Not sure what to do? Check your symptoms.", (await safety.TextContentAsync())!.Trim());
            Assert.Equal(Base + "symptom-checker/", await safety.Locator("a").GetAttributeAsync("href"));
        }
        await TypeInHeaderAsync(page, "chest pain");
        Assert.Equal(0, await safety.CountAsync());
        Assert.Equal(1, await page.Locator(".search-popup .search-notice").CountAsync());

        var (results, resultsProblems, resultsContext) = await OpenAsync("search/?q=" + Uri.EscapeDataString("cold pack"));
        await using var __ = resultsContext;
        var onPage = results.Locator("#search-results .search-safety");
        await onPage.WaitForAsync();
        Assert.Contains($"Call {Numbers.Emergency} now", await onPage.TextContentAsync());
        Assert.True(await results.Locator("#search-results .search-result").CountAsync() > 0);
        AssertNoProblems(problems);
        AssertNoProblems(resultsProblems);
    }

    [Fact]
    public async Task Header_box_helps_when_nothing_matches()
    {
        var (page, problems, context) = await OpenAsync("");
        await using var _ = context;
        await TypeInHeaderAsync(page, "zzqxv");
        Assert.Equal(0, await page.Locator(Options).CountAsync());
        Assert.Equal("false", await page.Locator("#search-query").GetAttributeAsync("aria-expanded"));
        Assert.Equal("No results for ‘zzqxv’", await page.Locator(".header__search [role=status]").TextContentAsync());
        Assert.Contains("Try fewer words or check the spelling", await page.Locator(".search-popup .search-help").TextContentAsync());
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task Without_JavaScript_the_search_page_lists_every_page()
    {
        var (page, problems, context) = await OpenAsync("aftercare/", javaScript: false);
        await using var _ = context;
        // The header box submits to the search page.
        await page.Locator("#search-query").FillAsync("bruising");
        await PressAndWaitForPageAsync(page, () => page.Locator("#search-query").PressAsync("Enter"), site.Url("search/") + "?q=bruising");

        Assert.True(await page.Locator(".all-pages__needs-js").IsVisibleAsync());
        Assert.Contains("needs JavaScript", await page.Locator(".all-pages__intro").TextContentAsync());
        var listed = await HrefsAsync(page, ".all-pages__list a");
        var contentPages = site.Pages.Where(p => p.EndsWith('/') || p.Length == 0).Select(p => Base + p).ToList();
        Assert.True(contentPages.Count >= 10, $"only {contentPages.Count} pages in the output");
        foreach (var url in contentPages.Where(u => u != Base + "search/"))
            Assert.Contains(url, listed);
        Assert.Equal(0, await page.Locator("#search-results").CountAsync());
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task Search_loads_nothing_until_a_box_is_focused_and_only_from_this_site()
    {
        var (page, problems, context) = await OpenAsync("first-massage/");
        await using var _ = context;
        var requests = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        static bool Search(string u) => u.Contains("assets/search/engine.js", StringComparison.Ordinal) || u.Contains("assets/search/meta.json", StringComparison.Ordinal)
            || u.Contains("assets/vendor/", StringComparison.Ordinal);
        Assert.DoesNotContain(requests, Search);
        var before = await page.EvaluateAsync<string[]>("() => performance.getEntriesByType('resource').map(e => e.name)");
        Assert.DoesNotContain(before, Search);

        await page.Locator("#search-query").FocusAsync();
        await page.WaitForFunctionAsync("() => performance.getEntriesByType('resource').some(e => e.name.endsWith('assets/search/meta.json'))");
        await TypeInHeaderAsync(page, "pressure");
        Assert.All(requests, u => Assert.True(site.IsOwnRequest(u), $"request to {u}"));
        Assert.False(await page.EvaluateAsync<bool>("() => localStorage.length > 0 || sessionStorage.length > 0"), "search must store nothing");
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task When_the_data_cannot_load_the_box_says_so_and_offers_the_page_list()
    {
        var (page, problems, context) = await OpenAsync("aftercare/");
        await using var _ = context;
        await page.RouteAsync("**/assets/search/meta.json", route => route.FulfillAsync(new RouteFulfillOptions { Status = 503 }));
        await page.Locator("#search-query").FocusAsync();
        await page.Locator("#search-query").FillAsync("ice");
        await page.WaitForFunctionAsync("() => document.querySelector('.header__search [role=status]').textContent === 'Search could not load'");
        Assert.Contains(Base + "search/#all-pages-heading", await HrefsAsync(page, ".search-popup a"));
        // The browser logs the failed response itself; the page must add no uncaught error of its own.
        Assert.DoesNotContain(problems.All, p => p.Contains("uncaught", StringComparison.Ordinal));

        // It tries again on the next search, and works once the data can be had.
        await page.UnrouteAllAsync();
        await page.Locator("#search-query").FillAsync("cold");
        await page.WaitForSelectorAsync(Options);
    }

    [Fact]
    public async Task Results_fit_a_320_pixel_screen()
    {
        var (page, problems, context) = await OpenAsync("", width: 320);
        await using var _ = context;
        await TypeInHeaderAsync(page, "chest pain");
        var widths = await page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, Math.ceil(document.querySelector('.search-popup').getBoundingClientRect().right)]");
        Assert.True(widths[0] <= 320, $"the page scrolls sideways: {widths[0]} px wide");
        Assert.True(widths[1] <= 320, $"the results end at {widths[1]} px");
        var heights = await page.Locator(Options).EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().height)");
        Assert.All(heights, h => Assert.True(h >= 24, $"a result is {h} px tall"));
        AssertNoProblems(problems);
    }

    /// <summary>axe's WCAG 2.2 AA rules with the results open: the header listbox (an option active, a notice shown) and the search page.</summary>
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Open_results_have_no_axe_WCAG_AA_violations(ColorScheme scheme)
    {
        await using var context = await site.NewContextAsync(colorScheme: scheme);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page, site, "search " + scheme);
        var failures = new List<string>();
        // axe runs on the search UI only (the whole pages are checked in AccessibilityTests), which keeps this quick.
        async Task Check(string state)
        {
            var result = await page.Locator(state.StartsWith("header", StringComparison.Ordinal) ? ".header__search" : "main").RunAxe(AxeRules.WcagAA);
            failures.AddRange(result.Violations.Select(v => $"{state} [{scheme}] {v.Id}: {v.Help} at "
                + string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))));
        }

        await page.GotoAsync(site.Url("aftercare/"));
        await TypeInHeaderAsync(page, "chest pain");
        await page.Keyboard.PressAsync("ArrowDown");
        await Check("header results, emergency notice, first option active");
        await TypeInHeaderAsync(page, "zzqxv");
        await Check("header, no results");

        await page.GotoAsync(site.Url("search/?q=dark%20pee"));
        await page.WaitForSelectorAsync("#search-results .search-notice");
        await Check("search page, urgent notice and results");

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        AssertNoProblems(problems);
    }
}
