namespace Site.Tests.Admin;

/// <summary>
/// A page as the web editor (Sveltia CMS 0.221) saves it, byte for byte, and the values a writer types to make it.
/// Sveltia writes front matter with the `yaml` library (eemeli/yaml 2, src/lib/services/contents/file/format.js):
/// keys in the order of the config's fields, empty optional fields left out (<c>omit_empty_optional_fields</c>),
/// plain scalars unless YAML needs quotes and then single quotes, no line folding, lists as block sequences
/// indented under their key, a date as the datetime field stores it (plain YYYY-MM-DD), a number field's value as
/// a YAML integer, <c>---</c> lines around it, a blank line, the body and one newline. The browser test
/// (Browser/AdminEditorTests) saves these values in the real editor and compares the file with <see cref="Text"/>.
/// </summary>
public static class EditorWrittenPage
{
    /// <summary>The file name the editor makes from the title (the config's slug rule).</summary>
    public const string FileName = "ice-after-a-massage-when-it-helps.md";

    public const string Title = "Ice after a massage: when it helps";
    public const string Description = "What ice does for sore muscles after a massage, and when it's better to rest.";
    public const string Author = "Clinic editorial team";
    public const string Reviewer = "Dr Amy Clinician";
    public const string LastReviewed = "2026-11-01";
    public const string NextReview = "2027-10-31";

    public static readonly (string Title, string Publisher, string Year, string? Url)[] Sources =
    [
        ("Sprains and strains", "NHS", "2024", "https://www.nhs.uk/conditions/sprains-and-strains/"),
        ("#1 advice: rest first", "NICE", "2023", null),
    ];

    public static readonly string[] Tags = ["ice", "aftercare"];

    public const string Body = """
        Ice can ease soreness in the first day after a deep massage. Wrap it in a thin towel.

        ## Pressure feedback

        Tell your therapist if it hurts.

        ## When to worry

        Call {{ numbers.emergency }} if you have chest pain.
        """;

    /// <summary>The file the editor saves for these values.</summary>
    public static string Text => $"""
        ---
        title: 'Ice after a massage: when it helps'
        description: What ice does for sore muscles after a massage, and when it's better to rest.
        author: Clinic editorial team
        reviewed_by: Dr Amy Clinician
        last_reviewed: 2026-11-01
        next_review: 2027-10-31
        sources:
          - title: Sprains and strains
            publisher: NHS
            year: 2024
            url: https://www.nhs.uk/conditions/sprains-and-strains/
          - title: '#1 advice: rest first'
            publisher: NICE
            year: 2023
        tags:
          - ice
          - aftercare
        ---

        {Body}

        """.Replace("\r\n", "\n");
}
