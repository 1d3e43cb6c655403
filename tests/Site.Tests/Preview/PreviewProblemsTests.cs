using System.Text.Json;
using System.Text.RegularExpressions;
using Site.Cli;
using Site.Diagnostics;
using Site.Pipelines;
using Site.Preview;
using Site.Tests.Support;

namespace Site.Tests.Preview;

/// <summary>
/// A failed rebuild's problems reach the open pages as a <c>problems</c> event and at <c>/__preview/problems.json</c>:
/// errors first, as JSON that HTML cannot read as markup, bounded whatever the build found; a good build clears them.
/// </summary>
public sealed class PreviewProblemsTests : IDisposable
{
    private readonly FixtureSite _site = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose()
    {
        _http.Dispose();
        _site.Dispose();
    }

    [Fact]
    public void Lists_errors_first_with_the_file_line_column_code_message_and_fix()
    {
        var json = PreviewProblems.Json(
        [
            new Diagnostic(Severity.Warning, Codes.ReviewDueSoon, "input/a.md", 3, 1, "review due soon", "Review it."),
            new Diagnostic(Severity.Error, Codes.UnknownKey, "input/b.md", 7, 5, "unknown key 'colour'", "Remove it."),
            new Diagnostic(Severity.Error, Codes.LevelOneHeading, "input/c.md", 12, 1, "a level-1 heading"),
        ]);
        using var state = JsonDocument.Parse(json);
        var root = state.RootElement;
        Assert.Equal(2, root.GetProperty("errors").GetInt32());
        Assert.Equal(1, root.GetProperty("warnings").GetInt32());
        Assert.Equal(0, root.GetProperty("more").GetInt32());
        var problems = root.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(["error", "error", "warning"], problems.Select(p => p.GetProperty("severity").GetString()));
        var first = problems[0];
        Assert.Equal("input/b.md", first.GetProperty("file").GetString());
        Assert.Equal(7, first.GetProperty("line").GetInt32());
        Assert.Equal(5, first.GetProperty("column").GetInt32());
        Assert.Equal("SITE003", first.GetProperty("code").GetString());
        Assert.Equal("unknown key 'colour'", first.GetProperty("message").GetString());
        Assert.Equal("Remove it.", first.GetProperty("fix").GetString());
        Assert.False(problems[1].TryGetProperty("fix", out _));
    }

    [Fact]
    public void Text_from_the_pages_is_escaped_and_its_controls_made_visible()
    {
        const string hostile = "</script><img src=x onerror=alert(1)> \"quoted\" & 'single'\nline two\u202Edesrever Müdigkeit";
        var json = PreviewProblems.Json([new Diagnostic(Severity.Error, Codes.UnknownKey, "input/<b>.md", 1, 1, hostile, hostile)]);
        foreach (var raw in new[] { "<", ">", "&", "'", "\n", "\r", "\u202E" })
            Assert.DoesNotContain(raw, json);
        Assert.Contains("Müdigkeit", json); // letters stay letters
        using var state = JsonDocument.Parse(json);
        var problem = state.RootElement.GetProperty("problems")[0];
        Assert.Equal("input/<b>.md", problem.GetProperty("file").GetString());
        Assert.Equal(VisibleText.Escape(hostile), problem.GetProperty("message").GetString());
        Assert.Contains(@"line two\u202Edesrever", problem.GetProperty("fix").GetString());
    }

    [Fact]
    public void A_pathological_build_still_makes_a_small_event()
    {
        var huge = string.Concat(Enumerable.Repeat("<\u202E😀", 100_000));
        var diagnostics = Enumerable.Range(0, 5000)
            .Select(i => new Diagnostic(i % 2 == 0 ? Severity.Warning : Severity.Error, Codes.UnknownKey, huge, i, 1, huge, huge))
            .ToList();
        var json = PreviewProblems.Json(diagnostics);
        Assert.True(json.Length < PreviewProblems.MaxBytes + 64 * 1024, $"{json.Length} characters");
        using var state = JsonDocument.Parse(json);
        var root = state.RootElement;
        var problems = root.GetProperty("problems").EnumerateArray().ToList();
        Assert.InRange(problems.Count, 1, PreviewProblems.MaxProblems);
        Assert.Equal(5000 - problems.Count, root.GetProperty("more").GetInt32());
        Assert.Equal(2500, root.GetProperty("errors").GetInt32());
        Assert.All(problems, p => Assert.Equal("error", p.GetProperty("severity").GetString()));
        foreach (var field in new[] { "file", "message", "fix" })
        {
            var text = problems[0].GetProperty(field).GetString()!;
            Assert.InRange(text.Length, PreviewProblems.MaxText / 2, PreviewProblems.MaxText);
            Assert.EndsWith("…", text);
            Assert.False(char.IsHighSurrogate(text[^2]), $"{field} ends in half a pair");
        }
        // A few problems, not thousands: well under the limit of the count when each is at its largest.
        Assert.True(problems.Count < 50, $"{problems.Count} problems of the largest size");
        var small = PreviewProblems.Json(Enumerable.Range(0, 5000).Select(i => new Diagnostic(Severity.Error, Codes.UnknownKey, "input/a.md", i, 1, "short")).ToList());
        using var many = JsonDocument.Parse(small);
        Assert.Equal(PreviewProblems.MaxProblems, many.RootElement.GetProperty("problems").GetArrayLength());
        Assert.Equal(5000 - PreviewProblems.MaxProblems, many.RootElement.GetProperty("more").GetInt32());
    }

