using System.Text.Json;
using Site.Tests.Support;

namespace Site.Tests.Search.Evaluation;

/// <summary>What the browser's search engine answers for a query, run in node on a built site's search data.</summary>
/// <param name="Terms">The stems on the site the query matched: its own words, their corrections and completions, and synonyms.</param>
/// <param name="FirstQueryFetched">The files a first query fetched from a cold start, by their path in the search folder.</param>
public sealed record QueryAnswer(string Query, int Count, IReadOnlyList<QueryResult> Results, string? Notice, IReadOnlyList<string> Terms,
    int FirstQueryBytes, int FirstQueryFiles, IReadOnlyList<string> FirstQueryFetched);

public sealed record QueryResult(string Url, string Title, string Heading, string Snippet);

/// <summary>
/// Runs queries through the engine the browser runs (theme/assets/vendor/engine.js, the build's minified copy of
/// theme/assets/search/engine.js), in node (run-queries.mjs): no browser, so a hundred queries take a second or two.
/// </summary>
public static class QueryRunner
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <param name="results">How many results of each query to read with their records; 0 for the notices alone,
    /// with no records and no count of the bytes a first query fetches.</param>
    public static async Task<IReadOnlyList<QueryAnswer>> RunAsync(string siteOutput, IEnumerable<string> queries, int results = 10)
    {
        using var folder = new TempFolder("site-queries-");
        var file = folder.Combine("queries.json");
        File.WriteAllText(file, JsonSerializer.Serialize(queries.ToList()));
        var run = await ExternalProcess.RunAsync(ExternalProcess.Start("node",
        [
            Path.Combine(RepoPaths.Root, "tests", "Site.Tests", "Search", "Evaluation", "run-queries.mjs"),
            Path.Combine(RepoPaths.Theme, "assets", "vendor", "engine.js"),
            Path.Combine(siteOutput, "assets", "search"),
            file,
            results.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ]), TimeSpan.FromMinutes(6), "Install Node.js (the README's set-up needs it).");
        Assert.True(run.ExitCode == 0, $"node run-queries.mjs failed:\n{run.Stderr}");
        return JsonSerializer.Deserialize<List<QueryAnswer>>(run.Stdout, Json)!;
    }
}
