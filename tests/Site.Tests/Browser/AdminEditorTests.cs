using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Site.Admin;
using Site.Tests.Admin;
using Site.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Site.Tests.Browser;

/// <summary>
/// The web editor at /admin/ in Chromium: its sign-in screen loads with its own fonts and translations and no
/// script error, it reaches only the addresses its policy names, token sign-in goes to the GitHub API, and a page
/// saved in it is, byte for byte, the file the build accepts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminEditorTests(BrowserFixture site)
{
    private const string SignInWithToken = "Sign In Using Access Token";

    /// <summary>What happens while the editor runs: requests, their answers and failures, console messages, script errors.</summary>
    private sealed class Watch
    {
        public ConcurrentQueue<IRequest> Requests { get; } = new();
        public ConcurrentDictionary<IRequest, string> Failed { get; } = new();
        public ConcurrentDictionary<IRequest, int> Answered { get; } = new();
        public ConcurrentQueue<string> Messages { get; } = new();
        public ConcurrentQueue<string> Errors { get; } = new();

        public Watch(IPage page)
        {
            page.Request += (_, r) => Requests.Enqueue(r);
            page.RequestFailed += (_, r) => Failed[r] = r.Failure ?? "";
            page.Response += (_, r) => Answered[r.Request] = r.Status;
            page.Console += (_, m) =>
            {
                if (m.Type is "error" or "warning")
                    Messages.Enqueue($"{m.Type}: {m.Text} (at {m.Location})");
            };
            page.PageError += (_, e) => Errors.Enqueue(e);
        }

        /// <summary>Console errors and warnings but the CSP's refusals of the addresses it blocks on purpose.</summary>
        public List<string> UnexpectedMessages() =>
            [.. Messages.Where(m => !(m.Contains("Content Security Policy", StringComparison.Ordinal) && EditorPage.Blocked.Any(b => m.Contains(b.Origin + "/", StringComparison.Ordinal))))];
    }

    private bool IsOwn(string url) =>
        site.IsOwnRequest(url) || (url.StartsWith("blob:", StringComparison.Ordinal) && site.IsOwnRequest(url["blob:".Length..]));

    private async Task<(IPage Page, Watch Watch)> OpenAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        var watch = new Watch(page);
        var response = await page.GotoAsync(site.Url("admin/"), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.True(response is { Ok: true }, $"/admin/ answered {response?.Status}");
        return (page, watch);
    }

    [Fact]
    public async Task The_sign_in_screen_loads_its_own_fonts_and_translations_and_reaches_only_addresses_its_policy_names()
    {
        await using var context = await site.NewContextAsync(); // en-GB: a translation the bundle does not hold
        var (page, watch) = await OpenAsync(context);
        await page.GetByRole(AriaRole.Button, new() { Name = SignInWithToken, Exact = true }).WaitForAsync(new() { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.True(watch.Errors.IsEmpty, "uncaught script errors:\n" + string.Join("\n", watch.Errors));
        var messages = watch.UnexpectedMessages();
        Assert.True(messages.Count == 0, "console errors or warnings:\n" + string.Join("\n", messages)
            + "\nanswered with an error: " + string.Join(", ", watch.Answered.Where(a => a.Value >= 400).Select(a => $"{a.Key.Url} ({a.Value})")));

        // A request that leaves the site goes to an address the policy names, or never got an answer (the CSP refused it).
        var policy = await page.EvaluateAsync<string>("() => document.querySelector('meta[http-equiv=Content-Security-Policy]').content");
        var allowed = policy.Split([' ', ';'], StringSplitOptions.RemoveEmptyEntries).Where(t => t.StartsWith("https://", StringComparison.Ordinal)).ToHashSet();
        Assert.Contains("https://api.github.com", allowed);
        var outside = watch.Requests.Where(r => !IsOwn(r.Url)).ToList();
        var stray = outside.Where(r => !allowed.Contains(new Uri(r.Url).GetLeftPart(UriPartial.Authority)) && watch.Answered.ContainsKey(r)).ToList();
        Assert.True(stray.Count == 0, "answered requests to addresses the policy does not name:\n" + string.Join("\n", stray.Select(r => r.Url)));

        // Fonts and the en-GB translation come from /admin/, never a font CDN or unpkg.
        string[] cdns = ["fonts.googleapis.com", "fonts.gstatic.com", "cdn.jsdelivr.net", "unpkg.com"];
        Assert.DoesNotContain(watch.Requests, r => cdns.Contains(new Uri(r.Url).Host));
        var fonts = watch.Requests.Where(r => r.ResourceType == "font").ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.True(f.Url.StartsWith(site.Url("admin/fonts/"), StringComparison.Ordinal) && watch.Answered.GetValueOrDefault(f) == 200, $"font {f.Url}"));
        var loaded = await page.EvaluateAsync<string[]>("() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)");
        Assert.Contains("Source Sans 3", loaded);
        Assert.Contains("Material Symbols Outlined", loaded);
        Assert.Contains(watch.Requests, r => r.Url == site.Url("admin/locales/en-GB.json") && watch.Answered.GetValueOrDefault(r) == 200);
    }

    [Fact]
    public async Task Signing_in_with_a_token_asks_the_GitHub_API_and_the_token_page_asks_for_contents_and_pull_requests()
    {
        await using var context = await site.NewContextAsync();
        var asked = new ConcurrentQueue<(string Url, string? Authorization)>();
        // No real GitHub in tests: the API answers as it does to a bad token. A route sees only what the CSP let through.
        await context.RouteAsync("https://api.github.com/**", async route =>
        {
            asked.Enqueue((route.Request.Url, route.Request.Headers.GetValueOrDefault("authorization")));
            await route.FulfillAsync(new()
            {
                Status = 401,
                ContentType = "application/json",
                Headers = new Dictionary<string, string> { ["access-control-allow-origin"] = "*" },
                Body = """{"message":"Bad credentials"}""",
            });
        });
        var (page, watch) = await OpenAsync(context);
        await page.GetByRole(AriaRole.Button, new() { Name = SignInWithToken, Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Alertdialog);
        var tokenPage = await dialog.Locator("a[href]").First.GetAttributeAsync("href");
        Assert.StartsWith("https://github.com/settings/personal-access-tokens/new?", tokenPage);
        Assert.Contains("contents=write", tokenPage);
        Assert.Contains("pull_requests=write", tokenPage);

        await dialog.GetByRole(AriaRole.Textbox).FillAsync("github_pat_not_a_real_token");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Sign In", Exact = true }).ClickAsync();
        await page.GetByText("The provided token is invalid").WaitForAsync(new() { Timeout = 15_000 });
        Assert.Contains(asked, a => a.Url.StartsWith("https://api.github.com/", StringComparison.Ordinal) && a.Authorization?.EndsWith("github_pat_not_a_real_token", StringComparison.Ordinal) == true);
        Assert.True(watch.Errors.IsEmpty, "uncaught script errors:\n" + string.Join("\n", watch.Errors));
    }

    [Fact]
    public async Task A_page_saved_in_the_editor_is_the_file_the_build_accepts()
    {
        await using var context = await site.NewContextAsync();
        // The built settings with Sveltia's test repository (the browser's private storage) in place of GitHub,
        // which has no editorial workflow: the same fields, saved the same way.
        var config = TestRepositoryConfig(File.ReadAllText(Path.Combine(site.Output, "admin", "config.yml")));
        await context.RouteAsync("**/admin/config.yml*", route => route.FulfillAsync(new() { Status = 200, ContentType = "application/yaml", Body = config }));
        var (page, watch) = await OpenAsync(context);
        await page.GetByRole(AriaRole.Button, new() { Name = "Work with Test Repository" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create New Entry" }).First.WaitForAsync();
        await page.GotoAsync(site.Url("admin/") + "#/collections/pages/new");

        // Fields are drawn as they scroll into view.
        ILocator Field(string key) => page.Locator($"section.field[data-key-path=\"{key}\"]");
        async Task Fill(string key, string value)
        {
            await Field(key.Split('.')[0]).ScrollIntoViewIfNeededAsync(); // a list draws its items once it shows
            await Field(key).ScrollIntoViewIfNeededAsync();
            await Field(key).Locator("input").FillAsync(value);
        }
        await Fill("title", EditorWrittenPage.Title);
        await Fill("description", EditorWrittenPage.Description);
        await Fill("author", EditorWrittenPage.Author);
        await Fill("reviewed_by", EditorWrittenPage.Reviewer);
        await Fill("last_reviewed", EditorWrittenPage.LastReviewed);
        await Fill("next_review", EditorWrittenPage.NextReview);
        for (var i = 0; i < EditorWrittenPage.Sources.Length; i++)
        {
            var (title, publisher, year, url) = EditorWrittenPage.Sources[i];
            if (i > 0) // the scaffold's source is the first
                await Field("sources").GetByRole(AriaRole.Button, new() { NameRegex = AddButton("Sources") }).Last.ClickAsync();
            await Fill($"sources.{i}.title", title);
            await Fill($"sources.{i}.publisher", publisher);
            await Fill($"sources.{i}.year", year);
            if (url != null)
                await Fill($"sources.{i}.url", url);
        }
        for (var i = 0; i < EditorWrittenPage.Tags.Length; i++)
        {
            await Field("tags").ScrollIntoViewIfNeededAsync();
            await Field("tags").GetByRole(AriaRole.Button, new() { NameRegex = AddButton("Tags") }).Last.ClickAsync();
            await Fill($"tags.{i}", EditorWrittenPage.Tags[i]);
        }
        await Field("body").ScrollIntoViewIfNeededAsync();
        await Field("body").GetByRole(AriaRole.Button, new() { Name = "Edit in Markdown" }).ClickAsync();
        await Field("body").Locator("textarea").FillAsync(EditorWrittenPage.Body);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        var path = "input/" + EditorWrittenPage.FileName;
        string? saved = null;
        for (var tries = 0; saved == null && tries < 50; tries++)
        {
            saved = await page.EvaluateAsync<string?>(ReadTestRepositoryFile, path);
            if (saved == null)
                await Task.Delay(100);
        }
        Assert.True(saved != null, $"the editor saved no {path}; it saved: {string.Join(", ", await page.EvaluateAsync<string[]>(ListTestRepository))}");
        Assert.Equal(EditorWrittenPage.Text, saved);
        Assert.True(watch.Errors.IsEmpty, "uncaught script errors:\n" + string.Join("\n", watch.Errors));
        Assert.True(watch.UnexpectedMessages().Count == 0, string.Join("\n", watch.UnexpectedMessages()));

        using var fixture = new FixtureSite();
        fixture.WritePage(EditorWrittenPage.FileName, saved);
        var run = fixture.Build();
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    private static Regex AddButton(string label) => new($"^Add\\W*{label}\\W*$");

    /// <summary>The built config with <c>backend: {name: test-repo}</c> and no publish mode.</summary>
    private static string TestRepositoryConfig(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        root.Children[new YamlScalarNode("backend")] = new YamlMappingNode { { "name", "test-repo" } };
        root.Children.Remove(new YamlScalarNode("publish_mode"));
        var text = new StringWriter();
        stream.Save(text, assignAnchors: false);
        return text.ToString();
    }

    // Sveltia's test repository keeps its files in the origin's private file system, under sveltia-cms-test/.
    private const string ReadTestRepositoryFile = """
        async (path) => {
          try {
            let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test');
            const parts = path.split('/');
            for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
            return await (await (await dir.getFileHandle(parts.at(-1))).getFile()).text();
          } catch { return null; }
        }
        """;

    private const string ListTestRepository = """
        async () => {
          const names = [];
          const walk = async (dir, prefix) => {
            for await (const [name, handle] of dir.entries())
              if (handle.kind === 'directory') await walk(handle, prefix + name + '/'); else names.push(prefix + name);
          };
          await walk(await navigator.storage.getDirectory(), '');
          return names;
        }
        """;
}
