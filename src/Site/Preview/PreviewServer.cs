using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Site.Preview;

/// <summary>
/// Serves the built site on 127.0.0.1 for writers to preview, and reloads open pages after each rebuild:
/// every HTML page gets a small script (allowed by the site's <c>script-src 'self'</c>) that listens for
/// server-sent events. It answers only requests addressed to itself by name (see <see cref="IsAddressedToUs"/>),
/// and serves only files inside the output folder.
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

    private PreviewServer(WebApplication app) => _app = app;

    public Uri Address => new(_app.Urls.Single());

    /// <summary>Cancelled when the server stops, for example on Ctrl+C or SIGTERM, which the host handles.</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    public static async Task<PreviewServer> StartAsync(string root, int port)
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
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        app.MapFallback("{*path}", context => ServeFileAsync(context, fullRoot));

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
    /// <param name="root">The output folder as a full path, without a trailing separator.</param>
    private static async Task ServeFileAsync(HttpContext context, string root)
    {
        // The server has already decoded the path once (a%20b/ is "a b/"); decoding it again would turn a page
        // named "100%41" (linked as 100%2541/) into "100A".
        var path = context.Request.Path.Value ?? "/";
        if (path.EndsWith('/'))
            path += "index.html";
        var full = Path.GetFullPath(Path.Combine(root, path.TrimStart('/')));
        var inside = full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        if (!inside || !File.Exists(full))
        {
            if (inside && Directory.Exists(full))
            {
                context.Response.Redirect(FolderLocation(root, full));
                return;
            }
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            full = Path.Combine(root, "404.html");
            if (!File.Exists(full))
                return;
        }
        var extension = Path.GetExtension(full);
        context.Response.ContentType = ContentTypes.GetValueOrDefault(extension, "application/octet-stream");
        if (extension == ".html")
        {
            var html = await File.ReadAllTextAsync(full);
            var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
            await context.Response.WriteAsync(end < 0 ? html + ScriptTag : html.Insert(end, ScriptTag), Encoding.UTF8);
        }
        else
        {
            await context.Response.SendFileAsync(full);
        }
    }

    /// <summary>
    /// Where to send a request for a folder without its trailing slash: <c>/a/b/</c>, built from the folder found,
    /// not from the request. The request's own path may start <c>//name</c> or <c>/\name</c>, which a browser reads
    /// as another server; here every segment is percent-encoded (<c>\</c> too) and none is empty.
    /// </summary>
    private static string FolderLocation(string root, string folder)
    {
        var segments = Path.GetRelativePath(root, folder)
            .Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries)
            .Select(Uri.EscapeDataString);
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
