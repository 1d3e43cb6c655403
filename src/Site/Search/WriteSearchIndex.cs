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
/// Writes the search data of the pages <see cref="ExtractPageSearch"/> read, in pieces, so a reader's first query
/// fetches only what it needs, whatever the size of the site (in <see cref="Folder"/>):
/// <list type="bullet">
/// <item><c>meta.json</c>: the number of pages, the stop words, the sections every page has (which count less), the synonyms (and which of the readers' words in them a page has), the red-flag terms from the checker's
/// data and the levels of <see cref="UrgencyLevels"/> in order with the pages the checker sends each to, so the
/// script holds no list of its own;</item>
/// <item><c>words/KEY.json</c>: every stemmed word that starts with KEY (its first letter), with the number of pages
/// it is on as their own text (see <see cref="ScorePages"/>) and the piece of postings that holds it, for exact,
/// prefix and misspelt words; or, where the letter's postings are small, the postings themselves;</item>
/// <item><c>postings/KEY-N.json</c>: for each word, the pages it is on with their scores (<see cref="TermScoring"/>)
/// and the sections it stands in there, at most <see cref="SearchIndex.MaxPostings"/> of them, the best;</item>
/// <item><c>pages/N.json</c>: the heads of the result records of pages N × <see cref="RecordsPerFile"/> onwards
/// (address, title, sections' ids and headings), fetched only for the results shown;</item>
/// <item><c>text/N-K.json</c>: the blocks of the sections of those pages, in order, counted from the first page's
/// first, K × <see cref="SectionsPerFile"/> onwards: fetched only for the section a result shows.</item>
/// </list>
/// Pages are numbered in URL order.
/// </summary>
public sealed class WriteSearchIndex : IModule
{
    public const string Folder = "assets/search";
    public const string MetaPath = Folder + "/meta.json";

    /// <summary>How many result records go in a file: one on a small site, so a reader fetches only the records
    /// shown; up to 8 on a large one, which would otherwise spend more of its build on thousands of tiny files than a
    /// reader gains from fetching one record alone.</summary>
    public static int RecordsPerFile(int pages) => Math.Clamp(pages / 100, 1, 8);

    /// <summary>How many sections' blocks go in a file: one on a small site, whose first query would otherwise spend
    /// most of its bytes on sections it does not show; on a large one more than <see cref="RecordsPerFile"/> pages
    /// mostly have, so the build writes about one such file for each file of heads, each of whole pages' pieces.</summary>
    public static int SectionsPerFile(int pages) => Math.Clamp(pages / 20, 1, 64);

    /// <summary>The search data's escaping, for its pieces too: the files are JSON, never inlined in HTML.</summary>
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly SiteJsonContext Json = new(new JsonSerializerOptions
    {
        Encoder = Encoder,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    });

    public IReadOnlyList<IProduct> Reads => [Products.Site, Products.Synonyms];

