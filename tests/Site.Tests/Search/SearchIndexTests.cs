using System.Text.Json;
using Site.Search;
using Site.Tests.Support;

namespace Site.Tests.Search;

/// <summary>
/// The search data the build writes in pieces: each page's result record, the words files, the postings with
/// their scores, and meta.json with the synonyms, red flags and levels.
/// </summary>
public sealed class SearchIndexTests : IDisposable
{
    private readonly FixtureSite _site = new();

    public void Dispose() => _site.Dispose();

    private string Folder => Path.Combine(_site.Output, "assets", "search");

    private void Build()
    {
        var run = _site.Build();
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    private JsonElement Json(string relative) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, relative))).RootElement;

    /// <summary>Each page's number, by its URL: pages are numbered in URL order, their records' heads so many to a file.</summary>
    private Dictionary<string, int> Numbers() =>
        Directory.GetFiles(Path.Combine(Folder, "pages"))
            .SelectMany(f => Json(Path.Combine("pages", Path.GetFileName(f))).EnumerateArray().Select((r, i) =>
                (Url: r.GetProperty("url").GetString()!, Number: int.Parse(Path.GetFileNameWithoutExtension(f)) * PerFile + i)))
            .ToDictionary(p => p.Url, p => p.Number);

    private int PerFile => Json("meta.json").GetProperty("recordsPerFile").GetInt32();

    private int SectionsPerFile => Json("meta.json").GetProperty("sectionsPerFile").GetInt32();

    /// <summary>A page's record as the browser reads it: its head, and each section's blocks from the file of its
    /// head file's sections that holds them, counted from the first page's first section.</summary>
    private (JsonElement Head, List<Section> Sections) Record(int number)
    {
        var (group, heads) = (number / PerFile, Json($"pages/{number / PerFile}.json").EnumerateArray().ToList());
        var first = heads.Take(number % PerFile).Sum(h => h.GetProperty("sections").GetArrayLength());
        var head = heads[number % PerFile];
        var sections = head.GetProperty("sections").EnumerateArray().Select((s, i) => new Section(
            s[0].GetString()!, s[1].GetString()!,
            s.GetArrayLength() > 2 ? [.. s[2].EnumerateArray().Select(l => l.GetString()!)] : [],
            [.. Json($"text/{group}-{(first + i) / SectionsPerFile}.json")[(first + i) % SectionsPerFile].EnumerateArray().Select(b => b.GetString()!)])).ToList();
        return (head, sections);
    }

    private sealed record Section(string Id, string Heading, IReadOnlyList<string> Labels, IReadOnlyList<string> Blocks);

    private string RecordText(int number) => string.Join("\n", Record(number).Sections.Select(s => $"{s.Id}|{s.Heading}|{string.Join("/", s.Labels)}|{string.Join("/", s.Blocks)}"));

    /// <summary>A stem's score on each page (by URL), read as the browser reads it: words file, then its piece of
    /// postings, or the postings in the words file itself.</summary>
    private Dictionary<string, int> Scores(string stem)
    {
        var entry = Json($"words/{WriteSearchIndex.Key(stem)}.json").GetProperty(stem);
        var postings = entry[1].ValueKind == JsonValueKind.Array
            ? entry[1]
            : Json($"postings/{WriteSearchIndex.Key(stem)}-{entry[1].GetInt32()}.json").GetProperty(stem);
        var list = postings.EnumerateArray().Select(e => e.GetInt64()).ToList();
        var urls = Numbers().ToDictionary(p => p.Value, p => p.Key);
        var scores = new Dictionary<string, int>();
        for (int i = 0, page = 0; i < list.Count; i += 3)
            scores[urls[page += (int)list[i]]] = (int)list[i + 1];
        Assert.InRange(entry[0].GetInt32(), 1, scores.Count); // the words file counts the pages with the word as their own
        return scores;
    }

    [Fact]
    public void Each_page_has_a_record_of_its_sections_in_blocks_that_link_straight_to_them()
    {
        _site.WritePage("aftercare.md", FixtureSite.Page("Aftercare", "Rest well after a [massage](index.md).\n\n### Ice\n\n::: urgent\nCall now if:\n\n- your leg swells\n- it is hot\n:::"));
        Build();
        var (head, sections) = Record(Numbers()["/aftercare/"]);
        Assert.Equal("Aftercare", head.GetProperty("title").GetString());
        Assert.Equal(["", "pressure-feedback", "when-to-worry"], sections.Select(s => s.Id));
        Assert.Equal(["", "Pressure feedback", "When to worry"], sections.Select(s => s.Heading));
        // Each paragraph, heading and list item is a block of its own, so a snippet never runs one into the next;
        // link text stays and its address goes; a box's first block carries its level in words, and its section
        // names the box in its head.
        Assert.Equal(["Rest well after a massage.", "Ice", "Urgent advice: Call now if:", "your leg swells", "it is hot"], sections[0].Blocks);
        Assert.Equal([["Urgent advice"], [], []], sections.Select(s => s.Labels));
        Assert.Equal(["Call 999 if you have chest pain."], sections[2].Blocks); // placeholders replaced
    }

    /// <summary>A stem's postings on each page (by URL): its sections there, as the bits the build writes.</summary>
    private Dictionary<string, long> SectionBits(JsonElement postings)
    {
        var list = postings.EnumerateArray().Select(e => e.GetInt64()).ToList();
        var urls = Numbers().ToDictionary(p => p.Value, p => p.Key);
        var bits = new Dictionary<string, long>();
        for (int i = 0, page = 0; i < list.Count; i += 3)
            bits[urls[page += (int)list[i]]] = list[i + 2];
        return bits;
    }

    private JsonElement Postings(string stem)
    {
        var entry = Json($"words/{WriteSearchIndex.Key(stem)}.json").GetProperty(stem);
        return entry[1].ValueKind == JsonValueKind.Array ? entry[1] : Json($"postings/{WriteSearchIndex.Key(stem)}-{entry[1].GetInt32()}.json").GetProperty(stem);
    }

    [Fact]
    public void A_words_postings_name_the_sections_whose_blocks_have_it_and_each_sections_blocks_are_a_file_of_their_own()
    {
        _site.WritePage("aftercare.md", FixtureSite.Page("Aftercare", "Zebras graze.\n\n### Ice\n\n## Yaks\n\nNo such animal.\n\n## Later\n\nZebras and yaks again."));
        Build();
        var (_, sections) = Record(Numbers()["/aftercare/"]);
        Assert.Equal(["", "yaks", "later", "pressure-feedback", "when-to-worry"], sections.Select(s => s.Id));
        // Sections 0 and 2 have zebras in their blocks; the yaks of the heading are read from the head, so only section 2's count.
        Assert.Equal(0b101, SectionBits(Postings(Stemmer.Stem("zebras")))["/aftercare/"]);
        Assert.Equal(0b100, SectionBits(Postings(Stemmer.Stem("yaks")))["/aftercare/"]);
        Assert.Equal(1, SectionsPerFile); // a small site: a reader fetches the blocks of the sections shown only
        Assert.Equal(["Zebras and yaks again."], sections[2].Blocks);
    }

    [Fact]
    public void On_a_larger_site_a_file_of_blocks_holds_several_pages_sections_and_each_is_where_the_browser_looks()
    {
        // 200 pages: two heads to a file, ten sections to a file of blocks; the first page has more than ten.
        for (var n = 0; n < 200; n++)
            _site.WritePage($"p{n:000}.md", FixtureSite.Page($"Page {n}", $"Intro {n}.\n\n" + string.Concat(Enumerable.Range(0, n == 0 ? 12 : 1).Select(j => $"## Part {j}\n\nPart {j} of page {n}.\n\n"))));
        Build();
        Assert.Equal((2, 10), (PerFile, SectionsPerFile));
        foreach (var (url, number) in Numbers().Where(p => p.Key.StartsWith("/p", StringComparison.Ordinal)))
        {
            var n = int.Parse(url[2..^1]);
            var (_, sections) = Record(number);
            Assert.Equal([$"Intro {n}.", .. Enumerable.Range(0, n == 0 ? 12 : 1).Select(j => $"Part {j} of page {n}."), "Tell your therapist if it hurts.", "Call 999 if you have chest pain."],
                sections.Select(s => s.Blocks.Single()));
        }
        var files = Directory.GetFiles(Path.Combine(Folder, "text")).Length;
        Assert.True(files < 120, $"{files} files of blocks for 100 files of heads"); // most hold two whole pages
    }

    [Fact]
    public void Every_words_sections_on_the_real_site_are_the_sections_whose_blocks_have_it()
    {
        var real = RealSite.Shared;
        Assert.True(real.ExitCode == 0, real.Log);
        var folder = Path.Combine(real.Output, "assets", "search");
        JsonElement Read(string relative) => JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, relative))).RootElement;
        var meta = Read("meta.json");
        var sectionsPerFile = meta.GetProperty("sectionsPerFile").GetInt32();
        // Each page's stems of each section's blocks, as the build reads words: without stop words.
        var stems = new List<List<HashSet<string>>>();
        for (var f = 0; File.Exists(Path.Combine(folder, "pages", $"{f}.json")); f++)
        {
            var n = 0;
            foreach (var head in Read($"pages/{f}.json").EnumerateArray())
                stems.Add([.. head.GetProperty("sections").EnumerateArray().Select(_ => Read($"text/{f}-{n / sectionsPerFile}.json")[n++ % sectionsPerFile]
                    .EnumerateArray().SelectMany(b => Words.Of(b.GetString()!)).Where(w => !Words.StopWords.Contains(w)).Select(Stemmer.Stem).ToHashSet())]);
        }
        Assert.Equal(meta.GetProperty("pages").GetInt32(), stems.Count);
        var checkedBits = 0;
        foreach (var key in meta.GetProperty("keys").EnumerateArray().Select(k => k.GetString()!))
            foreach (var word in Read($"words/{key}.json").EnumerateObject())
            {
                var postings = word.Value[1].ValueKind == JsonValueKind.Array ? word.Value[1] : Read($"postings/{key}-{word.Value[1].GetInt32()}.json").GetProperty(word.Name);
                var list = postings.EnumerateArray().Select(e => e.GetInt64()).ToList();
                for (int i = 0, page = 0; i < list.Count; i += 3)
                {
                    page += (int)list[i];
                    var want = stems[page].Select((set, s) => set.Contains(word.Name) ? 1L << s : 0).Sum();
                    Assert.True(want == list[i + 2], $"'{word.Name}' on page {page}: sections {list[i + 2]}, its blocks say {want}");
                    checkedBits++;
                }
            }
        Assert.True(checkedBits > 1000, $"only {checkedBits} postings");
    }

    [Fact]
    public void The_home_pages_text_counts_less_than_the_same_text_on_a_page_about_it()
    {
        _site.WritePage("index.md", FixtureSite.Page("Home", "Zebras have stripes. Read about [zebras](zebra.md)."));
        _site.WritePage("zebra.md", FixtureSite.Page("Animals", "Zebras have stripes."));
        Build();
        var stripes = Scores(Stemmer.Stem("stripes"));
        Assert.True(stripes["/"] < stripes["/zebra/"], $"home {stripes["/"]} < page {stripes["/zebra/"]}");
    }

    [Fact]
    public void A_letter_with_few_postings_keeps_them_in_its_words_file_and_one_with_many_has_pieces_of_its_own()
    {
        // Forty pages with thirty words each that start with z: far more postings than fit in a words file.
        for (var n = 0; n < 40; n++)
            _site.WritePage($"z{n}.md", FixtureSite.Page($"Page {n}", string.Join(' ', Enumerable.Range(0, 30).Select(w => $"zork{w}x{n % 7}")) + ". Yaks are calm."));
        Build();
        var yak = Json($"words/{WriteSearchIndex.Key("yak")}.json").GetProperty("yak");
        Assert.Equal(JsonValueKind.Array, yak[1].ValueKind); // its postings, in place
        Assert.False(Directory.GetFiles(Path.Combine(Folder, "postings"), "y-*.json").Length > 0, "a small letter's postings have a file of their own too");
        var zork = Json("words/z.json").GetProperty("zork0x0");
        Assert.Equal(JsonValueKind.Number, zork[1].ValueKind); // the number of its piece
        Assert.True(File.Exists(Path.Combine(Folder, "postings", $"z-{zork[1].GetInt32()}.json")));
        Assert.Equal(40, Scores("yak").Count);
        Assert.Equal(6, Scores("zork0x0").Count); // pages 0, 7, 14, 21, 28, 35
    }

    [Fact]
    public void A_word_scores_most_in_a_title_then_a_heading_then_the_text_and_least_in_the_sections_every_page_has()
    {
        _site.WritePage("a.md", FixtureSite.Page("Zebra care", "Some words about stripes."));
        _site.WritePage("b.md", FixtureSite.Page("Other care", "## Zebra\n\nSome words about stripes."));
        _site.WritePage("c.md", FixtureSite.Page("More care", "Some words about a zebra."));
        _site.WritePage("d.md", FixtureSite.Page("Last care", "Some words about stripes.").Replace("Tell your therapist if it hurts.", "Tell your zebra if it hurts."));
        Build();
        var zebra = Scores(Stemmer.Stem("zebra"));
        Assert.True(zebra["/a/"] > zebra["/b/"] && zebra["/b/"] > zebra["/c/"] && zebra["/c/"] > zebra["/d/"],
            $"title {zebra["/a/"]} > heading {zebra["/b/"]} > text {zebra["/c/"]} > shared section {zebra["/d/"]}");
        Assert.Equal(["pressure-feedback", "when-to-worry"], Json("meta.json").GetProperty("sharedSections").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public void Words_are_stemmed_and_listed_by_their_first_letter_without_stop_words()
    {
        _site.WritePage("aftercare.md", FixtureSite.Page("Aftercare", "The bruising and the bruises fade.\n\n### Ice\n\nWrap ice in a towel."));
        Build();
        var bruise = Stemmer.Stem("bruising");
        Assert.Equal(bruise, Stemmer.Stem("bruises"));
        Assert.Contains("/aftercare/", Scores(bruise).Keys);
        Assert.False(Json("words/t.json").TryGetProperty("the", out _), "a stop word is indexed");
        var keys = Json("meta.json").GetProperty("keys").EnumerateArray().Select(k => k.GetString()!).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.All(keys, k => Assert.True(File.Exists(Path.Combine(Folder, "words", k + ".json")), $"words/{k}.json is missing"));
        Assert.Equal(Numbers().Count, Json("meta.json").GetProperty("pages").GetInt32());
    }

    [Fact]
    public void One_pages_new_text_changes_its_record_and_words_but_no_other_page()
    {
        Build();
        Assert.Contains("/assets/search/meta.json", File.ReadAllText(Path.Combine(_site.Output, "aftercare", "index.html")));
        var home = File.ReadAllText(Path.Combine(_site.Output, "index.html"));
        var homeRecord = RecordText(Numbers()["/"]);
        _site.WritePage("aftercare.md", FixtureSite.Page("Aftercare", "### Ice\n\nSomething quirky new."));
        Build();
        Assert.Contains("Something quirky new.", RecordText(Numbers()["/aftercare/"]));
        Assert.Contains("/aftercare/", Scores(Stemmer.Stem("quirky")).Keys);
        Assert.Equal(home, File.ReadAllText(Path.Combine(_site.Output, "index.html")));
        Assert.Equal(homeRecord, RecordText(Numbers()["/"]));
    }

    [Fact]
    public void A_synonym_that_points_nowhere_is_a_warning_at_its_line()
    {
        Directory.CreateDirectory(Path.Combine(_site.Input, "data"));
        File.WriteAllText(Path.Combine(_site.Input, "data", "synonyms.yml"), "# words\nwee: [chest]\nachy: [sore, aching]\n");
        var run = _site.Build();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("synonyms.yml:3:1: warning SITE024: 'achy' points to 'sore', which no page uses", run.Stderr);
        Assert.DoesNotContain("'wee' points", run.Stderr);
        Assert.Equal("chest", Json("meta.json").GetProperty("synonyms").GetProperty("wee")[0].GetString());
    }

    [Fact]
    public void Meta_names_the_readers_words_in_the_synonyms_that_a_page_has_too()
    {
        Directory.CreateDirectory(Path.Combine(_site.Input, "data"));
        File.WriteAllText(Path.Combine(_site.Input, "data", "synonyms.yml"), "wee: [chest]\nzebras: [chest]\nwarfarin: [chest]\n");
        _site.WritePage("zoo.md", FixtureSite.Page("Zoo", "A zebra has a chest."));
        Build();
        // The browser looks only these up on the pages: the others ("wee", "warfarin") are on none.
        Assert.Equal([Stemmer.Stem("zebras")], Json("meta.json").GetProperty("readerStemsOnSite").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public void A_malformed_synonyms_file_fails_the_build()
    {
        Directory.CreateDirectory(Path.Combine(_site.Input, "data"));
        File.WriteAllText(Path.Combine(_site.Input, "data", "synonyms.yml"), "wee:\n  nested: map\n");
        var run = _site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("synonyms.yml:1:1: error SITE005: the synonym 'wee' must name one or more words", run.Stderr);
    }

    [Fact]
    public void Every_page_but_the_search_page_is_in_the_search_data()
    {
        var real = RealSite.Shared;
        Assert.True(real.ExitCode == 0, real.Log);
        var folder = Path.Combine(real.Output, "assets", "search");
        var urls = Directory.GetFiles(Path.Combine(folder, "pages"))
            .SelectMany(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.EnumerateArray().Select(r => r.GetProperty("url").GetString()!))
            .ToList();
        var home = urls.MinBy(u => u.Length)!; // the site's base path
        // Every page's address below the home page ("" for the home page itself).
        var pages = real.ContentPages.Select(p => p[..^"index.html".Length]).ToList();
        // The search page lists the answers and answers nothing: a query for "search" must not lead to it.
        Assert.Contains("search/", pages);
        Assert.Equal(pages.Where(p => p != "search/").Order(StringComparer.Ordinal), urls.Select(u => u[home.Length..]).Order(StringComparer.Ordinal));
        var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "meta.json"))).RootElement;
        Assert.Equal(urls.Count, meta.GetProperty("pages").GetInt32());
    }

    [Fact]
    public void Red_flag_terms_and_stop_words_come_with_the_data()
    {
        var real = RealSite.Shared;
        Assert.True(real.ExitCode == 0, real.Log);
        var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(real.Output, "assets", "search", "meta.json"))).RootElement;
        var flags = meta.GetProperty("redFlags").EnumerateArray().ToList();
        var chest = flags.Single(f => f.GetProperty("terms").EnumerateArray().Any(t => t.GetString() == "chest pain"));
        Assert.Equal("emergency", chest.GetProperty("level").GetString());
        var leg = flags.Single(f => f.GetProperty("terms").EnumerateArray().Any(t => t.GetString() == "swollen leg"));
        Assert.Equal("urgent", leg.GetProperty("level").GetString());
        var emergency = meta.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "emergency");
        Assert.Contains("999", emergency.GetProperty("title").GetString());
        Assert.Equal(Words.StopWords.Order(StringComparer.Ordinal), meta.GetProperty("stopWords").EnumerateArray().Select(w => w.GetString()));
    }
}
