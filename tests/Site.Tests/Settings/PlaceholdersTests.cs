using Site.Settings;

namespace Site.Tests.Settings;

public sealed class PlaceholdersTests
{
    private static readonly Placeholders Values = new(new Dictionary<string, string> { ["numbers.emergency"] = "999", ["clinic.name"] = "<b>Clinic</b>" });

    [Theory]
    [InlineData("{{ numbers.emergency }} now", 23, "numbers.emergency")]
    [InlineData("{{numbers.emergency}}", 21, "numbers.emergency")]
    [InlineData("{{ \t x_1 }}", 11, "x_1")]
    [InlineData("{{ }}", 5, "")]
    [InlineData("{{ numbers emergency }}", 0, "")]
    [InlineData("{{ numbers.emergency", 0, "")]
    [InlineData("{ numbers.emergency }", 0, "")]
    public void A_placeholder_is_matched_at_the_start_of_text(string text, int length, string name)
    {
        Assert.Equal(length, Placeholders.Match(text, out var found));
        Assert.Equal(name, found);
    }

    [Fact]
    public void Expanding_puts_values_in_as_they_are_and_reports_unknown_names_where_they_are()
    {
        var unknown = new List<(int, string)>();
        var text = Values.Expand("Call {{ numbers.emergency }}, {{ clinic.name }} or {{ numbers.police }}.", (i, n) => unknown.Add((i, n)));
        Assert.Equal("Call 999, <b>Clinic</b> or {{ numbers.police }}.", text);
        Assert.Equal([(51, "numbers.police")], unknown); // the index in the text as written
    }
}
