using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Content;
using Site.Diagnostics;
using Site.Markdown.Placeholders;
using Site.Pipelines;
using Site.Search;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Site.PlainWords;

/// <summary>
/// Warns where a page uses a word of <c>data/plain-words.yml</c>, in the words readers see: the title and the
/// description, headings, paragraphs, lists, tables and link text, never code or web addresses. A page's
/// <c>allow_words</c> lets words stand on it.
/// </summary>
public sealed class CheckPlainWords : DocumentModule
{
    /// <summary>The front matter's values that readers see on the page and in search results.</summary>
    public static readonly IReadOnlyList<string> ShownKeys = ["title", "description"];

    private PlainWordList _list = PlainWordList.Empty;

    public override IReadOnlyList<IProduct> Reads => [Products.PlainWords];

    public override void Prepare(IReadOnlyList<Document> documents, BuildContext context) =>
        _list = context.Get(Products.PlainWords);

    public override void Process(Document document, BuildContext context)
    {
        if (_list.Entries.Count == 0)
            return;
        var allowed = (document.FrontMatter?.AllowedWords ?? []).Select(PlainWordList.Normalize).ToHashSet(StringComparer.Ordinal);
        foreach (var run in Runs(document))
        {
            var text = run.Text;
            var words = Words.At(text);
            bool Joined(int i) => TextRun.OnlySpaces(text, words[i - 1].Start + words[i - 1].Word.Length, words[i].Start);
            foreach (var (entry, first) in _list.Find(words.ConvertAll(w => w.Word), Joined))
            {
                if (allowed.Contains(entry.Phrase))
                    continue;
                var (line, column) = TextPosition.Of(document.Text, run.SourceOf(words[first].Start));
                var choices = string.Join(" or ", entry.Choices.Select(c => $"'{c}'"));
                context.Warning(document, Codes.PlainWords, line, column, $"'{entry.Phrase}' has a plainer word: {choices}",
                    $"use {choices}, or, if '{entry.Phrase}' is the right word here, add it to allow_words in the front matter");
            }
        }
    }

    private static IEnumerable<TextRun> Runs(Document document)
    {
        if (document.FrontMatter != null && document.FrontMatterYaml is { } yaml)
            foreach (var run in FrontMatterRuns(yaml, document.Text))
                yield return run;
        if (document.Syntax == null)
            yield break;
        foreach (var block in document.Syntax.Descendants<LeafBlock>())
        {
            if (block.Inline == null)
                continue;
            var run = new TextRun();
            Collect(block.Inline, document.Text, run);
            yield return run;
        }
    }

    /// <summary>The page's own words in a block's inlines; link text counts, code, addresses and placeholders do not.</summary>
    private static void Collect(ContainerInline container, string source, TextRun run)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case PlaceholderInline:
                    run.AddGap();
                    break;
                case LiteralInline literal when PlaceInFile(literal, source) is var at && at >= 0:
                    run.Add(literal.Content.ToString(), at);
                    break;
                case LineBreakInline:
                    run.AddSpace();
                    break;
                case ContainerInline nested:
                    Collect(nested, source, run);
                    break;
                default:
                    // Code, autolinks, HTML, entities, and text the build put in the page (the warning signs).
                    run.AddGap();
                    break;
            }
        }
    }

    /// <summary>
    /// Where a literal's text stands as it is in the file, within the literal's span (a table cell's span holds the
    /// spaces around its text); -1 when it does not: then the words are not the writer's as written there.
    /// </summary>
    private static int PlaceInFile(LiteralInline literal, string source)
    {
        var (start, end) = (literal.Span.Start, Math.Min(literal.Span.End + 1, source.Length));
        if (start < 0 || end - start < literal.Content.Length)
            return -1;
        var at = source.AsSpan(start, end - start).IndexOf(literal.Content.AsSpan(), StringComparison.Ordinal);
        return at < 0 ? -1 : start + at;
    }

    /// <summary>The title and description, each with where its value stands in the file, from the front matter as
    /// <see cref="ParseFrontMatter"/> parsed it (its nodes' places count from the line after the opening '---').</summary>
    private static IEnumerable<TextRun> FrontMatterRuns(YamlMappingNode mapping, string text)
    {
        var yamlStart = text.IndexOf('\n') + 1;
        foreach (var key in ShownKeys)
        {
            if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) || node is not YamlScalarNode { Value: { } value } scalar)
                continue;
            var run = new TextRun();
            var start = yamlStart + (int)scalar.Start.Index + (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0);
            // A value written over several lines, or with escapes, is not its text letter for letter: its words are reported where it starts.
            var exact = start + value.Length <= text.Length && text.AsSpan(start, value.Length).SequenceEqual(value);
            run.Add(value, exact ? start : yamlStart + (int)scalar.Start.Index, exact);
            yield return run;
        }
    }
}
