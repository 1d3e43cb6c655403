using System.Buffers;
using System.Text.Json;
using Site.Model;

namespace Site.Search;

/// <summary>
/// The search data in memory: the pages by number (in URL order), every word's postings, and the files made of
/// them (see <see cref="WriteSearchIndex"/> for what each holds). The preview keeps it and, when a few pages changed
/// in their own text only, updates their postings and makes again only the files that hold them, instead of the
/// whole index.
/// </summary>
public sealed class SearchIndex
{
    /// <summary>A word on more pages than this keeps its best-scoring pages only: so common a word hardly ranks.</summary>
    public const int MaxPostings = 1000;

    // Words are packed into pieces of postings of about this size: few requests, yet little that is not needed.
    private const int PieceBytes = 8 * 1024;

    // An update that would touch more pages than this makes the index again.
    private const int MostChangedPages = 32;

    private static readonly JsonWriterOptions Writer = new() { Encoder = WriteSearchIndex.Encoder };

    private readonly ScorePages.Copies _copies;
    private readonly Dictionary<string, List<(int Page, int Score, int Sections)>> _postings;
    private readonly Dictionary<string, int> _own;
    private readonly Dictionary<string, byte[]> _json; // each word's postings as JSON

    private SearchIndex(IReadOnlyList<PageSearch> pages, ScorePages.Copies copies, Dictionary<string, List<(int, int, int)>> postings,
        Dictionary<string, int> own, Dictionary<string, byte[]> json, Dictionary<string, IReadOnlyList<(string Path, IReadOnlyList<byte[]> Pieces)>> wordFiles,
        IReadOnlyList<byte[]>[] heads, IReadOnlyList<IReadOnlyList<byte[]>>[] texts)
    {
        Pages = pages;
        _copies = copies;
        _postings = postings;
        _own = own;
        _json = json;
        WordFiles = wordFiles;
        Heads = heads;
        Texts = texts;
    }

    /// <summary>Whether some page has this stem.</summary>
    public bool Has(string stem) => _postings.ContainsKey(stem);

    /// <summary>The pages, by number.</summary>
    public IReadOnlyList<PageSearch> Pages { get; }

    private Dictionary<Page, PageSearch>? _byPage;

    /// <summary>What this index knew of this very page, if it holds it.</summary>
    public PageSearch? Of(Page page) =>
        (_byPage ??= Pages.ToDictionary(p => p.Page, (IEqualityComparer<Page>)ReferenceEqualityComparer.Instance)).GetValueOrDefault(page);

    /// <summary>For each first letter (<see cref="WriteSearchIndex.Key"/>), its words file and pieces of postings.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(string Path, IReadOnlyList<byte[]> Pieces)>> WordFiles { get; }

    /// <summary>The files of the result records' heads, by number, each in its pieces.</summary>
    public IReadOnlyList<byte[]>[] Heads { get; }

    /// <summary>For each file of heads, the files of its pages' sections' blocks, each in its pieces.</summary>
    public IReadOnlyList<IReadOnlyList<byte[]>>[] Texts { get; }

    public int RecordsPerFile => WriteSearchIndex.RecordsPerFile(Pages.Count);

    public int SectionsPerFile => WriteSearchIndex.SectionsPerFile(Pages.Count);

    /// <summary>The index of these pages: <paramref name="previous"/> updated where it can be, else made anew.</summary>
    public static SearchIndex Of(IReadOnlyList<PageSearch> pages, SearchIndex? previous) => previous?.Updated(pages) ?? Make(pages);