    [Fact]
    public async Task A_failed_rebuild_sends_its_problems_to_open_pages_and_a_good_one_clears_them_and_reloads()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serving = ServeCommand.RunAsync(Options(), 0, TextWriter.Synchronized(stdout), TextWriter.Synchronized(stderr), stop.Token);
        try
        {
            var address = new Uri(await Eventually.ValueOf(() => Regex.Match(stdout.ToString(), @"Previewing at (\S+)") is { Success: true } m ? m.Groups[1].Value : null));
            Assert.Equal(PreviewProblems.None, await _http.GetStringAsync(new Uri(address, "__preview/problems.json")));
            using var events = new StreamReader(await _http.GetStreamAsync(new Uri(address, "__preview/events")));
            Assert.Equal(": connected", await events.ReadLineAsync());

            // A key named like markup: the page's own text, which must reach the page as text.
            var broken = FixtureSite.Page("Aftercare", "### Ice\n\nWrap ice in a towel.").Replace("author: Writer One", "author: Writer One\n\"<b>colour</b>\": blue");
            _site.SavePage("aftercare.md", broken);
            var (name, data) = await NextEvent(events);
            Assert.Equal("problems", name);
            Assert.DoesNotContain("<b>", data);
            using (var state = JsonDocument.Parse(data))
            {
                var problem = state.RootElement.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("code").GetString() == Codes.UnknownKey);
                Assert.Equal("error", problem.GetProperty("severity").GetString());
                Assert.EndsWith("aftercare.md", problem.GetProperty("file").GetString());
                Assert.Equal(FixtureSite.LineOf(broken, "colour"), problem.GetProperty("line").GetInt32());
                Assert.Contains("<b>colour</b>", problem.GetProperty("message").GetString());
                Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("fix").GetString()));
            }
            Assert.Equal(data, await _http.GetStringAsync(new Uri(address, "__preview/problems.json")));
            Assert.Contains("error SITE003", stderr.ToString()); // the terminal still lists them

            // A page opened while the build is broken hears the problems as soon as it connects.
            using (var late = new StreamReader(await _http.GetStreamAsync(new Uri(address, "__preview/events"))))
            {
                Assert.Equal(": connected", await late.ReadLineAsync());
                Assert.Equal(("problems", data), await NextEvent(late));
            }

            _site.SavePage("aftercare.md", FixtureSite.Page("Aftercare", "### Ice\n\nUse a cold pack."));
            var next = await NextEvent(events);
            // A save can be seen twice and rebuilt twice; the broken build's problems may come again before the reload.
            while (next == ("problems", data))
                next = await NextEvent(events);
            Assert.Equal(("message", "reload"), next);
            Assert.Equal(PreviewProblems.None, await _http.GetStringAsync(new Uri(address, "__preview/problems.json")));
        }
        finally
        {
            await stop.CancelAsync();
            await serving;
        }
    }

    [Fact]
    public async Task Before_any_good_build_every_address_is_a_page_that_shows_the_problems()
    {
        _site.WritePage("aftercare.md", FixtureSite.Page("Aftercare", "# Oops"));
        var stdout = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serving = ServeCommand.RunAsync(Options(), 0, TextWriter.Synchronized(stdout), TextWriter.Synchronized(new StringWriter()), stop.Token);
        try
        {
            var address = new Uri(await Eventually.ValueOf(() => Regex.Match(stdout.ToString(), @"Previewing at (\S+)") is { Success: true } m ? m.Groups[1].Value : null));
            var page = await _http.GetAsync(new Uri(address, "aftercare/"));
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<script src=\"/__preview/reload.js\"></script></body>", await page.Content.ReadAsStringAsync());
            using var state = JsonDocument.Parse(await _http.GetStringAsync(new Uri(address, "__preview/problems.json")));
            Assert.Contains(state.RootElement.GetProperty("problems").EnumerateArray(), p => p.GetProperty("code").GetString() == Codes.LevelOneHeading);
        }
        finally
        {
            await stop.CancelAsync();
            await serving;
        }
    }

    [Fact]
    public async Task The_overlay_script_and_stylesheet_are_served_for_the_pages_csp()
    {
        var stdout = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serving = ServeCommand.RunAsync(Options(), 0, TextWriter.Synchronized(stdout), TextWriter.Synchronized(new StringWriter()), stop.Token);
        try
        {
            var address = new Uri(await Eventually.ValueOf(() => Regex.Match(stdout.ToString(), @"Previewing at (\S+)") is { Success: true } m ? m.Groups[1].Value : null));
            var script = await _http.GetAsync(new Uri(address, "__preview/reload.js"));
            Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
            var code = await script.Content.ReadAsStringAsync();
            Assert.Contains("addEventListener(\"problems\"", code);
            Assert.Contains(PreviewServer.OverlayStyles, code);
            Assert.DoesNotContain("innerHTML", code);
            var css = await _http.GetAsync(new Uri(address, "__preview/overlay.css"));
            Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
            Assert.Contains(".preview-problems", await css.Content.ReadAsStringAsync());
        }
        finally
        {
            await stop.CancelAsync();
            await serving;
        }
    }

    private BuildOptions Options() => new(_site.Input, RepoPaths.Theme, _site.Output, "/", DateOnly.Parse(FixtureSite.Today));

    /// <summary>The next server-sent event: its type ("message" unless named) and its data.</summary>
    private static async Task<(string Event, string Data)> NextEvent(StreamReader events)
    {
        var (name, data) = ("message", (string?)null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await events.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0 && data != null)
                return (name, data);
            if (line.StartsWith("event: ", StringComparison.Ordinal))
                name = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
                data = line["data: ".Length..];
        }
        throw new EndOfStreamException("the event stream ended");
    }
}
