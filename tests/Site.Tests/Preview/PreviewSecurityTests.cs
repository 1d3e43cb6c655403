using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Site.Cli;
using Site.Pipelines;
using Site.Tests.Support;

namespace Site.Tests.Preview;

/// <summary>
/// <c>serve</c> answers only to itself: not to other names pointed at 127.0.0.1 (DNS rebinding), never redirects
/// to another server, and serves nothing from outside the output folder.
/// </summary>
public sealed class PreviewSecurityTests(ServedFixtureSite served) : IClassFixture<ServedFixtureSite>
{
    private static readonly string[] Endpoints =
        ["/", "/aftercare/", "/assets/site.css", "/nowhere/", "/__preview/reload.js", "/__preview/events", "/__preview/overlay.css", "/__preview/problems.json"];

    [Theory]
    [InlineData("evil.example:PORT")]
    [InlineData("evil.example")]
    [InlineData("127.0.0.1.evil.example:PORT")]
    [InlineData("localhost.evil.example:PORT")]
    [InlineData("[::1]:PORT")]
    [InlineData("127.0.0.1:OTHER")]
    [InlineData("localhost:OTHER")]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Requests_for_another_host_are_refused_at_every_endpoint(string host)
    {
        host = host.Replace("OTHER", (served.Port == 65535 ? 1 : served.Port + 1).ToString()).Replace("PORT", served.Port.ToString());
        foreach (var endpoint in Endpoints)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(served.Address, endpoint));
            request.Headers.Host = host;
            using var response = await served.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.MisdirectedRequest or HttpStatusCode.BadRequest,
                $"{endpoint} with Host {host}: {response.StatusCode}");
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            AssertNoSiteContent(body, $"{endpoint} with Host {host}");
        }
    }

    [Theory]
    [InlineData("HTTP/1.0", null)]
    [InlineData("HTTP/1.1", null)]
    [InlineData("HTTP/1.0", "")]
    [InlineData("HTTP/1.1", "")]
    public async Task Requests_without_a_host_are_refused(string version, string? host)
    {
        foreach (var endpoint in Endpoints)
        {
            var response = await served.RawGetAsync(endpoint, host, version);
            Assert.True(response.Status is 421 or 400, $"{endpoint} ({version}, Host {host ?? "missing"}): {response.Status}");
            AssertNoSiteContent(response.Body, endpoint);
        }
    }

    [Theory]
    [InlineData("127.0.0.1:PORT")]
    [InlineData("localhost:PORT")]
    public async Task Requests_for_this_server_by_address_or_name_are_served(string host)
    {
        host = host.Replace("PORT", served.Port.ToString());
        Assert.Contains("Wrap ice in a towel.", await Get("/aftercare/"));
        Assert.Contains("EventSource", await Get("/__preview/reload.js"));

        using var request = Request("/__preview/events");
        using var response = await served.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal(": connected", await events.ReadLineAsync());

        async Task<string> Get(string path)
        {
            using var page = Request(path);
            using var answer = await served.Http.SendAsync(page);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            return await answer.Content.ReadAsStringAsync();
        }

        HttpRequestMessage Request(string path)
        {
            var message = new HttpRequestMessage(HttpMethod.Get, new Uri(served.Address, path));
            message.Headers.Host = host;
            return message;
        }
    }

    [Theory]
    [InlineData("/assets", "/assets/")]
    [InlineData("//assets", "/assets/")]
    [InlineData("///assets", "/assets/")]
    [InlineData("//other.example", "/other.example/")]
    [InlineData("//other.example/", null)]
    [InlineData("/%2F%2Fother.example", "")]
    [InlineData("/%2F/other.example", "")]
    [InlineData("/a%20b", "/a%20b/")]
    public async Task A_folder_without_its_slash_redirects_to_the_folder_on_this_server(string target, string? location)
    {
        var response = await served.RawGetAsync(target);
        if (location == null)
        {
            Assert.Equal(200, response.Status);
            return;
        }
        // The server keeps an encoded slash as part of a name, so no such folder exists.
        if (location == "")
        {
            Assert.Equal(404, response.Status);
            Assert.Null(response.Header("Location"));
            return;
        }
        Assert.True(response.Status is 301 or 302 or 307 or 308, $"{target}: {response.Status}");
        Assert.Equal(location, response.Header("Location"));
    }

    [Theory]
    [InlineData("//other.example")]
    [InlineData("/\\other.example")]
    [InlineData("/\\\\other.example")]
    [InlineData("/\\/other.example")]
    [InlineData("//\\other.example")]
    [InlineData("/%5Cother.example")]
    [InlineData("/%5C%5Cother.example")]
    [InlineData("/%2F%5Cother.example")]
    [InlineData("/%5C/other.example")]
    [InlineData("/\\assets")]
    [InlineData("/%5Cassets")]
    [InlineData("//assets")]
    [InlineData("/%09/other.example")]
    [InlineData("/assets/..%2F%2Fother.example")]
    public async Task No_request_is_redirected_to_another_server(string target)
    {
        var response = await served.RawGetAsync(target);
        if (response.Header("Location") is not { } location)
            return;
        // A same-server absolute path: one slash, then a segment; a browser reads "//x" and "/\x" as server x.
        Assert.Matches(@"^/[^/\\]", location);
        Assert.DoesNotContain('\\', location);
        Assert.Equal(served.Address.Authority, new Uri(served.Address, location).Authority);
    }

    [Theory]
    [InlineData("/../secret.txt")]
    [InlineData("/%2e%2e/secret.txt")]
    [InlineData("/%2e%2e%2fsecret.txt")]
    [InlineData("/%2E%2E%2Fsecret.txt")]
    [InlineData("/..%2fsecret.txt")]
    [InlineData("/..%2Fsecret.txt")]
    [InlineData("/..\\secret.txt")]
    [InlineData("/..%5csecret.txt")]
    [InlineData("/%252e%252e%252fsecret.txt")]
    [InlineData("/assets/..%2f..%2fsecret.txt")]
    [InlineData("/assets/%2e%2e/%2e%2e/secret.txt")]
    [InlineData("/..%2foutput2/secret.txt")]
    [InlineData("/%2e%2e%2foutput2%2fsecret.txt")]
    [InlineData("/..%2foutput2/")]
    [InlineData("/..%2foutput2")]
    public async Task Paths_that_climb_out_of_the_output_folder_find_nothing(string target)
    {
        var response = await served.RawGetAsync(target);
        Assert.True(response.Status is >= 400 and < 500, $"{target}: {response.Status}");
        Assert.DoesNotContain(ServedFixtureSite.Secret, response.Body);
        Assert.Null(response.Header("Location"));
    }

    [Fact]
    public async Task A_full_path_outside_the_output_folder_finds_nothing()
    {
        var response = await served.RawGetAsync("/" + Uri.EscapeDataString(served.SecretFile));
        Assert.Equal(404, response.Status);
        Assert.DoesNotContain(ServedFixtureSite.Secret, response.Body);
    }

    private static void AssertNoSiteContent(string body, string what)
    {
        foreach (var marker in new[] { "<", "Wrap ice", "EventSource", "connected", "Page not found", "{" })
            Assert.False(body.Contains(marker, StringComparison.OrdinalIgnoreCase), $"{what} answered with site content: {body}");
    }
}

