using System.Net;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Site.Diagnostics;
using Site.Output;

namespace Site.Preview;

/// <summary>
/// Serves the built site on 127.0.0.1 for writers to preview, and reloads open pages after each rebuild:
/// every HTML page gets a small script (allowed by the site's <c>script-src 'self'</c>) that listens for
/// server-sent events. After a failed build the same script shows the build's problems over the page (see
/// <see cref="ShowProblems"/>). It answers only requests addressed to itself by name (see <see cref="IsAddressedToUs"/>),
/// and serves only the site it was given, from memory, under the site's base path: a preview never writes into the
/// output folder. Its own endpoints stay at <c>/__preview/</c> whatever the base path.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    public const string ReloadScript = "/__preview/reload.js";
    public const string OverlayStyles = "/__preview/overlay.css";
    public const string EventsPath = "/__preview/events";
    public const string ProblemsPath = "/__preview/problems.json";
    private const string ScriptTag = "<script src=\"" + ReloadScript + "\"></script>";
    private const string ReloadEvent = "data: reload\n\n";

    private static readonly string Script = Resource("reload.js");
    private static readonly string Styles = Resource("overlay.css");

    private readonly WebApplication _app;
    private readonly string _basePath;
    private readonly string _baseLocation;

    /// <summary>Each open page's queue of events to send; guarded by <see cref="_gate"/>, as is <see cref="_problems"/>.</summary>
    private readonly List<Channel<string>> _listeners = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _closing = new();

    /// <summary>The last build's problems as JSON when it failed; null when it built.</summary>
    private string? _problems;

    /// <summary>The Host values this server answers to; empty until it knows its port, so it refuses everything till then.</summary>
    private volatile string[] _hosts = [];

    /// <summary>The site being served: replaced as a whole after each good build.</summary>
    private volatile MemoryOutput? _site;

    private PreviewServer(WebApplication app, string basePath)
    {
        _app = app;
        _basePath = Pipelines.BuildOptions.NormalizeBasePath(basePath);
        _baseLocation = Location(_basePath);
    }

    /// <summary>Serves this site from now on, forgets the last problems, and tells open pages to reload.</summary>
    public void Publish(MemoryOutput site)
    {
        lock (_gate)
        {
            _site = site;
            _problems = null;
            Send(ReloadEvent);
        }
    }

    /// <summary>
    /// Shows a failed build's problems on every open page, and on pages opened until the next <see cref="Publish"/>;
    /// the last good site stays served underneath.
    /// </summary>
    public void ShowProblems(IReadOnlyList<Diagnostic> diagnostics)
    {
        var json = PreviewProblems.Json(diagnostics);
        lock (_gate)
        {
            _problems = json;
            Send(ProblemsEvent(json));
        }
    }

    /// <summary>The server's root, where its own endpoints are.</summary>
    public Uri Address => new(_app.Urls.Single());

    /// <summary>The site's home page: <see cref="Address"/> with the base path.</summary>
    public Uri SiteAddress => new(Address, _baseLocation);

    /// <summary>Cancelled when the server stops, for example on Ctrl+C or SIGTERM, which the host handles.</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <param name="basePath">The path the site is built under, as <see cref="Pipelines.BuildOptions.NormalizeBasePath"/> writes it.</param>
    public static async Task<PreviewServer> StartAsync(int port, string basePath = "/")
    {
        // No configuration to watch: by default the host watches its content root (the working directory) for
        // changed settings files, which in a large folder takes long to set up.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var server = new PreviewServer(app, basePath);

        // First, so no endpoint (files, the reload script, the event stream) answers a misdirected request.
        app.Use(async (context, next) =>
        {
            if (!server.IsAddressedToUs(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("This preview answers only to 127.0.0.1 or localhost on its own port.\n");
                return;
            }
            await next(context);
        });
        app.Use(async (context, next) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            await next(context);
        });
        app.MapGet(ReloadScript, () => Results.Text(Script, "text/javascript; charset=utf-8"));
        app.MapGet(OverlayStyles, () => Results.Text(Styles, "text/css; charset=utf-8"));
        app.MapGet(ProblemsPath, () => Results.Text(server.Problems, "application/json; charset=utf-8"));
        app.MapGet(EventsPath, server.ListenAsync);
        app.MapFallback("{*path}", context => server.ServeFileAsync(context));

        await app.StartAsync();
        // Port 0 asks for any free port; only now is the real one known.
        var bound = server.Address.Port;
        server._hosts = [$"127.0.0.1:{bound}", $"localhost:{bound}"];
        return server;
    }

    /// <summary>
    /// Whether the request names this server in its Host header. Against DNS rebinding: a page on another site can
    /// point its own name at 127.0.0.1 and so reach this port, but its requests then carry that name as Host.
    /// </summary>
    private bool IsAddressedToUs(HttpRequest request)
    {
        var host = request.Headers.Host.ToString();
        // Host names are case-insensitive; browsers send them lower-case, but a typed LOCALHOST is still us.
        return _hosts.Any(h => string.Equals(h, host, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The problems a page shows now, the same JSON as the last problems event: none after a good build.</summary>
    private string Problems
    {
        get
        {
            lock (_gate)
                return _problems ?? PreviewProblems.None;
        }
    }

    /// <summary>A server-sent event of its own type, so the page tells it from a reload. JSON has no raw line breaks, so it is one data line.</summary>
    private static string ProblemsEvent(string json) => $"event: problems\ndata: {json}\n\n";

    /// <summary>Queues an event for every open page; the caller holds <see cref="_gate"/>.</summary>
    private void Send(string message)
    {
        foreach (var listener in _listeners)
            listener.Writer.TryWrite(message);
    }

    /// <summary>
    /// One open page's event stream. Its own loop writes its events one at a time, in order; a page opened while the
    /// build is broken gets the problems at once.
    /// </summary>
    private async Task ListenAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        await context.Response.WriteAsync(": connected\n\n");
        await context.Response.Body.FlushAsync();
        // Only the latest state matters (problems, or reload), so a page that reads slowly loses old events, and the
        // server never holds more than a few for it.
        var messages = Channel.CreateBounded<string>(new BoundedChannelOptions(4) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            _listeners.Add(messages);
            if (_problems != null)
                messages.Writer.TryWrite(ProblemsEvent(_problems));
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _closing.Token);
        try
        {
            await foreach (var message in messages.Reader.ReadAllAsync(stop.Token))
            {
                await context.Response.WriteAsync(message, stop.Token);
                await context.Response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_gate)
                _listeners.Remove(messages);
        }
    }

    /// <summary>
    /// Serves <c>x/</c> under the base path as <c>x/index.html</c>, adds the reload script to HTML, and answers misses
    /// (and anything outside the base path) with 404.html; <c>/</c> redirects to the base path.
    /// </summary>
    private async Task ServeFileAsync(HttpContext context)
    {
        var site = _site;
        if (site == null)
        {
            // A page, so that the script runs and shows the problems of the first build over it.
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(NotBuiltYet);
            return;
        }
        // The server has already decoded the path once (a%20b/ is "a b/"); decoding it again would turn a page
        // named "100%41" (linked as 100%2541/) into "100A". Output paths are the decoded names.
        var requested = context.Request.Path.Value ?? "/";
        if (_basePath != "/" && (requested == "/" || requested + "/" == _basePath))
        {
            context.Response.Redirect(_baseLocation);
            return;
        }
        var path = requested.StartsWith(_basePath, StringComparison.Ordinal) ? requested[_basePath.Length..].TrimStart('/') : null;
        if (path != null && (path.Length == 0 || path.EndsWith('/')))
            path += "index.html";
        var file = path == null ? null : site.Pieces(path);
        if (path == null || file == null)
        {
            if (path != null && site.IsFolder(path))
            {
                context.Response.Redirect(_baseLocation + Location(path)[1..]);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            path = "404.html";
            file = site.Pieces(path);
            if (file == null)
                return;
        }
        var extension = Path.GetExtension(path);
        context.Response.ContentType = ContentTypes.GetValueOrDefault(extension, "application/octet-stream");
        // Not into the web editor: a rebuild would reload it and lose what the writer is typing.
        if (extension == ".html" && !path.StartsWith(Admin.GenerateAdmin.Folder + "/", StringComparison.Ordinal))
        {
            var html = Encoding.UTF8.GetString(site.Find(path)!);
            var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
            await context.Response.WriteAsync(end < 0 ? html + ScriptTag : html.Insert(end, ScriptTag), Encoding.UTF8);
        }
        else
        {
            foreach (var piece in file)
                await context.Response.Body.WriteAsync(piece);
        }
    }

    /// <summary>
    /// Where to send a request for a folder without its trailing slash: <c>/a/b/</c>, built from the site's own path,
    /// with every segment percent-encoded (<c>\</c> too) and none empty. The request's own path may start <c>//name</c>
    /// or <c>/\name</c>, which a browser reads as another server.
    /// </summary>
    private static string Location(string folder)
    {
        var segments = folder.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString).ToList();
        return segments.Count == 0 ? "/" : "/" + string.Join('/', segments) + "/";
    }

    private const string NotBuiltYet = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>The site has not built yet</title></head>\n"
        + "<body><main><h1>The site has not built yet</h1><p>The problems are in the terminal. Fix them and save; this page will come back.</p></main>"
        + ScriptTag + "</body></html>\n";

    private static string Resource(string name)
    {
        using var stream = typeof(PreviewServer).Assembly.GetManifestResourceStream("Site.Preview." + name)
            ?? throw new InvalidOperationException($"the preview's {name} is not built into the generator");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".xml"] = "application/xml; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".webp"] = "image/webp",
    };

    public async ValueTask DisposeAsync()
    {
        // Open pages hold their event streams open; end them so the server can stop at once.
        await _closing.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _closing.Dispose();
    }
}
