using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Site.Output;

namespace Site.Preview;

/// <summary>
/// Serves the built site on 127.0.0.1 for writers to preview, and reloads open pages after each rebuild:
/// every HTML page gets a small script (allowed by the site's <c>script-src 'self'</c>) that listens for
/// server-sent events. It answers only requests addressed to itself by name (see <see cref="IsAddressedToUs"/>),
/// and serves only the site it was given, from memory: a preview never writes into the output folder.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    public const string ReloadScript = "/__preview/reload.js";
    public const string EventsPath = "/__preview/events";
    private const string ScriptTag = "<script src=\"" + ReloadScript + "\"></script>";

    private readonly WebApplication _app;
    private readonly List<HttpResponse> _listeners = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _closing = new();

    /// <summary>The Host values this server answers to; empty until it knows its port, so it refuses everything till then.</summary>
    private volatile string[] _hosts = [];

    /// <summary>The site being served: replaced as a whole after each good build.</summary>
    private volatile MemoryOutput? _site;

    private PreviewServer(WebApplication app) => _app = app;

    /// <summary>Serves this site from now on, and tells open pages to reload.</summary>
    public void Publish(MemoryOutput site)
    {
        _site = site;
        Reload();
    }

    public Uri Address => new(_app.Urls.Single());

    /// <summary>Cancelled when the server stops, for example on Ctrl+C or SIGTERM, which the host handles.</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    public static async Task<PreviewServer> StartAsync(int port)
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
        var server = new PreviewServer(app);

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
        app.MapGet(ReloadScript, () => Results.Text(
            $"new EventSource(\"{EventsPath}\").onmessage = () => location.reload();\n", "text/javascript; charset=utf-8"));
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

    /// <summary>Tells every open page to reload.</summary>
    public void Reload()
    {
        List<HttpResponse> listeners;
        lock (_gate)
            listeners = [.. _listeners];
        foreach (var response in listeners)
        {
            // A closed tab is dropped when its request ends; a failed write here just means it is going.
            _ = response.WriteAsync("data: reload\n\n").ContinueWith(_ => response.Body.FlushAsync(), TaskScheduler.Default);
        }
    }

    private async Task ListenAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        await context.Response.WriteAsync(": connected\n\n");
        await context.Response.Body.FlushAsync();
        lock (_gate)
            _listeners.Add(context.Response);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _closing.Token);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_gate)
                _listeners.Remove(context.Response);
        }
    }

    /// <summary>Serves <c>x/</c> as <c>x/index.html</c>, adds the reload script to HTML, and answers misses with 404.html.</summary>
    private async Task ServeFileAsync(HttpContext context)
    {
        var site = _site;
        if (site == null)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("The site has not built yet: the problems are in the terminal. Fix them and this page reloads.\n" + ScriptTag);
            return;
        }
        // The server has already decoded the path once (a%20b/ is "a b/"); decoding it again would turn a page
        // named "100%41" (linked as 100%2541/) into "100A". Output paths are the decoded names.
        var path = (context.Request.Path.Value ?? "/").TrimStart('/');
        if (path.Length == 0 || path.EndsWith('/'))
            path += "index.html";
        var file = site.Pieces(path);
        if (file == null)
        {
            if (site.IsFolder(path))
            {
                context.Response.Redirect(FolderLocation(path));
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
        if (extension == ".html")
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
    private static string FolderLocation(string folder)
    {
        var segments = folder.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString);
        return "/" + string.Join('/', segments) + "/";
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
