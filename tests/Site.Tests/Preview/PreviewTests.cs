using System.Text.RegularExpressions;
using Site.Cli;
using Site.Pipelines;
using Site.Tests.Support;

namespace Site.Tests.Preview;

/// <summary><c>serve</c>: the writer's preview rebuilds on a change and reloads the open page.</summary>
public sealed class PreviewTests : IDisposable
{
    private readonly FixtureSite _site = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose()
    {
        _http.Dispose();
        _site.Dispose();
    }

    [Fact]
    public async Task Serve_rebuilds_on_a_change_and_tells_the_page_to_reload()
    {
        var stdout = new StringWriter();
        var output = TextWriter.Synchronized(stdout);
        using var stop = new CancellationTokenSource();
        var options = new BuildOptions(_site.Input, RepoPaths.Theme, _site.Output, "/", DateOnly.Parse(FixtureSite.Today));
        var serving = ServeCommand.RunAsync(options, 0, output, TextWriter.Synchronized(new StringWriter()), stop.Token);
        try
        {
            var address = await Eventually.ValueOf(() => Regex.Match(stdout.ToString(), @"Previewing at (\S+)") is { Success: true } m ? m.Groups[1].Value : null);
            var page = await _http.GetStringAsync(new Uri(new Uri(address), "aftercare/"));
            Assert.Contains("<script src=\"/__preview/reload.js\"></script></body>", page);
            Assert.Contains("Wrap ice in a towel.", page);
            var css = await _http.GetAsync(new Uri(new Uri(address), "assets/site.css"));
            Assert.True(css.IsSuccessStatusCode, $"assets/site.css: {css.StatusCode}");
            Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
            var script = await _http.GetAsync(new Uri(new Uri(address), "__preview/reload.js"));
            Assert.Contains("EventSource", await script.Content.ReadAsStringAsync());

            using var events = new StreamReader(await _http.GetStreamAsync(new Uri(new Uri(address), "__preview/events")));
            Assert.Equal(": connected", await events.ReadLineAsync());

            _site.WritePage("aftercare.md", FixtureSite.Page("Aftercare", "### Ice\n\nUse a cold pack."));
            var reload = NextMessage(events);
            Assert.Same(reload, await Task.WhenAny(reload, Task.Delay(TimeSpan.FromSeconds(30))));
            Assert.Equal("data: reload", await reload);
            Assert.Contains("Use a cold pack.", await _http.GetStringAsync(new Uri(new Uri(address), "aftercare/")));
        }
        finally
        {
            stop.Cancel();
            await serving;
        }
    }

    [Fact]
    public async Task Verbose_prints_each_rebuilds_steps()
    {
        var stdout = new StringWriter();
        using var stop = new CancellationTokenSource();
        var options = new BuildOptions(_site.Input, RepoPaths.Theme, _site.Output, "/", DateOnly.Parse(FixtureSite.Today));
        var serving = ServeCommand.RunAsync(options, 0, TextWriter.Synchronized(stdout), TextWriter.Synchronized(new StringWriter()), stop.Token, verbose: true);
        try
        {
            await Eventually.ValueOf(() => stdout.ToString().Contains("Previewing at") ? "" : null);
            _site.WritePage("aftercare.md", FixtureSite.Page("Aftercare", "### Ice\n\nUse a cold pack."));
            await Eventually.ValueOf(() => Regex.Matches(stdout.ToString(), "Peak memory").Count == 2 ? "" : null);
            Assert.Matches(@"\d+\.\d ms  inputs: scan folders, settings, layouts", stdout.ToString());
            Assert.Matches(@"\d+\.\d ms  pages: ListPagesToRender", stdout.ToString());
        }
        finally
        {
            stop.Cancel();
            await serving;
        }
    }

    [Fact]
    public async Task A_failed_rebuild_keeps_the_last_good_site_and_prints_the_problem()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var stop = new CancellationTokenSource();
        var options = new BuildOptions(_site.Input, RepoPaths.Theme, _site.Output, "/", DateOnly.Parse(FixtureSite.Today));
        var serving = ServeCommand.RunAsync(options, 0, TextWriter.Synchronized(stdout), TextWriter.Synchronized(stderr), stop.Token);
        try
        {
            var address = await Eventually.ValueOf(() => Regex.Match(stdout.ToString(), @"Previewing at (\S+)") is { Success: true } m ? m.Groups[1].Value : null);
            _site.WritePage("aftercare.md", FixtureSite.Page("Aftercare", "# Oops"));
            await Eventually.ValueOf(() => stderr.ToString().Contains("error SITE010") ? "" : null);
            var page = await _http.GetStringAsync(new Uri(new Uri(address), "aftercare/"));
            Assert.Contains("Wrap ice in a towel.", page);
            var missing = await _http.GetAsync(new Uri(new Uri(address), "nowhere/"));
            Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains("Page not found", await missing.Content.ReadAsStringAsync());
        }
        finally
        {
            stop.Cancel();
            await serving;
        }
    }

    [Fact]
    public async Task Serves_pages_by_their_encoded_urls()
    {
        _site.WritePagesWithUnusualNames();
        _site.WritePage("100%41.md", FixtureSite.Page("A percent sign before hex digits"));
        var stdout = new StringWriter();
        using var stop = new CancellationTokenSource();
        var options = new BuildOptions(_site.Input, RepoPaths.Theme, _site.Output, "/", DateOnly.Parse(FixtureSite.Today));
        var serving = ServeCommand.RunAsync(options, 0, TextWriter.Synchronized(stdout), TextWriter.Synchronized(new StringWriter()), stop.Token);
        try
        {
            var address = await Eventually.ValueOf(() => Regex.Match(stdout.ToString(), @"Previewing at (\S+)") is { Success: true } m ? m.Groups[1].Value : null);
            foreach (var url in FixtureSite.UnusualNames.Values.Append("100%2541/"))
            {
                var response = await _http.GetAsync(new Uri(new Uri(address), url));
                Assert.True(response.IsSuccessStatusCode, $"{url}: {response.StatusCode}");
                Assert.DoesNotContain("Page not found", await response.Content.ReadAsStringAsync());
            }
        }
        finally
        {
            stop.Cancel();
            await serving;
        }
    }

    /// <summary>The next non-empty line of a server-sent event stream (events end with a blank line).</summary>
    private static async Task<string?> NextMessage(StreamReader events)
    {
        string? line;
        do line = await events.ReadLineAsync();
        while (line is { Length: 0 });
        return line;
    }

}
