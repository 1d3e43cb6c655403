using Microsoft.Playwright;

namespace Site.Tests.Browser;

/// <summary>
/// Records what goes wrong while a page loads and runs: console errors (CSP violations are reported
/// there too), uncaught script errors, failed requests, and requests to any host but the test server.
/// </summary>
public sealed class PageProblems
{
    private readonly List<string> _problems = [];
    private readonly Lock _lock = new();

    public PageProblems(IPage page, BrowserFixture site, string name)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                Add($"{name}: console error: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => Add($"{name}: uncaught error: {error}");
        page.Request += (_, request) =>
        {
            if (!site.IsOwnRequest(request.Url))
                Add($"{name}: request to another host: {request.Method} {request.Url}");
        };
        page.RequestFailed += (_, request) => Add($"{name}: request failed: {request.Url} ({request.Failure})");
    }

    public IReadOnlyList<string> All
    {
        get { lock (_lock) return [.. _problems]; }
    }

    private void Add(string problem)
    {
        lock (_lock) _problems.Add(problem);
    }
}
