using Site.Tests.Support;

namespace Site.Tests.Search.Evaluation;

/// <summary>
/// A word the site does not have may be a misspelt lay word of the synonyms ("ibuprofin" is ibuprofen, so
/// painkillers), but a word of everyday English is itself: "depressed" is no slip for "pressing" (pressure), a
/// massage "table" none for "tablets" (medicines), "warfare" none for warfarin. Run through the browser's engine
/// on the real site's search data; "depressed" and "conversation" are in the everyday words split by their third
/// letter (theme/assets/vendor/english/de.json, co.json).
/// </summary>
public sealed class SynonymSlipTests
{
    public static TheoryData<string, string> EverydayWords => new()
    {
        { "feel depressed after massage", "pressur" },
        { "conversation with my therapist", "worri" },
        { "sore from lying on the massage table", "medicin" },
        { "warfare", "thinner" },
        { "aspiring massage therapist", "thinner" },
        { "scars after massage", "worri" },
        { "knew it would hurt", "leg" },
    };

    public static TheoryData<string, string> Misspellings => new()
    {
        { "ibuprofin after massage", "painkil" },
        { "warfrin and massage", "thinner" },
        { "paracetemol for sore legs", "painkil" },
    };

    [Theory]
    [MemberData(nameof(EverydayWords))]
    public async Task An_everyday_word_is_no_slip_for_a_synonyms_lay_word(string query, string notMeant)
    {
        var answer = await Answer(query);
        Assert.DoesNotContain(notMeant, answer.Terms);
    }

    [Theory]
    [MemberData(nameof(Misspellings))]
    public async Task A_misspelt_lay_word_still_finds_its_synonym(string query, string meant)
    {
        var answer = await Answer(query);
        Assert.Contains(meant, answer.Terms);
    }

    private static async Task<QueryAnswer> Answer(string query)
    {
        var site = RealSite.Shared;
        Assert.True(site.ExitCode == 0, site.Log);
        return (await QueryRunner.RunAsync(site.Output, [query], results: 0)).Single();
    }
}
