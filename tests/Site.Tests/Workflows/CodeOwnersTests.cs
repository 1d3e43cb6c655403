using Site.Diagnostics;
using Site.Settings;
using Site.Tests.Support;

namespace Site.Tests.Workflows;

/// <summary>
/// .github/CODEOWNERS asks the clinical reviewer to review the advice and the checker, and the maintainers the code,
/// with the same team names as <c>owners</c> in site.yml (which CONTRIBUTING tells writers about).
/// </summary>
public sealed class CodeOwnersTests
{
    private static readonly IReadOnlyList<(string Pattern, string[] Owners)> Rules = File.ReadAllLines(Path.Combine(RepoPaths.Root, ".github", "CODEOWNERS"))
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(p => (p[0], p[1..]))
        .ToList();

    private static readonly Owners Owners = SiteSettingsLoader.Load(RepoPaths.Input, new DiagnosticBag())!.Owners!;

    /// <summary>Who owns a path: GitHub's rule, the last pattern that matches (the patterns used here: *, /folder/, /file).</summary>
    private static string[] OwnersOf(string path) => Rules.Last(r =>
        r.Pattern == "*" || (r.Pattern.EndsWith('/') ? ("/" + path).StartsWith(r.Pattern, StringComparison.Ordinal) : "/" + path == r.Pattern)).Owners;

    [Theory]
    [InlineData("input/aftercare.md")]
    [InlineData("input/data/checker.yml")]
    [InlineData("input/data/checker-scenarios.yml")]
    [InlineData("input/data/synonyms.yml")]
    public void The_clinical_reviewer_owns_the_advice_and_the_checker(string path) =>
        Assert.Contains(Owners.Clinical, OwnersOf(path));

    [Theory]
    [InlineData("src/Site/Program.cs")]
    [InlineData("theme/layouts/page.liquid")]
    [InlineData(".github/workflows/pull-request.yml")]
    [InlineData("test.sh")]
    public void The_maintainers_own_the_code(string path)
    {
        Assert.Contains(Owners.Maintainers, OwnersOf(path));
        Assert.DoesNotContain(Owners.Clinical, OwnersOf(path));
    }

    [Fact]
    public void Every_owner_named_is_one_of_the_teams_in_site_yml() =>
        Assert.All(Rules.SelectMany(r => r.Owners), o => Assert.Contains(o, new[] { Owners.Clinical, Owners.Maintainers }));
}
