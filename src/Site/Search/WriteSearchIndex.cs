using System.Text.Encodings.Web;
using System.Text.Json;
using Site.Checker;
using Site.Diagnostics;
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

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // the file is JSON, never inlined in HTML
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public IReadOnlyList<IProduct> Reads => [Products.Site, Products.Synonyms];

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var site = context.Get(Products.Site);
        var synonyms = context.Get(Products.Synonyms);
        var pages = site.Pages.Where(p => p.Search is { Count: > 0 }).OrderBy(p => p.Url, StringComparer.Ordinal).ToList();
        WarnAboutUnusedSynonyms(synonyms, pages, context);

        using var bytes = new MemoryStream();
        using (var json = new Utf8JsonWriter(bytes, new JsonWriterOptions { Encoder = Json.Encoder }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 2);
            json.WritePropertyName("boost");
            JsonSerializer.Serialize(json, Boost, Json);
            json.WritePropertyName("records");
            json.WriteRawValue(Records(pages), skipInputValidation: true);
            json.WritePropertyName("synonyms");
            JsonSerializer.Serialize(json, synonyms.Entries.ToDictionary(e => e.Word, e => e.Targets), Json);
            if (site.Checker is { } checker)
            {
                json.WritePropertyName("redFlags");
                JsonSerializer.Serialize(json, checker.Questions.Where(q => q.SearchTerms.Count > 0).Select(q => new
                {
                    terms = q.SearchTerms,
                    level = q.Answers.MaxBy(a => UrgencyLevels.Rank(a.Level))!.Level,
                }), Json);
            }
            json.WritePropertyName("levels");
            JsonSerializer.Serialize(json, UrgencyLevels.All.Select(u =>
            {
                var level = site.Checker?.Levels.FirstOrDefault(l => l.Id == u.Id);
                return new { id = u.Id, rank = u.Rank, card = u.Card.Id, label = u.Label, notice = u.SearchNotice, title = level?.Title, advice = level?.Advice };
            }), Json);
            json.WriteEndObject();
        }
        context.Output.Write(SiteModel.SearchDataPath, bytes.ToArray(), "search index");
        return documents;
    }

    /// <summary>The records of every page as one JSON array.</summary>
    private static byte[] Records(IReadOnlyList<Page> pages)
    {
        var pieces = pages.Select(p => p.Search!.Json).ToList();
        var array = new byte[2 + pieces.Sum(p => p.Length) + Math.Max(0, pieces.Count - 1)];
        var at = 0;
        array[at++] = (byte)'[';
        foreach (var piece in pieces)
        {
            if (at > 1)
                array[at++] = (byte)',';
            piece.CopyTo(array, at);
            at += piece.Length;
        }
        array[at] = (byte)']';
        return array;
    }

    /// <summary>A synonym for a word no page uses finds nothing: the writer should hear of it.</summary>
    private static void WarnAboutUnusedSynonyms(Synonyms synonyms, IReadOnlyList<Page> pages, BuildContext context)
    {
        var used = pages.SelectMany(p => p.Search!.SynonymWords).ToHashSet(StringComparer.Ordinal);
        var file = context.Input.DisplayPathOf(Synonyms.RelativePath);
        foreach (var entry in synonyms.Entries)
        {
            foreach (var target in entry.Targets.Where(t => !t.Split(' ').All(used.Contains)))
                context.Diagnostics.Warning(Codes.UnusedSynonym, file, entry.Line, entry.Column,
                    $"'{entry.Word}' points to '{target}', which no page uses", "change it to a word the pages use, or add that word to a page");
        }
    }
}
