using System.Text.Encodings.Web;
using System.Text.Json;
using Site.Checker;
using Site.Diagnostics;
using Site.Json;
using Site.Model;
using Site.Pipelines;
using Site.Urgency;

namespace Site.Search;

/// <summary>
/// Writes the data the browser's search loads: every page's section records, the field weights
/// (title over heading over text), the synonyms, the red-flag terms from the checker's data so a worried
/// reader's query raises the right notice, and the levels of <see cref="UrgencyLevels"/> in order (rank, care
/// card, label, whether they raise a notice, and the checker's words for them), so the script holds no list of
/// its own. The records are the pages' own pieces of JSON, joined.
/// </summary>
public sealed class WriteSearchIndex : IModule
{
    public static readonly IReadOnlyDictionary<string, int> Boost = new Dictionary<string, int> { ["title"] = 3, ["heading"] = 2, ["text"] = 1 };

    /// <summary>The search data's escaping, for its pieces too: the file is JSON, never inlined in HTML.</summary>
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly SiteJsonContext Json = new(new JsonSerializerOptions
    {
        Encoder = Encoder,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    });

    public IReadOnlyList<IProduct> Reads => [Products.Site, Products.Synonyms];

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var site = context.Get(Products.Site);
        var synonyms = context.Get(Products.Synonyms);
        var pages = site.PagesByUrl.Where(p => p.Search is { Count: > 0 }).ToList();
        WarnAboutUnusedSynonyms(synonyms, pages, context);

        // The pages' pieces between the rest, never joined: at 10,000 pages the records are tens of megabytes,
        // and the preview keeps each page's piece as it is while the page is unchanged.
        var pieces = new List<byte[]>(2 * pages.Count + 4) { Raw("{\"version\":2,\"boost\":"), JsonSerializer.SerializeToUtf8Bytes(Boost, Json.IReadOnlyDictionaryStringInt32), Raw(",\"records\":[") };
        foreach (var page in pages)
        {
            if (pieces.Count > 3)
                pieces.Add(Comma);
            pieces.Add(page.Search!.Json);
        }
        pieces.Add(Raw("],\"synonyms\":"));
        pieces.Add(JsonSerializer.SerializeToUtf8Bytes(synonyms.Entries.ToDictionary(e => e.Word, e => e.Targets), Json.DictionaryStringIReadOnlyListString));
        if (site.Checker is { } checker)
        {
            pieces.Add(Raw(",\"redFlags\":"));
            pieces.Add(JsonSerializer.SerializeToUtf8Bytes(checker.Questions.Where(q => q.SearchTerms.Count > 0).Select(q => new RedFlagJson(
                q.SearchTerms,
                q.Answers.MaxBy(a => UrgencyLevels.Rank(a.Level))!.Level)).ToList(), Json.ListRedFlagJson));
        }
        pieces.Add(Raw(",\"levels\":"));
        pieces.Add(JsonSerializer.SerializeToUtf8Bytes(UrgencyLevels.All.Select(u =>
        {
            var level = site.Checker?.Levels.FirstOrDefault(l => l.Id == u.Id);
            return new SearchLevelJson(u.Id, u.Rank, u.Card.Id, u.Label, u.SearchNotice, level?.Title, level?.Advice);
        }).ToList(), Json.ListSearchLevelJson));
        pieces.Add(Raw("}"));
        context.Output.Write(SiteModel.SearchDataPath, pieces, "search index");
        return documents;
    }

    // The shapes of the search data's parts, each member in the order it is written (names in camelCase).
    internal sealed record RedFlagJson(IReadOnlyList<string> Terms, string Level);

    internal sealed record SearchLevelJson(string Id, int Rank, string Card, string Label, bool Notice, string? Title, string? Advice);

    private static readonly byte[] Comma = Raw(",");

    private static byte[] Raw(string ascii) => System.Text.Encoding.ASCII.GetBytes(ascii);

    /// <summary>A synonym for a word no page uses finds nothing: the writer should hear of it.</summary>
    private static void WarnAboutUnusedSynonyms(Synonyms synonyms, IReadOnlyList<Page> pages, BuildContext context)
    {
        // Asked word by word, stopping at the first page that has it: a used word is found within a few pages.
        var used = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool Used(string word) => used.TryGetValue(word, out var found) ? found : used[word] = pages.Any(p => p.Search!.SynonymWords.Contains(word));
        var file = context.Input.DisplayPathOf(Synonyms.RelativePath);
        foreach (var entry in synonyms.Entries)
        {
            foreach (var target in entry.Targets.Where(t => !t.Split(' ').All(Used)))
                context.Diagnostics.Warning(Codes.UnusedSynonym, file, entry.Line, entry.Column,
                    $"'{entry.Word}' points to '{target}', which no page uses", "change it to a word the pages use, or add that word to a page");
        }
    }
}
