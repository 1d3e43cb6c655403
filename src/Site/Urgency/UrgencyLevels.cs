namespace Site.Urgency;

/// <summary>A kind of care card, after the NHS.UK pattern: its name (<c>::: urgent</c>, <c>care-card--urgent</c>) and the words shown before its heading.</summary>
/// <param name="Label">Shown before the card's heading with a colon, so the level never depends on colour. Each level has its own,
/// so a reader told to see a clinician never reads the same words as one told to look after themselves.</param>
public sealed record CareCardKind(string Id, string Label);

/// <summary>One urgency level: how worrying an answer or a search is, and the care card it shows as.</summary>
/// <param name="Rank">0 for the least urgent level, one more for each level above it.</param>
/// <param name="SearchNotice">Whether a search for one of its warning signs shows its card above the results.</param>
public sealed record UrgencyLevel(string Id, int Rank, CareCardKind Card, bool SearchNotice)
{
    public string Label => Card.Label;
}

/// <summary>
/// The urgency levels and care card kinds, defined here once. The symptom checker's data
/// (<c>input/data/checker.yml</c>) gives each level its words; the build checks it lists these levels, in this
/// order, each with its card. The browser scripts get the levels in the JSON the build writes for them
/// (the checker page's data and the search data), so they hold no list of their own.
/// </summary>
public static class UrgencyLevels
{
    public static readonly CareCardKind SelfCareCard = new("self-care", "Self-care");
    public static readonly CareCardKind NonUrgentCard = new("non-urgent", "Non-urgent advice");
    public static readonly CareCardKind UrgentCard = new("urgent", "Urgent advice");
    public static readonly CareCardKind EmergencyCard = new("emergency", "Immediate action required");

    /// <summary>The care card kinds, least urgent first: one for each level.</summary>
    public static readonly IReadOnlyList<CareCardKind> Cards = [SelfCareCard, NonUrgentCard, UrgentCard, EmergencyCard];

    /// <summary>The levels in order of urgency, least urgent first; each one's rank is its place in this list.</summary>
    public static readonly IReadOnlyList<UrgencyLevel> All =
    [
        new("self-care", 0, SelfCareCard, SearchNotice: false),
        new("clinician", 1, NonUrgentCard, SearchNotice: false),
        new("urgent", 2, UrgentCard, SearchNotice: true),
        new("emergency", 3, EmergencyCard, SearchNotice: true),
    ];

    /// <summary>Where nothing worrying was found: the checker starts from it, and it names no warning signs.</summary>
    public static UrgencyLevel LeastUrgent => All[0];

    /// <summary>The emergency: an answer at this level ends the checker at once.</summary>
    public static UrgencyLevel MostUrgent => All[^1];

    public static IEnumerable<string> Ids => All.Select(l => l.Id);

    public static UrgencyLevel? Find(string? id) => All.FirstOrDefault(l => l.Id == id);

    /// <summary>The level's rank, or -1 for a name that is not a level.</summary>
    public static int Rank(string? id) => Find(id)?.Rank ?? -1;

    public static CareCardKind? Card(string? id) => Cards.FirstOrDefault(c => c.Id == id);
}
