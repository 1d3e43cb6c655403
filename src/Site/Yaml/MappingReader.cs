using System.Globalization;
using Site.Content;
using Site.Diagnostics;
using Site.Settings;
using YamlDotNet.RepresentationModel;

namespace Site.Yaml;

/// <summary>
/// Reads typed values out of a YAML mapping and reports, with the file and line, every key that is
/// missing, unknown or of the wrong form; the caller states which keys it knows. Given the site's placeholders,
/// it puts their values into text values, after parsing, so a value can never change the YAML's structure.
/// </summary>
public sealed class MappingReader
{
    private readonly YamlMappingNode _node;
    private readonly int _firstLine;
    private readonly string _file;
    private readonly DiagnosticBag _diagnostics;
    private readonly string _what;
    private readonly Shared _shared;

    private MappingReader(YamlMappingNode node, int firstLine, string file, DiagnosticBag diagnostics, string what, Shared shared)
    {
        _node = node;
        _firstLine = firstLine;
        _file = file;
        _diagnostics = diagnostics;
        _what = what;
        _shared = shared;
    }

    // Shared by a reader and the readers of its nested mappings, so the top level knows if anything failed.
    private sealed class ErrorTally { public int Count; }

    /// <param name="Source">The YAML text the nodes came from, to point at an unknown placeholder inside a value.</param>
    private sealed record Shared(ErrorTally Tally, Placeholders? Placeholders, string? Source);

    /// <summary>Errors reported by this reader and every reader nested in it.</summary>
    public int ErrorCount => _shared.Tally.Count;
    public int Line => YamlText.Line(_node, _firstLine);

    /// <param name="placeholders">Values to put in place of <c>{{ name }}</c> in text values; none when null.</param>
    /// <param name="source">The YAML text, so an unknown placeholder is reported where it is written.</param>
    public static MappingReader? From(YamlNode? node, int firstLine, string file, DiagnosticBag diagnostics, string what, int lineIfMissing,
        Placeholders? placeholders = null, string? source = null)
    {
        if (node is YamlMappingNode mapping)
            return new MappingReader(mapping, firstLine, file, diagnostics, what, new Shared(new ErrorTally(), placeholders, source));
        var line = node == null ? lineIfMissing : YamlText.Line(node, firstLine);
        diagnostics.Error(Codes.InvalidValue, file, line, 1, $"{what} must be a set of 'key: value' lines",
            "write one 'key: value' pair per line");
        return null;
    }

    public void Error(string code, YamlNode at, string message, string? hint = null)
    {
        _shared.Tally.Count++;
        _diagnostics.Error(code, _file, YamlText.Line(at, _firstLine), (int)at.Start.Column, message, hint);
    }

    public void Warning(string code, YamlNode at, string message, string? hint = null) =>
        _diagnostics.Warning(code, _file, YamlText.Line(at, _firstLine), (int)at.Start.Column, message, hint);

