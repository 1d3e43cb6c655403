using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Site.Tests.Browser;

/// <summary>
/// Serves a built site over HTTP on 127.0.0.1 the way GitHub Pages serves a project site: under a
/// base path, <c>/base/x/</c> answers with <c>x/index.html</c>, <c>/base/x</c> redirects to <c>/base/x/</c>,
/// and anything else answers 404 with the site's <c>404.html</c>. No directory listings.
/// </summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StaticSiteServer(WebApplication app, Uri origin)
    {
        _app = app;
        Origin = origin;
    }

    /// <summary>Scheme, host and port, e.g. <c>http://127.0.0.1:41234</c>, without a trailing slash.</summary>
    public Uri Origin { get; }

    public static async Task<StaticSiteServer> StartAsync(string root, string basePath)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = root,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

        var app = builder.Build();
        var files = new PhysicalFileProvider(root);
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".html"] = "text/html; charset=utf-8";
        types.Mappings[".css"] = "text/css; charset=utf-8";
        types.Mappings[".js"] = "text/javascript; charset=utf-8";
        types.Mappings[".json"] = "application/json; charset=utf-8";
        types.Mappings[".txt"] = "text/plain; charset=utf-8";
        types.Mappings[".xml"] = "application/xml; charset=utf-8";
        types.Mappings[".yml"] = "application/yaml; charset=utf-8"; // the web editor's settings
        types.Mappings[".svg"] = "image/svg+xml";

        var notFoundPage = Path.Combine(root, "404.html");
        async Task NotFound(HttpContext context)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/html; charset=utf-8";
            if (File.Exists(notFoundPage) && !HttpMethods.IsHead(context.Request.Method))
                await context.Response.SendFileAsync(notFoundPage);
        }

        app.Use(async (context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "no-store";
            await next(context);
        });
        app.Map(basePath.TrimEnd('/'), site =>
        {
            // x/ -> x/index.html, and x -> 301 x/ when x/index.html exists.
            site.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, DefaultFileNames = ["index.html"] });
            site.UseStaticFiles(new StaticFileOptions { FileProvider = files, ContentTypeProvider = types, ServeUnknownFileTypes = false });
            site.Run(NotFound);
        });
        app.Run(NotFound);

        await app.StartAsync();
        var address = app.Urls.Single();
        return new StaticSiteServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