    private static SearchIndex Make(IReadOnlyList<PageSearch> pages)
    {
        var copies = ScorePages.Find(pages);
        // Gathered by stem number (every page's words pass through here), then named.
        var byStem = new List<(int Page, int Score, int Sections)>?[StemIds.Count];
        var ownByStem = new int[byStem.Length];
        // Scored a few hundred pages at a time in parallel, then added in page order: never every page's scores at once.
        var scored = new ScorePages.Scored[Math.Min(pages.Count, 512)][];
        for (var start = 0; start < pages.Count; start += scored.Length)
        {
            var count = Math.Min(scored.Length, pages.Count - start);
            Parallel.For(0, count, i => scored[i] = ScorePages.Of(pages[start + i], start + i, copies));
            for (var i = 0; i < count; i++)
                foreach (var (stem, score, isOwn, sections) in scored[i])
                {
                    if (stem >= byStem.Length) // numbered since, by a build running beside this one
                    {
                        Array.Resize(ref byStem, StemIds.Count);
                        Array.Resize(ref ownByStem, StemIds.Count);
                    }
                    (byStem[stem] ??= []).Add((start + i, score, sections));
                    ownByStem[stem] += isOwn ? 1 : 0;
                }
        }
        var postings = new Dictionary<string, List<(int Page, int Score, int Sections)>>(StringComparer.Ordinal);
        var own = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var stem = 0; stem < byStem.Length; stem++)
            if (byStem[stem] is { } list)
                (postings[StemIds.Name(stem)], own[StemIds.Name(stem)]) = (list, ownByStem[stem]);
        var groups = postings.Keys.GroupBy(WriteSearchIndex.Key).ToList();
        var files = new Dictionary<string, IReadOnlyList<(string, IReadOnlyList<byte[]>)>>(StringComparer.Ordinal);
        var made = new (string, IReadOnlyList<(string, IReadOnlyList<byte[]>)>, Dictionary<string, byte[]>)[groups.Count];
        Parallel.For(0, groups.Count, g =>
        {
            var json = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            made[g] = (groups[g].Key, WordsFiles(groups[g].Key, [.. groups[g].Order(StringComparer.Ordinal)], postings, own, json, null), json);
        });
        var allJson = new Dictionary<string, byte[]>(postings.Count, StringComparer.Ordinal);
        foreach (var (key, group, json) in made)
        {
            files[key] = group;
            foreach (var (term, bytes) in json)
                allJson[term] = bytes;
        }
        var (perFile, sectionsPerFile) = (WriteSearchIndex.RecordsPerFile(pages.Count), WriteSearchIndex.SectionsPerFile(pages.Count));
        var heads = Enumerable.Range(0, (pages.Count + perFile - 1) / perFile).Select(f => HeadFile(pages, f, perFile)).ToArray();
        var texts = Enumerable.Range(0, heads.Length).Select(f => TextFiles(pages, f, perFile, sectionsPerFile)).ToArray();
        return new SearchIndex(pages, copies, postings, own, allJson, files, heads, texts);
    }

    /// <summary>
    /// This index with the pages that changed scored again, or null when that is not enough: pages added, removed
    /// or moved (their numbers change), many changed, or a change to text that another page also has (which pages
    /// are copies may change).
    /// </summary>
    private SearchIndex? Updated(IReadOnlyList<PageSearch> pages)
    {
        if (pages.Count != Pages.Count)
            return null;
        var changed = new List<int>();
        for (var n = 0; n < pages.Count; n++)
        {
            if (ReferenceEquals(pages[n], Pages[n]))
                continue;
            if (pages[n].Page.RelativePath != Pages[n].Page.RelativePath || pages[n].Page.Url != Pages[n].Page.Url || changed.Count == MostChangedPages)
                return null;
            changed.Add(n);
        }
        var counts = new Dictionary<ulong, int>(_copies.Pages);
        var kept = new HashSet<ulong>(); // copied blocks on a changed page, before and after
        foreach (var n in changed)
        {
            var (before, after) = (Hashes(Pages[n]), Hashes(pages[n]));
            foreach (var hash in before.Except(after))
                if ((counts[hash] -= 1) == 0)
                    counts.Remove(hash);
                else
                    return null; // it was on another page too
            foreach (var hash in after.Except(before))
                if ((counts[hash] = counts.GetValueOrDefault(hash) + 1) > 1)
                    return null; // it is on another page too
            kept.UnionWith(after.Where(_copies.Copied.ContainsKey));
        }
        // The page's own text changed, so its share of a copied block did: each of its copied blocks may move home,
        // and the pages it leaves and joins are scored again too.
        var homes = new Dictionary<ulong, int>(_copies.Homes);
        var rescore = new SortedSet<int>(changed);
        foreach (var (hash, home) in ScorePages.Homes(pages, counts, _copies.Copied, kept))
            if (homes[hash] != home)
            {
                rescore.Add(homes[hash]);
                rescore.Add(home);
                homes[hash] = home;
            }
        var copies = new ScorePages.Copies(counts, _copies.Copied, homes);
        var postings = new Dictionary<string, List<(int Page, int Score, int Sections)>>(_postings, StringComparer.Ordinal);
        var own = new Dictionary<string, int>(_own, StringComparer.Ordinal);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        List<(int Page, int Score, int Sections)> Copy(string term)
        {
            if (touched.Add(term))
                postings[term] = postings.TryGetValue(term, out var list) ? [.. list] : [];
            return postings[term];
        }
        foreach (var n in rescore)
        {
            // Only the words whose score (or own-ness) on the page changed: most of a small edit's words keep theirs.
            var before = ScorePages.Of(Pages[n], n, _copies).ToDictionary(w => w.Term, StringComparer.Ordinal);
            var after = ScorePages.Of(pages[n], n, copies).ToDictionary(w => w.Term, StringComparer.Ordinal);
            foreach (var (term, old) in before.Where(b => !after.TryGetValue(b.Key, out var now) || now != b.Value))
            {
                Copy(term).RemoveAll(p => p.Page == n);
                own[term] -= old.Own ? 1 : 0;
            }
            foreach (var (term, now) in after.Where(a => !before.TryGetValue(a.Key, out var old) || old != a.Value))
            {
                var list = Copy(term);
                var at = list.FindIndex(p => p.Page > n);
                list.Insert(at < 0 ? list.Count : at, (n, now.Score, now.Sections));
                own[term] = own.GetValueOrDefault(term) + (now.Own ? 1 : 0);
            }
        }
        var json = new Dictionary<string, byte[]>(_json, StringComparer.Ordinal);
        foreach (var term in touched.Where(t => postings[t].Count == 0))
        {
            postings.Remove(term);
            own.Remove(term);
            json.Remove(term);
        }
        var files = new Dictionary<string, IReadOnlyList<(string, IReadOnlyList<byte[]>)>>((IDictionary<string, IReadOnlyList<(string, IReadOnlyList<byte[]>)>>)WordFiles, StringComparer.Ordinal);
        foreach (var key in touched.Select(WriteSearchIndex.Key).Distinct())
        {
            var terms = postings.Keys.Where(t => WriteSearchIndex.Key(t) == key).Order(StringComparer.Ordinal).ToList();
            if (terms.Count == 0)
                files.Remove(key);
            else
                files[key] = WordsFiles(key, terms, postings, own, json, touched);
        }
        // Only the records that changed: most edits change a page's blocks, and not its head.
        var (heads, texts) = ((IReadOnlyList<byte[]>[])Heads.Clone(), (IReadOnlyList<IReadOnlyList<byte[]>>[])Texts.Clone());
        var previous = Pages;
        PageText Before(int n) => previous[n].Page.SearchText!;
        PageText After(int n) => pages[n].Page.SearchText!;
        foreach (var f in changed.Where(n => !Before(n).Head.AsSpan().SequenceEqual(After(n).Head)).Select(n => n / RecordsPerFile).Distinct())
            heads[f] = HeadFile(pages, f, RecordsPerFile);
        foreach (var f in changed.Where(n => !Before(n).Text.AsSpan().SequenceEqual(After(n).Text)).Select(n => n / RecordsPerFile).Distinct())
            texts[f] = TextFiles(pages, f, RecordsPerFile, SectionsPerFile, Texts[f]);
        return new SearchIndex(pages, copies, postings, own, json, files, heads, texts);
    }

    private static HashSet<ulong> Hashes(PageSearch page) => page.Blocks.Select(b => b.Hash).ToHashSet();

    /// <summary>A file of records' heads: a JSON array of the pages' own pieces, joined as they are.</summary>
    private static IReadOnlyList<byte[]> HeadFile(IReadOnlyList<PageSearch> pages, int file, int perFile) =>
        [.. pages.Skip(file * perFile).Take(perFile).SelectMany((p, i) => new[] { i == 0 ? Open : Comma, p.Page.SearchText!.Head }), Close];

    /// <summary>
    /// The files of the blocks of the sections of one file of heads' pages, in order, <paramref name="perFile"/>
    /// sections to a file, each a JSON array of them: a page whose sections all stand in one file is its own piece
    /// as it is (as on a large site, whose pages' sections mostly fit in one file); the rest are copied out. Files
    /// whose bytes would be the same as in <paramref name="before"/> are kept.
    /// </summary>
    private static IReadOnlyList<IReadOnlyList<byte[]>> TextFiles(IReadOnlyList<PageSearch> pages, int file, int pagesPerFile, int perFile,
        IReadOnlyList<IReadOnlyList<byte[]>>? before = null)
    {
        var files = new List<IReadOnlyList<byte[]>>();
        var pieces = new List<byte[]>();
        var count = 0; // sections in the file being made
        void Add(byte[] piece, int sections)
        {
            pieces.Add(count == 0 ? Open : Comma);
            pieces.Add(piece);
            count += sections;
            if (count == perFile)
                Flush();
        }
        void Flush()
        {
            pieces.Add(Close);
            var same = before != null && files.Count < before.Count && before[files.Count].SelectMany(p => p).SequenceEqual(pieces.SelectMany(p => p));
            files.Add(same ? before![files.Count] : pieces);
            (pieces, count) = ([], 0);
        }
        foreach (var page in pages.Skip(file * pagesPerFile).Take(pagesPerFile).Select(p => p.Page.SearchText!))
        {
            var sections = page.Sections.Count;
            if (sections > 0 && count + sections <= perFile)
            {
                Add(page.Text, sections);
                continue;
            }
            for (var s = 0; s < sections; s++)
                Add(page.SectionText(s).ToArray(), 1);
        }
        if (count > 0)
            Flush();
        return files;
    }

    private static readonly byte[] Open = "["u8.ToArray(), Comma = ","u8.ToArray(), Close = "]"u8.ToArray();

    // A first letter whose words' postings come to no more than this stays in its words file: on a small site a
    // query of many words then fetches one small file per letter instead of two.
    private const int InlineBytes = 4 * 1024;

    /// <summary>The words file of one first letter, and its pieces of postings, from each word's postings as JSON
    /// (<c>"word":[step, score, sections, …]</c>), made again only for the words in <paramref name="changed"/> (or not yet made).
    /// Where they are small (<see cref="InlineBytes"/>), each word's postings stand in the words file instead.</summary>
    private static IReadOnlyList<(string Path, IReadOnlyList<byte[]> Pieces)> WordsFiles(string key, List<string> terms,
        Dictionary<string, List<(int Page, int Score, int Sections)>> postings, Dictionary<string, int> own, Dictionary<string, byte[]> json, ISet<string>? changed)
    {
        var total = 0;
        foreach (var term in terms)
        {
            if (changed == null || changed.Contains(term) || !json.ContainsKey(term))
                json[term] = PostingsJson(term, postings[term]);
            total += json[term].Length + 1;
        }
        var inline = total <= InlineBytes;
        var files = new List<(string, IReadOnlyList<byte[]>)>();
        using var words = new MemoryStream();
        using var wordsJson = new Utf8JsonWriter(words, Writer);
        wordsJson.WriteStartObject();
        // A piece of postings is the words' own JSON between braces and commas, never copied into one array.
        var piece = new List<byte[]>();
        var size = 0;
        void Flush()
        {
            piece.Add(Closing);
            files.Add(($"{WriteSearchIndex.Folder}/postings/{key}-{files.Count}.json", piece));
            (piece, size) = ([], 0);
        }
        foreach (var term in terms)
        {
            wordsJson.WriteStartArray(term);
            // How rare the word is: the pages it stands on as their own, not in text that every page has or copies.
            wordsJson.WriteNumberValue(Math.Max(own[term], 1));
            if (inline)
            {
                // The postings themselves, in place of the number of their piece: the JSON after the word's name (a
                // word, made of letters, digits and apostrophes, has no colon in it).
                wordsJson.WriteRawValue(json[term].AsSpan(json[term].AsSpan().IndexOf((byte)':') + 1), skipInputValidation: true);
                wordsJson.WriteEndArray();
                continue;
            }
            wordsJson.WriteNumberValue(files.Count);
            wordsJson.WriteEndArray();
            piece.Add(piece.Count == 0 ? Opening : Comma);
            piece.Add(json[term]);
            size += json[term].Length + 1;
            if (size >= PieceBytes)
                Flush();
        }
        if (piece.Count > 0)
            Flush();
        wordsJson.WriteEndObject();
        wordsJson.Flush();
        files.Insert(0, ($"{WriteSearchIndex.Folder}/words/{key}.json", [words.ToArray()]));
        return files;
    }

    private static readonly byte[] Opening = "{"u8.ToArray(), Closing = "}"u8.ToArray();

    /// <summary><c>"word":[step, score, sections, …]</c>: the pages in order, each as the step from the one before, with
    /// the word's score there and the sections it stands in (<see cref="PageSearch.Sections"/>).</summary>
    private static byte[] PostingsJson(string term, List<(int Page, int Score, int Sections)> list)
    {
        var bytes = _buffer ??= new ArrayBufferWriter<byte>(4096);
        bytes.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(bytes, Writer))
        {
            json.WriteStartObject();
            json.WriteStartArray(term);
            var previous = 0;
            foreach (var (page, score, sections) in Best(list))
            {
                json.WriteNumberValue(page - previous);
                json.WriteNumberValue(score);
                json.WriteNumberValue(sections);
                previous = page;
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return bytes.WrittenSpan[1..^1].ToArray(); // without the braces around it
    }

    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer; // words' postings are made in parallel

    /// <summary>The <see cref="MaxPostings"/> best-scoring pages of a word, in page order: by counting the scores
    /// (small whole numbers) rather than sorting, as the most common words are on nearly every page.</summary>
    private static IEnumerable<(int Page, int Score, int Sections)> Best(List<(int Page, int Score, int Sections)> list)
    {
        if (list.Count <= MaxPostings)
            return list;
        // Scores are hundredths below a few thousand: counted in an array, from the best down.
        var counts = new int[list.Max(p => p.Score) + 1];
        foreach (var (_, score, _) in list)
            counts[score]++;
        // The lowest score that still makes the cut, and how many pages with it do (the first ones, by page).
        var (threshold, taken) = (0, 0);
        for (var score = counts.Length - 1; score >= 0; score--)
        {
            if (counts[score] == 0)
                continue;
            threshold = score;
            if (taken + counts[score] >= MaxPostings)
                break;
            taken += counts[score];
        }
        var atThreshold = MaxPostings - taken;
        return list.Where(p => p.Score > threshold || (p.Score == threshold && atThreshold-- > 0)).ToList();
    }
}
