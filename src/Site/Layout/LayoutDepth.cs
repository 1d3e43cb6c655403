using Fluid;
using Fluid.Ast;

namespace Site.Layout;

/// <summary>
/// How deeply a layout nests tags and expressions. Fluid parses and renders by recursion, so a layout nested
/// thousands deep would overflow the stack; layouts are parsed on a thread with room to spare, then refused
/// here when deeper than <see cref="Max"/>, so rendering on ordinary threads stays safe.
/// </summary>
public sealed class LayoutDepth : AstVisitor
{
    public const int Max = 32;
    // Room for the deepest layout a file within the size limit can hold.
    private const int LargeStack = 64 * 1024 * 1024;

    private int _depth;
    private int _deepest;

    public static int Of(IFluidTemplate template)
    {
        var visitor = new LayoutDepth();
        visitor.VisitTemplate(template);
        return visitor._deepest;
    }

    // Past the limit the answer is known; going further would only use stack.
    public override Statement Visit(Statement statement)
    {
        _deepest = Math.Max(_deepest, ++_depth);
        var visited = _depth > Max ? statement : base.Visit(statement);
        _depth--;
        return visited;
    }

    public override Expression Visit(Expression expression)
    {
        _deepest = Math.Max(_deepest, ++_depth);
        var visited = _depth > Max ? expression : base.Visit(expression);
        _depth--;
        return visited;
    }

    /// <summary>Runs <paramref name="work"/> on a thread with a large stack, for parsing input whose depth is not yet known.</summary>
    public static T OnLargeStack<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { result = work(); }
            catch (Exception e) { failure = e; }
        }, LargeStack);
        thread.Start();
        thread.Join();
        if (failure != null)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        return result;
    }
}
