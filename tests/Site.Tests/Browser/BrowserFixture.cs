using Microsoft.Playwright;
using Site.Tests.Support;

namespace Site.Tests.Browser;

/// <summary>All browser test classes share one built site, one web server and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// Serves the real site's shared build (<see cref="RealSite.Shared"/>, under <see cref="RealSite.BasePath"/>)
/// on 127.0.0.1 with an ephemeral port, and launches headless Chromium once through Playwright.
/// Tests open a new browser context (and pages) of their own.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DefaultChromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
    ];

    private StaticSiteServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The built site's folder; tests only read it.</summary>
    public string Output => RealSite.Shared.Output;

    /// <summary>The site's address, e.g. <c>http://127.0.0.1:41234/clinic-site/</c>.</summary>
    public Uri SiteUrl { get; private set; } = null!;

    /// <summary>The server's origin, <c>http://127.0.0.1:port</c>.</summary>
    public Uri Origin => _server!.Origin;

    public IBrowser Browser => _browser!;

    /// <summary>Every HTML file of the built site, as a path under the base path ("", "aftercare/", "404.html").</summary>
    public IReadOnlyList<string> Pages { get; private set; } = [];

    public async Task InitializeAsync()
    {
        // Find the browser first: without it nothing here can run, and the message must say why.
        var chromium = FindChromium();

        var site = RealSite.Shared;
        if (site.ExitCode != 0)
            throw new InvalidOperationException($"The real site did not build (exit code {site.ExitCode}):\n{site.Log}");

        Pages = site.HtmlFiles
            .Select(f => f == "index.html" ? "" : f.EndsWith("/index.html", StringComparison.Ordinal) ? f[..^"index.html".Length] : f)
            .Order(StringComparer.Ordinal)
            .ToList();

        _server = await StaticSiteServer.StartAsync(site.Output, RealSite.BasePath);
        SiteUrl = new Uri(_server.Origin, RealSite.BasePath);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    /// <summary>CHROMIUM_PATH when it names an existing file, else /usr/bin/chromium; fails loudly when neither exists.</summary>
    private static string FindChromium()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        if (!string.IsNullOrWhiteSpace(fromEnvironment) && File.Exists(fromEnvironment))
            return fromEnvironment;
        if (File.Exists(DefaultChromium))
            return DefaultChromium;
        throw new InvalidOperationException(
            "Browser tests need Chromium, and none was found: CHROMIUM_PATH is "
            + (string.IsNullOrWhiteSpace(fromEnvironment) ? "not set" : $"'{fromEnvironment}', which does not exist")
            + $", and {DefaultChromium} does not exist. Install it (`apt-get install chromium`, or run `bash test.sh` as root) "
            + "or set CHROMIUM_PATH to a Chrome or Chromium binary.");
    }

    /// <summary>
    /// Where screenshots for people to review go: $SITE_SCREENSHOTS, default /tmp/shots. Kept after the run on
    /// purpose, so it is not a <see cref="TempFolder"/>.
    /// </summary>
    public static string ScreenshotFolder()
    {
        var folder = Environment.GetEnvironmentVariable("SITE_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "shots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The absolute address of a page path such as "aftercare/" or "404.html".</summary>
    public string Url(string page) => new Uri(SiteUrl, page).ToString();

    /// <summary>A display name for a page path in messages.</summary>
    public static string Name(string page) => RealSite.BasePath + page;

    public Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 800, ColorScheme colorScheme = ColorScheme.Light) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
            ReducedMotion = ReducedMotion.Reduce,
            Locale = "en-GB",
        });

    /// <summary>True for requests the site may make: to this server, or data: URLs.</summary>
    public bool IsOwnRequest(string url)
    {
        if (url.StartsWith("data:", StringComparison.Ordinal))
            return true;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && uri.Scheme == Origin.Scheme && uri.Host == Origin.Host && uri.Port == Origin.Port;
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_browser != null)
                await _browser.CloseAsync();
        }
        finally
        {
            _playwright?.Dispose();
            if (_server != null)
                await _server.DisposeAsync();
        }
    }
}
