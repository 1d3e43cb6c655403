using Fluid;
using Fluid.Ast;

namespace Site.Layout;

/// <summary>
/// The site addresses a layout writes as text, read from its parsed template: the literal inputs of
/// <c>relative_url</c> (<c>{{ 'contact/' | relative_url }}</c>), which the link check proves are pages or files.
/// </summary>
public sealed class LayoutAddresses : AstVisitor
{
    public const string Filter = "relative_url";
    private readonly List<string> _found = [];

    public static IReadOnlyList<string> Of(IFluidTemplate template)
    {
        var visitor = new LayoutAddresses();
        visitor.VisitTemplate(template);
        return visitor._found;
    }

    public override Expression Visit(Expression expression)
    {
        if (expression is FilterExpression { Name: Filter, Input: LiteralExpression literal })
            _found.Add(literal.Value.ToStringValue());
        return base.Visit(expression);
    }
}

/// <summary>An address a layout writes, with the line it is on.</summary>
public sealed record LayoutAddress(string LayoutFile, int Line, string Address);
