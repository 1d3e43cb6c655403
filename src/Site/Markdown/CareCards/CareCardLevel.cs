namespace Site.Markdown.CareCards;

/// <summary>The urgency levels of a care card, after the NHS.UK pattern, with the words that name each level.</summary>
public static class CareCardLevel
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["non-urgent"] = "Non-urgent advice",
        ["urgent"] = "Urgent advice",
        ["emergency"] = "Immediate action required",
    };

    public static IEnumerable<string> Names => Labels.Keys;

    /// <summary>The words shown before the card's heading, so the level never depends on colour.</summary>
    public static string? Label(string? name) => name != null && Labels.TryGetValue(name, out var label) ? label : null;
}