/// <summary>
/// The fixture site served once with <c>serve</c> on a free port, with folders for redirects,
/// and a secret file beside its folders (and in a sibling folder whose name starts with the output's) that must stay out of reach.
/// </summary>
public sealed class ServedFixtureSite : IAsyncLifetime
{
    public const string Secret = "not-for-the-preview-7f3a";

    private readonly FixtureSite _site = new();
    private readonly CancellationTokenSource _stop = new();
    private Task<int>? _serving;

    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
    public Uri Address { get; private set; } = null!;
    public int Port => Address.Port;
    public string SecretFile => Path.Combine(_site.Root, "secret.txt");

    public async Task InitializeAsync()
    {
        // Folders for the redirects: a page in a folder named like a server, and a folder of files without an index.
        _site.WritePage("other.example/index.md", FixtureSite.Page("A folder named like a server"));
        Directory.CreateDirectory(Path.Combine(_site.Input, "a b"));
        File.WriteAllText(Path.Combine(_site.Input, "a b", "note.txt"), "a note");
        var stdout = new StringWriter();
        var options = new BuildOptions(_site.Input, RepoPaths.Theme, _site.Output, "/", DateOnly.Parse(FixtureSite.Today));
        _serving = ServeCommand.RunAsync(options, 0, TextWriter.Synchronized(stdout), TextWriter.Synchronized(new StringWriter()), _stop.Token);
        for (var waited = 0; Regex.Match(stdout.ToString(), @"Previewing at (\S+)") is not { Success: true } match; waited++)
        {
            if (waited == 600 || _serving.IsCompleted)
                throw new InvalidOperationException($"the preview did not start:\n{stdout}");
            await Task.Delay(100);
        }
        Address = new Uri(Regex.Match(stdout.ToString(), @"Previewing at (\S+)").Groups[1].Value);

        File.WriteAllText(SecretFile, Secret);
        Directory.CreateDirectory(Path.Combine(_site.Root, "output2"));
        File.WriteAllText(Path.Combine(_site.Root, "output2", "secret.txt"), Secret);
        File.WriteAllText(Path.Combine(_site.Root, "output2", "index.html"), Secret);
    }

    /// <summary>
    /// Sends <paramref name="target"/> exactly as written, which HttpClient would not (it turns <c>\</c> into
    /// <c>/</c> and resolves dot segments), to this server by its own address.
    /// </summary>
    public Task<RawResponse> RawGetAsync(string target) => RawGetAsync(target, Address.Authority, "HTTP/1.1");

    /// <param name="host">The Host header to send; null sends none.</param>
    public async Task<RawResponse> RawGetAsync(string target, string? host, string version)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port);
        await using var stream = client.GetStream();
        var request = $"GET {target} {version}\r\n" + (host == null ? "" : $"Host: {host}\r\n") + "Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var text = await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync(timeout.Token);
        return RawResponse.Parse(text);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_serving != null)
            await _serving;
        Http.Dispose();
        _stop.Dispose();
        _site.Dispose();
    }
}

/// <summary>A response read off the socket: the status, the headers as sent, and the body.</summary>
public sealed record RawResponse(int Status, IReadOnlyList<(string Name, string Value)> Headers, string Body)
{
    public string? Header(string name) =>
        Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public static RawResponse Parse(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = (end < 0 ? text : text[..end]).Split("\r\n");
        var status = int.Parse(head[0].Split(' ')[1]);
        var headers = head.Skip(1)
            .Select(line => line.Split(':', 2))
            .Select(parts => (parts[0].Trim(), parts.Length > 1 ? parts[1].Trim() : ""))
            .ToList();
        return new RawResponse(status, headers, end < 0 ? "" : text[(end + 4)..]);
    }
}
