using Deque.AxeCore.Commons;

namespace Site.Tests.Browser;

/// <summary>The accessibility rules every browser test checks against: WCAG 2.2 levels A and AA.</summary>
public static class AxeRules
{
    public static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        ResultTypes = [ResultType.Violations],
        Iframes = false,
    };
}