    public IReadOnlyList<IProduct> Makes => [Products.Search];

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var site = context.Get(Products.Site);
        var synonyms = context.Get(Products.Synonyms);
        var pages = documents.Select(d => d.Search!).ToList();
        WarnAboutUnusedSynonyms(synonyms, pages, context);
        var index = SearchIndex.Of(pages, context.Cache.LastSearch);
        foreach (var (path, pieces) in index.WordFiles.Values.SelectMany(f => f))
            context.Output.Write(path, pieces, "search index");
        for (var f = 0; f < index.Heads.Length; f++)
            context.Output.Write($"{Folder}/pages/{f}.json", index.Heads[f], "search index");
        for (var f = 0; f < index.Texts.Length; f++)
            for (var t = 0; t < index.Texts[f].Count; t++)
                context.Output.Write($"{Folder}/text/{f}-{t}.json", index.Texts[f][t], "search index");
        var numbers = pages.Select((p, n) => (p.Page.RelativePath, n)).ToDictionary(p => p.RelativePath, p => p.n, StringComparer.Ordinal);
        context.Output.Write(MetaPath, Meta(site, synonyms, numbers, index), "search index");
        context.Set(Products.Search, index);
        return documents;
    }

    /// <summary>Which words file a stem is in: its first letter or digit, else its first character's code in hex.
    /// The browser's engine names them the same way.</summary>
    public static string Key(string term) =>
        term[0] is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? term[..1] : "u" + char.ConvertToUtf32(term, 0).ToString("x");

    private static byte[] Meta(SiteModel site, Synonyms synonyms, Dictionary<string, int> numbers, SearchIndex index) =>
        JsonSerializer.SerializeToUtf8Bytes(new SearchMetaJson(
            4,
            numbers.Count,
            index.RecordsPerFile,
            index.SectionsPerFile,
            TermScoring.TitleScore,
            [.. index.WordFiles.Keys.Order(StringComparer.Ordinal)],
            [.. Words.StopWords.Order(StringComparer.Ordinal)],
            [.. ExtractPageSearch.SharedSections.Order(StringComparer.Ordinal)],
            TermScoring.SharedSection,
            synonyms.Entries.ToDictionary(e => e.Word, e => e.Targets),
            ReaderStemsOnSite(synonyms, index),
            site.Checker is { } checker
                ? [.. checker.Questions.Where(q => q.SearchTerms.Count + q.SearchPhrases.Count > 0)
                    .Select(q => new RedFlagJson(q.SearchTerms, q.SearchPhrases, q.SearchPhraseExceptions, CheckerFlow.MostUrgentReachable(checker, q)))]
                : [],
            [.. UrgencyLevels.All.Select(u =>
            {
                var level = site.Checker?.Levels.FirstOrDefault(l => l.Id == u.Id);
                return new SearchLevelJson(u.Id, u.Rank, u.Card.Id, u.Label, u.SearchNotice, level?.Title, level?.Advice,
                    [.. (level?.Links ?? []).Where(numbers.ContainsKey).Select(l => numbers[l])]);
            })]), Json.SearchMetaJson);

    /// <summary>The stems of the readers' own words in the synonyms ("warfarin", "wee") that some page has too. Most
    /// are on no page, and the browser looks a synonym's word up on the pages only when the pages may have it: a
    /// query for "blood thinners" need not fetch the words files of a dozen medicines' first letters to find none.</summary>
    private static IReadOnlyList<string> ReaderStemsOnSite(Synonyms synonyms, SearchIndex index)
    {
        var stems = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in synonyms.Entries)
            foreach (var word in WordTable.Entries(entry.Word))
                if (!word.Stop && index.Has(word.Stem))
                    stems.Add(word.Stem);
        return [.. stems];
    }

    // The shapes of meta.json, each member in the order it is written (names in camelCase).
    internal sealed record SearchMetaJson(int Version, int Pages, int RecordsPerFile, int SectionsPerFile, int TitleScore, IReadOnlyList<string> Keys, IReadOnlyList<string> StopWords,
        IReadOnlyList<string> SharedSections, float SharedWeight,
        Dictionary<string, IReadOnlyList<string>> Synonyms, IReadOnlyList<string> ReaderStemsOnSite, IReadOnlyList<RedFlagJson> RedFlags, IReadOnlyList<SearchLevelJson> Levels);

    /// <param name="Phrases">Words that count only in their order.</param>
    /// <param name="Except">Words in order that take the phrases back: they mean something else.</param>
    internal sealed record RedFlagJson(IReadOnlyList<string> Terms, IReadOnlyList<string> Phrases, IReadOnlyList<string> Except, string Level);

    /// <param name="Pages">The numbers of the pages the checker sends a reader at this level to: a query that names one
    /// of its red flags shows them first.</param>
    internal sealed record SearchLevelJson(string Id, int Rank, string Card, string Label, bool Notice, string? Title, string? Advice, IReadOnlyList<int> Pages);

    /// <summary>A synonym for a word no page uses finds nothing: the writer should hear of it.</summary>
    private static void WarnAboutUnusedSynonyms(Synonyms synonyms, IReadOnlyList<PageSearch> pages, BuildContext context)
    {
        // Asked word by word, stopping at the first page that has it: a used word is found within a few pages.
        var used = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool Used(string word) => used.TryGetValue(word, out var found) ? found : used[word] = pages.Any(p => p.SynonymWords.Contains(word));
        var file = context.Input.DisplayPathOf(Synonyms.RelativePath);
        foreach (var entry in synonyms.Entries)
        {
            foreach (var target in entry.Targets.Where(t => !t.Split(' ').All(Used)))
                context.Diagnostics.Warning(Codes.UnusedSynonym, file, entry.Line, entry.Column,
                    $"'{entry.Word}' points to '{target}', which no page uses", "change it to a word the pages use, or add that word to a page");
        }
    }
}
