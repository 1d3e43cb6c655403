using System.Net;
using System.Text.RegularExpressions;
using Site.Cli;
using Site.Pipelines;
using Site.Tests.Support;

namespace Site.Tests.Preview;

/// <summary><c>serve --base-path /clinic/</c>: the site is previewed under the path it is published at, as on GitHub Pages.</summary>
public sealed class PreviewBasePathTests : IDisposable
{
    private readonly FixtureSite _site = new();
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose()
    {
        _http.Dispose();
        _site.Dispose();
    }

    [Fact]
    public async Task The_web_editor_is_served_without_the_reload_script()
    {
        File.AppendAllText(Path.Combine(_site.Input, "site.yml"), "\nrepository:\n  name: example-clinic/clinic-site\n");
        var stdout = new StringWriter();
        using var stop = new CancellationTokenSource();
        var options = new BuildOptions(_site.Input, RepoPaths.Theme, _site.Output, "/", DateOnly.Parse(FixtureSite.Today));
        var serving = ServeCommand.RunAsync(options, 0, TextWriter.Synchronized(stdout), TextWriter.Synchronized(new StringWriter()), stop.Token);
        try
        {
            var site = new Uri(await Eventually.ValueOf(() => Regex.Match(stdout.ToString(), @"Previewing at (\S+)") is { Success: true } m ? m.Groups[1].Value : null));
            var editor = await _http.GetStringAsync(new Uri(site, "admin/"));
            Assert.Contains("sveltia-cms.js", editor);
            Assert.DoesNotContain("/__preview/reload.js", editor);
            Assert.Contains("/__preview/reload.js", await _http.GetStringAsync(new Uri(site, "aftercare/")));
        }
        finally
        {
            await stop.CancelAsync();
            await serving;
        }
    }

    [Fact]
    public async Task Serves_the_site_under_the_base_path_and_redirects_the_root_to_it()
    {
        var stdout = new StringWriter();
        using var stop = new CancellationTokenSource();
        var options = new BuildOptions(_site.Input, RepoPaths.Theme, _site.Output, BuildOptions.NormalizeBasePath("clinic"), DateOnly.Parse(FixtureSite.Today));
        var serving = ServeCommand.RunAsync(options, 0, TextWriter.Synchronized(stdout), TextWriter.Synchronized(new StringWriter()), stop.Token);
        try
        {
            var site = new Uri(await Eventually.ValueOf(() => Regex.Match(stdout.ToString(), @"Previewing at (\S+)") is { Success: true } m ? m.Groups[1].Value : null));
            Assert.Equal("/clinic/", site.AbsolutePath);
            var root = new Uri(site, "/");

            var page = await _http.GetAsync(new Uri(site, "aftercare/"));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("Wrap ice in a towel.", html);
            Assert.Contains("href=\"/clinic/assets/site.css\"", html); // built with the base path
            Assert.Contains("<script src=\"/__preview/reload.js\"></script></body>", html);
            Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(new Uri(site, "assets/site.css"))).StatusCode);
            Assert.Contains("Test clinic", await _http.GetStringAsync(site));

            foreach (var (from, to) in new[] { ("/", "/clinic/"), ("/clinic", "/clinic/"), ("/clinic/assets", "/clinic/assets/") })
            {
                var redirect = await _http.GetAsync(new Uri(root, from));
                Assert.True(redirect.StatusCode is HttpStatusCode.Found or HttpStatusCode.MovedPermanently, $"{from}: {redirect.StatusCode}");
                Assert.Equal(to, redirect.Headers.Location?.OriginalString);
            }

            // Outside the base path is not the site, as on the published one; the preview's own endpoints stay at the root.
            foreach (var outside in new[] { "/aftercare/", "/assets/site.css", "/index.html", "/clinicx/aftercare/" })
            {
                var missing = await _http.GetAsync(new Uri(root, outside));
                Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
                Assert.Contains("Page not found", await missing.Content.ReadAsStringAsync());
            }
            Assert.Contains("EventSource", await _http.GetStringAsync(new Uri(root, "/__preview/reload.js")));
            Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(new Uri(root, "/__preview/problems.json"))).StatusCode);
        }
        finally
        {
            await stop.CancelAsync();
            await serving;
        }
    }

    [Fact]
    public void Serve_takes_the_same_base_path_option_as_build()
    {
        string Help(string command)
        {
            var stdout = new StringWriter();
            Assert.Equal(0, Program.Run([command, "--help"], stdout, new StringWriter()));
            return stdout.ToString().Split('\n').Single(l => l.TrimStart().StartsWith("--base-path", StringComparison.Ordinal)).Trim();
        }
        Assert.Contains("GitHub Pages project site", Help("serve"));
        Assert.Equal(Help("build"), Help("serve"));
    }
}
