using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Site.Checker;
using Site.Diagnostics;
using Site.Pipelines;

namespace Site.Search;

/// <summary>
/// Writes the data the browser's search loads: every page's section records, the field weights
/// (title over heading over text), the synonyms, and the red-flag terms from the checker's data so a worried
/// reader's query raises the right notice. The file name carries a hash of its content, so it can be cached
/// for ever and a new build never serves stale data.
/// </summary>
public sealed class WriteSearchIndex : IModule
{
    public static readonly IReadOnlyDictionary<string, int> Boost = new Dictionary<string, int> { ["title"] = 3, ["heading"] = 2, ["text"] = 1 };

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // the file is JSON, never inlined in HTML
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var pages = context.OutputsOf(SiteBuilder.ContentPipeline)
            .Where(d => d.FrontMatter != null && d.SearchRecords != null)
            .OrderBy(d => d.Url, StringComparer.Ordinal)
            .ToList();
        var records = pages.SelectMany(page => page.SearchRecords!.Select(r => new
        {
            url = context.SiteUrl(page.Url!) + (r.Section.Length > 0 ? "#" + r.Section : ""),
            title = page.FrontMatter!.Title,
            heading = r.Heading,
            text = r.Text,
        })).Select((r, i) => new { id = i, r.url, r.title, r.heading, r.text }).ToList();

        var synonymsFile = DataDocument(context, Synonyms.RelativePath);
        var synonyms = Synonyms.Read(context, synonymsFile);
        WarnAboutUnusedSynonyms(synonyms, records.Select(r => r.title + " " + r.heading + " " + r.text), synonymsFile, context);

        var checker = context.OutputsOf(SiteBuilder.CheckerPipeline).FirstOrDefault()?.Model as CheckerData;
        var data = new
        {
            version = 1,
            boost = Boost,
            records,
            synonyms = synonyms.Entries.ToDictionary(e => e.Word, e => e.Targets),
            redFlags = checker?.Questions.Where(q => q.SearchTerms.Count > 0).Select(q => new
            {
                terms = q.SearchTerms,
                level = q.Answers.MaxBy(a => CheckerData.Rank(a.Level))!.Level,
            }),
            levels = checker?.Levels.ToDictionary(l => l.Id, l => new { l.Title, l.Card, l.Advice }),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(data, Json);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
        var output = $"assets/search-index.{hash}.json";
        context.Output.Write(output, bytes, "search index");
        return [new Document("search index", output) { OutputPath = output, Url = output }];
    }

    private static Document DataDocument(BuildContext context, string relativePath)
    {
        return new Document(Path.Combine(context.Input.Root, relativePath), relativePath)
        {
            DisplayPath = context.Input.DisplayPathOf(relativePath),
            Source = context.Input.Find(relativePath),
        };
    }

    /// <summary>A synonym for a word no page uses finds nothing: the writer should hear of it.</summary>
    private static void WarnAboutUnusedSynonyms(Synonyms synonyms, IEnumerable<string> texts, Document file, BuildContext context)
    {
        var words = new HashSet<string>(texts.SelectMany(t => Regex.Split(t.ToLowerInvariant(), @"[^\p{L}\p{Nd}]+")), StringComparer.Ordinal);
        foreach (var entry in synonyms.Entries)
        {
            foreach (var target in entry.Targets.Where(t => !t.Split(' ').All(words.Contains)))
                context.Warning(file, Codes.UnusedSynonym, entry.Line, entry.Column,
                    $"'{entry.Word}' points to '{target}', which no page uses", "change it to a word the pages use, or add that word to a page");
        }
    }
}
