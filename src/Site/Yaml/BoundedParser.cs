using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Site.Yaml;

/// <summary>
/// Passes YAML events through, refusing what could make loading them unbounded: anchors and aliases (a few
/// hundred bytes of aliases can stand for billions of nodes, or make one mapping key cost minutes to compare)
/// and nesting deeper than <see cref="MaxDepth"/> (the node tree is built by recursion). Site data never needs
/// either, so both are refused rather than counted.
/// </summary>
public sealed class BoundedParser(IParser inner) : IParser
{
    public const int MaxDepth = 32;

    private int _depth;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
            return false;
        switch (inner.Current)
        {
            case AnchorAlias alias:
                throw new YamlLimitException(alias, $"'*{alias.Value}' refers to an anchor; anchors and aliases are not allowed here",
                    "write the value out in full instead of '&name' and '*name'");
            case NodeEvent { Anchor.IsEmpty: false } node:
                throw new YamlLimitException(node, $"'&{node.Anchor}' sets an anchor; anchors and aliases are not allowed here",
                    "write the value out in full instead of '&name' and '*name'");
        }
        if (inner.Current is MappingStart or SequenceStart && ++_depth > MaxDepth)
            throw new YamlLimitException(inner.Current, $"lists and mappings are nested more than {MaxDepth} deep",
                "keep the data flat: a few levels of indentation are all the site's files use");
        if (inner.Current is MappingEnd or SequenceEnd)
            _depth--;
        return true;
    }
}

/// <summary>YAML that is well formed but breaks a limit of <see cref="BoundedParser"/>; reported like a syntax error, with its own fix.</summary>
public sealed class YamlLimitException(ParsingEvent at, string message, string hint) : YamlException(at.Start, at.End, message)
{
    public string Hint { get; } = hint;
}