    /// <summary>Reports keys that are not in <paramref name="known"/>, naming the known ones as the fix.</summary>
    public void RejectUnknownKeys(params string[] known)
    {
        foreach (var key in _node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                var near = known.FirstOrDefault(k => string.Equals(k, name.Replace('-', '_'), StringComparison.OrdinalIgnoreCase));
                Error(Codes.UnknownKey, key, $"unknown key '{name}' in {_what}",
                    near != null ? $"did you mean '{near}'?" : $"use only: {string.Join(", ", known)}");
            }
        }
    }

    public YamlNode? Node(string key, bool required, string example)
    {
        if (_node.Children.TryGetValue(new YamlScalarNode(key), out var value))
            return value;
        if (required)
        {
            _shared.Tally.Count++;
            _diagnostics.Error(Codes.MissingKey, _file, Line, (int)_node.Start.Column, $"{_what} has no '{key}'", $"add a line '{key}: {example}'");
        }
        return null;
    }

    public string? String(string key, bool required, string example)
    {
        var node = Node(key, required, example);
        if (node == null)
            return null;
        if (node is YamlScalarNode { Value: { } text } && text.Trim().Length > 0)
            return Expand(node, text.Trim());
        Error(Codes.InvalidValue, node, $"'{key}' must be a non-empty text", $"write it as '{key}: {example}'");
        return null;
    }

    /// <summary>A text value with the placeholders' values in it, reporting names that are not placeholders.</summary>
    private string Expand(YamlNode node, string text)
    {
        if (_shared.Placeholders is not { } placeholders)
            return text;
        return placeholders.Expand(text, (_, name) =>
        {
            _shared.Tally.Count++;
            var (line, column) = PlaceholderPosition(node, name);
            _diagnostics.Error(Codes.UnknownPlaceholder, _file, line, column, $"unknown placeholder '{name}'", placeholders.Known);
        });
    }

    /// <summary>Where the placeholder is written in the file; the start of the value when the text is not at hand.</summary>
    private (int Line, int Column) PlaceholderPosition(YamlNode node, string name)
    {
        var source = _shared.Source;
        var start = (int)Math.Min(node.Start.Index, int.MaxValue);
        var end = (int)Math.Min(node.End.Index, source?.Length ?? 0);
        for (var i = start; source != null && i < end; i++)
        {
            if (source[i] == '{' && Placeholders.Match(source.AsSpan(i, end - i), out var found) > 0 && found == name)
            {
                var (line, column) = TextPosition.Of(source, i);
                return (line + _firstLine - 1, column);
            }
        }
        return (YamlText.Line(node, _firstLine), (int)node.Start.Column);
    }

    public DateOnly? Date(string key, bool required)
    {
        var node = Node(key, required, "2026-01-31");
        if (node == null)
            return null;
        if (node is YamlScalarNode { Value: { } text } &&
            DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        Error(Codes.InvalidValue, node, $"'{key}' must be a date written YYYY-MM-DD", $"for example '{key}: 2026-01-31'");
        return null;
    }

    public int? Integer(string key, bool required, string example)
    {
        var node = Node(key, required, example);
        if (node == null)
            return null;
        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return value;
        Error(Codes.InvalidValue, node, $"'{key}' must be a whole number", $"for example '{key}: {example}'");
        return null;
    }

    public YamlSequenceNode? Sequence(string key, bool required, string example)
    {
        var node = Node(key, required, example);
        if (node == null)
            return null;
        if (node is YamlSequenceNode sequence)
            return sequence;
        Error(Codes.InvalidValue, node, $"'{key}' must be a list", $"write each item on its own line starting with '- ', for example: {example}");
        return null;
    }

    /// <summary>An optional list of words or phrases; empty when the key is missing.</summary>
    public List<string> Strings(string key, string example) => [.. StringItems(key, example).Select(i => i.Value)];

    /// <summary>The same list, each value with its node, for a caller that checks the values further at their lines.</summary>
    public IEnumerable<(YamlNode Node, string Value)> StringItems(string key, string example)
    {
        foreach (var item in Sequence(key, false, example)?.Children ?? [])
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } value })
                yield return (item, Expand(item, value));
            else
                Error(Codes.InvalidValue, item, $"each item of '{key}' must be a word or phrase");
        }
    }

    public MappingReader? Mapping(string key, bool required, string what)
    {
        var node = Node(key, required, "(indented keys below)");
        if (node == null)
            return null;
        if (node is YamlMappingNode mapping)
            return new MappingReader(mapping, _firstLine, _file, _diagnostics, what, _shared);
        Error(Codes.InvalidValue, node, $"'{key}' must be a set of indented 'key: value' lines");
        return null;
    }

    public MappingReader? Item(YamlNode item, string what)
    {
        if (item is YamlMappingNode mapping)
            return new MappingReader(mapping, _firstLine, _file, _diagnostics, what, _shared);
        Error(Codes.InvalidValue, item, $"each item of {what} must be a set of 'key: value' lines");
        return null;
    }
}
