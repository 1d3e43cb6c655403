using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Diagnostics;
using Site.Pipelines;
using Site.Yaml;
using YamlDotNet.RepresentationModel;

namespace Site.Content;

/// <summary>
/// A page started with <c>new</c> holds placeholder text (<see cref="PageScaffold.Marker"/>) until its writer
/// replaces it; such a page is not finished and must not be published. Looked for in the text of the page
/// (paragraphs, headings, list items, link text), not in code, where a writer may show the marker on purpose,
/// and in the front matter's text values.
/// </summary>
public sealed class CheckScaffoldText : DocumentModule
{
    /// <summary>How much of the placeholder the message quotes.</summary>
    private const int QuotedLength = 50;

    private const string Fix = "write the page's own text in its place";

    public override void Process(Document document, BuildContext context)
    {
        if (document.FrontMatterYaml is { } yaml)
            CheckFrontMatter(yaml, document, context);
        foreach (var block in document.Syntax!.Descendants<LeafBlock>())
        {
            if (block.Inline != null)
                CheckInlines(block.Inline, document, context);
        }
    }

    private static void CheckFrontMatter(YamlMappingNode yaml, Document document, BuildContext context)
    {
        foreach (var field in FrontMatterSchema.Fields)
        {
            var value = Value(yaml, field.Key);
            if (field.Kind == FieldKind.Text)
                CheckValue(value, field, $"'{field.Key}'", document, context);
            else if (field.Kind == FieldKind.Sources && value is YamlSequenceNode sources)
            {
                foreach (var source in sources.Children.OfType<YamlMappingNode>())
                    foreach (var sourceField in FrontMatterSchema.SourceFields)
                        CheckValue(Value(source, sourceField.Key), sourceField, $"the source's '{sourceField.Key}'", document, context);
            }
        }
    }

    private static YamlNode? Value(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static void CheckValue(YamlNode? node, FrontMatterField field, string what, Document document, BuildContext context)
    {
        if (node is not YamlScalarNode { Value: { } text })
            return;
        var at = text.IndexOf(PageScaffold.Marker, StringComparison.Ordinal);
        if (at < 0)
            return;
        context.Error(document, Codes.ScaffoldText, YamlText.Line(node, FrontMatterBlock.FirstYamlLine), (int)node.Start.Column,
            $"{what} still holds the new page's placeholder text {Quote(text, at)}",
            $"{Fix}: {char.ToLowerInvariant(field.Hint[0])}{field.Hint[1..]}");
    }

    /// <summary>Every placeholder in the text of <paramref name="container"/> and the containers in it (links, emphasis).</summary>
    private static void CheckInlines(ContainerInline container, Document document, BuildContext context)
    {
        // Markdig may split a run of text into several literals, so each run is joined before it is searched.
        var run = new StringBuilder();
        var literals = new List<(LiteralInline Literal, int Start)>();
        foreach (var inline in container)
        {
            if (inline is LiteralInline literal)
            {
                literals.Add((literal, run.Length));
                run.Append(literal.Content.AsSpan());
                continue;
            }
            Report(run, literals, document, context);
            if (inline is ContainerInline nested)
                CheckInlines(nested, document, context);
        }
        Report(run, literals, document, context);
    }

    private static void Report(StringBuilder run, List<(LiteralInline Literal, int Start)> literals, Document document, BuildContext context)
    {
        var text = run.ToString();
        for (var at = text.IndexOf(PageScaffold.Marker, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(PageScaffold.Marker, at + PageScaffold.Marker.Length, StringComparison.Ordinal))
        {
            var (literal, start) = literals.Last(l => l.Start <= at);
            context.Error(document, Codes.ScaffoldText, literal.Line + 1, literal.Column + 1 + at - start,
                $"the line still holds the new page's placeholder text {Quote(text, at)}", Fix);
        }
        run.Clear();
        literals.Clear();
    }

    /// <summary>The placeholder from its marker on, cut short, in quotes.</summary>
    private static string Quote(string text, int at)
    {
        var next = text.IndexOf(PageScaffold.Marker, at + PageScaffold.Marker.Length, StringComparison.Ordinal);
        var placeholder = text[at..(next < 0 ? text.Length : next)].Trim();
        return placeholder.Length <= QuotedLength ? $"'{placeholder}'" : $"'{placeholder[..QuotedLength].TrimEnd()}…'";
    }
}
