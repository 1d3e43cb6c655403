using Site.Diagnostics;
using Site.Pipelines;
using Site.Yaml;
using YamlDotNet.RepresentationModel;

namespace Site.Search;

/// <summary>
/// Everyday words readers type, mapped to the words the pages use (<c>pee: [urine]</c>), from
/// <c>data/synonyms.yml</c>. Search treats either side as the other.
/// </summary>
public sealed record Synonyms(IReadOnlyList<SynonymEntry> Entries)
{
    public const string RelativePath = "data/synonyms.yml";

    /// <summary>Every single word the synonyms point to, which pages note when they use them.</summary>
    public IReadOnlySet<string> TargetWords { get; } = Entries.SelectMany(e => e.Targets).SelectMany(t => t.Split(' ')).ToHashSet(StringComparer.Ordinal);

    public static Synonyms Read(BuildContext context)
    {
        var entries = new List<SynonymEntry>();
        var display = context.Input.DisplayPathOf(RelativePath);
        var mapping = WordMapFile.Read(context, RelativePath, "the synonyms must be 'word: [words the pages use]' lines", "for example 'pee: [urine]'");
        if (mapping == null)
            return new Synonyms(entries);
        foreach (var (key, value) in mapping.Children)
        {
            var word = (key as YamlScalarNode)?.Value?.Trim().ToLowerInvariant() ?? "";
            var targets = WordMapFile.Values(value).ConvertAll(t => t.ToLowerInvariant());
            if (word.Length == 0 || targets.Count == 0 || targets.Any(t => t.Length == 0))
            {
                context.Diagnostics.Error(Codes.InvalidValue, display, YamlText.Line(key, 1), (int)key.Start.Column,
                    $"the synonym '{word}' must name one or more words the pages use", $"for example '{(word.Length > 0 ? word : "pee")}: [urine]'");
                continue;
            }
            entries.Add(new SynonymEntry(word, targets, YamlText.Line(key, 1), (int)key.Start.Column));
        }
        return new Synonyms(entries);
    }
}

public sealed record SynonymEntry(string Word, IReadOnlyList<string> Targets, int Line, int Column);
