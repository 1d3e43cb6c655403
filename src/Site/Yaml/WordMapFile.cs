using Site.Diagnostics;
using Site.Files;
using Site.Pipelines;
using YamlDotNet.RepresentationModel;

namespace Site.Yaml;

/// <summary>
/// A data file that maps each word or phrase to a list of others (<c>data/synonyms.yml</c>,
/// <c>data/plain-words.yml</c>): read, parsed and checked to be a mapping, with its values as lists.
/// </summary>
public static class WordMapFile
{
    /// <summary>The file's mapping; null when it is missing or its problems are reported.</summary>
    /// <param name="shape">What its lines must be, for the error when it is not a mapping.</param>
    public static YamlMappingNode? Read(BuildContext context, string relativePath, string shape, string example)
    {
        var source = context.Input.Find(relativePath);
        var display = context.Input.DisplayPathOf(relativePath);
        var text = source == null ? null : SourceText.Read(source, context.Diagnostics);
        if (text == null)
            return null;
        var root = YamlText.Parse(text, 1, display, context.Diagnostics);
        if (root is null or YamlMappingNode)
            return (YamlMappingNode?)root;
        context.Diagnostics.Error(Codes.InvalidValue, display, YamlText.Line(root, 1), (int)root.Start.Column, shape, example);
        return null;
    }

    /// <summary>A value as its list of texts, trimmed (a single text is a list of one); an empty text where an
    /// item is not a text, and no items where the value is neither.</summary>
    public static List<string> Values(YamlNode value) => value switch
    {
        YamlSequenceNode list => [.. list.Children.Select(c => (c as YamlScalarNode)?.Value?.Trim() ?? "")],
        YamlScalarNode scalar => [scalar.Value?.Trim() ?? ""],
        _ => [],
    };
}
