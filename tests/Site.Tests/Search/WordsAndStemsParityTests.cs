using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jint;
using Jint.Native;
using Site.Search;
using Site.Tests.Support;
using Xunit.Abstractions;

namespace Site.Tests.Search;

/// <summary>
/// The build's words and stems (<see cref="Words"/>, <see cref="Stemmer"/>: Lucene.NET's Snowball English) and the
/// browser's (theme/assets/search/words.js with the vendored npm snowball-stemmers) agree: the same words for every
/// page and for awkward text, and the same stem for every word of the site's pages and of a 274,000-word English
/// list. The browser's code runs in Jint, and in Node, whose V8 is Chrome's engine: Jint lower-cases and matches
/// \p{L} through .NET, so only a real engine shows where a browser's own Unicode rules differ (as for final sigma),
/// and it stems the whole list in seconds where Jint takes minutes.
/// </summary>
public sealed class WordsAndStemsParityTests(ITestOutputHelper output)
{
    private static readonly string Assets = Path.Combine(RepoPaths.Theme, "assets");
    private static readonly string Vendored = Path.Combine(Assets, "vendor", "snowball-english.js");
    private static readonly string WordList = Path.Combine(RepoPaths.Root, "node_modules", "word-list", "words.txt");

    /// <summary>Text that trips splitters: curly quotes, hyphens, possessives, numbers, accents, emoji, other scripts.</summary>
    public static readonly string[] Awkward =
    [
        "Don’t press on the DVT's area; call 999 or 111 — the ‘urgent’ line.",
        "patients' rock'n'roll 'quoted' ''x'' ' '' o'clock ’tis",
        "well-being, follow-up; e-mail/post 24h 1st 2nd 3.5 10,000 £20 50% #3 @clinic",
        "Café, naïve, RÉSUMÉ, coöperate, Œdema, Æsthetic, straße, STRASSE, ﬁnest, Ǆemal",
        "ΟΔΟΣ σοφός; Σ; İstanbul, ıi; ясно ЯСНО; 東京 ١٢٣ ४२",
        "emoji 😀 in 👍🏽words, flags 🇬🇧, zwj 👩‍⚕️ nurse, ❤️ heart",
        "math 𝐀𝐛𝐜 and 𝟏𝟐 digits, Deseret 𐐀𐐨",
        "tabs\tand\nnew lines\r\nnbsp\u00a0here, soft\u00adhyphen, zero\u200bwidth",
        "decomposed cafe\u0301 and e\u0308",
        "", "   ", "'", "’‘", "...",
    ];

