using System.Text;
using Markdig.Syntax.Inlines;

namespace Site.Markdown;

/// <summary>The words of inline markdown without its markup: link text stays, URLs and emphasis marks go.</summary>
public static class PlainText
{
    public static string Of(ContainerInline? inline)
    {
        var text = new StringBuilder();
        if (inline != null)
            Append(inline, text);
        return text.ToString();
    }

    public static void Append(ContainerInline container, StringBuilder text)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal: text.Append(literal.Content.AsSpan()); break; // not Append(object), which would box the slice and make a string of it
                case CodeInline code: text.Append(code.Content); break;
                case LineBreakInline: text.Append(' '); break;
                case ContainerInline nested: Append(nested, text); break;
            }
        }
    }
}