    /// <summary>The text of every page of the site, without its front matter.</summary>
    private static List<(string Page, string Text)> Pages()
    {
        var pages = Directory.EnumerateFiles(RepoPaths.Input, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(RepoPaths.Input, f), Body(File.ReadAllText(f)))).ToList();
        Assert.True(pages.Count >= 10, $"only {pages.Count} pages in input/");
        return pages;
    }

    private static string Body(string text)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
            return text;
        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        return end < 0 ? text : text[(end + 5)..];
    }

    private static (Engine Engine, JsValue Words, JsValue Stem) Browser()
    {
        Assert.True(File.Exists(Vendored), $"{Vendored} is missing: building src/Site writes it (see Site.csproj)");
        var engine = new Engine(options => options.EnableModules(Assets));
        var module = engine.Modules.Import("./search/words.js");
        return (engine, module.Get("words"), module.Get("stem"));
    }

    private static List<string> JsWords(Engine engine, JsValue words, string text) =>
        engine.Invoke(words, text).AsArray().Select(w => w.AsString()).ToList();

    /// <summary>Every word of the site's pages and of the awkward texts.</summary>
    private static HashSet<string> SiteWords() =>
        Pages().SelectMany(p => Words.Of(p.Text)).Concat(Awkward.SelectMany(Words.Of)).ToHashSet(StringComparer.Ordinal);

    private static List<string> ListWords()
    {
        Assert.True(File.Exists(WordList), $"{WordList} is missing: run npm ci (npm word-list is a devDependency)");
        var words = File.ReadLines(WordList).Where(w => w.Length > 0).ToList();
        Assert.True(words.Count > 270_000, $"the word list has only {words.Count} words");
        return words;
    }

    private static List<(string Word, string Build, string Browser)> Differences(IEnumerable<string> words, IEnumerable<string> browserStems) =>
        words.Zip(browserStems, (w, b) => (w, Stemmer.Stem(w), b)).Where(s => s.Item2 != s.b).ToList();

    private static string Describe(List<(string Word, string Build, string Browser)> differ) =>
        $"{differ.Count} words stem differently (word: build / browser): " + string.Join(", ", differ.Take(30).Select(d => $"{d.Word}: {d.Build} / {d.Browser}"));

    [Fact]
    public void Every_word_of_the_site_and_50000_of_the_word_list_have_the_same_stem_in_the_build_and_in_Jint()
    {
        // Jint interprets the stemmer at about 0.6 ms a word, so it takes 50,000 words spread evenly over the list,
        // in two engines side by side; the V8 test below takes all of them.
        var site = SiteWords();
        site.UnionWith(Stemmer.Forms.Keys); // the irregular forms, which both sides must turn into their words alike
        var list = ListWords();
        var sample = Enumerable.Range(0, 50_000).Select(k => list[(int)((long)k * list.Count / 50_000)]).ToList();
        var words = site.Concat(sample).Distinct(StringComparer.Ordinal).ToList();
        var clock = Stopwatch.StartNew();
        var browser = words.Chunk(words.Count / 2 + 1).AsParallel().AsOrdered().SelectMany(chunk =>
        {
            var (engine, _, stem) = Browser();
            return chunk.Select(w => engine.Invoke(stem, w).AsString()).ToList();
        }).ToList();
        var differ = Differences(words, browser);
        output.WriteLine($"Jint: compared the stems of {words.Count:N0} distinct words ({site.Count:N0} of the site's pages and the "
            + $"awkward texts, {sample.Count:N0} of npm word-list) in {clock.Elapsed.TotalSeconds:0.0} s: {differ.Count} differ");
        Assert.True(differ.Count == 0, Describe(differ));
        // The comparison means something only if stemming changes words: most of the list's words lose a suffix.
        Assert.True(words.Count(w => Stemmer.Stem(w) != w) > words.Count / 2);
    }

    [Fact]
    public void Every_page_and_every_awkward_text_splits_into_the_same_words_in_the_build_and_the_browser()
    {
        var (engine, words, _) = Browser();
        var texts = Pages().Select(p => (p.Page, p.Text)).Concat(Awkward.Select((t, i) => ($"awkward text {i}", t))).ToList();
        var count = 0;
        foreach (var (name, text) in texts)
        {
            var (build, browser) = (Words.Of(text), JsWords(engine, words, text));
            Assert.True(build.SequenceEqual(browser), $"{name} splits differently: build [{string.Join(" ", build)}] / browser [{string.Join(" ", browser)}]");
            count += build.Count;
        }
        output.WriteLine($"compared the words of {texts.Count} texts: {count:N0} words");
        Assert.True(count > 5000, $"only {count} words in the site's pages");
    }

    [Fact]
    public async Task In_V8_the_browser_stems_every_word_and_splits_every_text_as_the_build_does()
    {
        // Texts: every code point of the Latin, Greek, Cyrillic, punctuation, letterlike, mathematical and emoji
        // blocks, alone and between capitals (for final sigma), the awkward texts and the pages. Blocks that Unicode
        // still adds letters to (such as Cyrillic Extended-C) would differ with the browser's Unicode version, so
        // they are left out.
        var ranges = new[] { (0x0000, 0x052F), (0x1E00, 0x1FFF), (0x2000, 0x214F), (0xFB00, 0xFB4F), (0x1D400, 0x1D7FF), (0x1F300, 0x1FAFF) };
        var texts = ranges.SelectMany(r => Enumerable.Range(r.Item1, r.Item2 - r.Item1 + 1))
            .Select(char.ConvertFromUtf32).SelectMany(c => new[] { c, "A" + c + "Σ", "ΟΔ" + c })
            .Concat(Awkward).Concat(Pages().Select(p => p.Text)).ToList();
        var site = SiteWords();
        var words = site.Concat(ListWords()).Distinct(StringComparer.Ordinal).ToList();

        // A copy of the two modules in a folder of its own, marked as ES modules for Node without touching the theme.
        using var folder = new TempFolder("site-words-");
        Directory.CreateDirectory(folder.Combine("search"));
        Directory.CreateDirectory(folder.Combine("vendor"));
        File.Copy(Path.Combine(Assets, "search", "words.js"), folder.Combine("search", "words.js"));
        File.Copy(Vendored, folder.Combine("vendor", "snowball-english.js"));
        File.WriteAllText(folder.Combine("package.json"), """{ "type": "module" }""");
        File.WriteAllText(folder.Combine("in.json"), JsonSerializer.Serialize(new { texts, words }));
        File.WriteAllText(folder.Combine("run.js"), """
            import { readFileSync, writeFileSync } from 'node:fs';
            import { words, stem } from './search/words.js';
            const input = JSON.parse(readFileSync('in.json', 'utf8'));
            writeFileSync('out.json', JSON.stringify({ texts: input.texts.map(words), words: input.words.map(stem) }));
            process.stdout.write(process.version);
            """);
        var run = await ExternalProcess.RunAsync(ExternalProcess.Start("node", ["run.js"], folder.Path), TimeSpan.FromMinutes(2),
            "Install Node.js 20 or later (see README.md).");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var browser = JsonSerializer.Deserialize<BrowserOutput>(File.ReadAllText(folder.Combine("out.json")))!;

        var split = texts.Zip(browser.Texts).Where(t => !Words.Of(t.First).SequenceEqual(t.Second)).ToList();
        var differ = Differences(words, browser.Words);
        output.WriteLine($"Node {run.Stdout}: compared the words of {texts.Count:N0} texts ({split.Count} differ) and the stems of "
            + $"{words.Count:N0} distinct words ({site.Count:N0} of the site and the awkward texts, the rest npm word-list; {differ.Count} differ) in {run.Elapsed.TotalSeconds:0.0} s");
        Assert.True(split.Count == 0, $"{split.Count} texts split differently (text: build / browser): "
            + string.Join(", ", split.Take(20).Select(d => $"{Escape(d.First)}: [{string.Join(" ", Words.Of(d.First))}] / [{string.Join(" ", d.Second)}]")));
        Assert.Equal(words.Count, browser.Words.Count);
        Assert.True(differ.Count == 0, Describe(differ));
    }

    private sealed record BrowserOutput(
        [property: JsonPropertyName("texts")] List<List<string>> Texts,
        [property: JsonPropertyName("words")] List<string> Words);

    private static string Escape(string text) => string.Concat(text.Take(40).Select(c => c < 0x7f && c >= 0x20 ? c.ToString() : $"\\u{(int)c:X4}"));
}
