namespace Site.Tests.Support;

/// <summary>Gives a fixture site the real symptom checker's data and the pages its levels link to.</summary>
public static class CheckerFixture
{
    public static void Add(FixtureSite site, Func<string, string>? editChecker = null)
    {
        var data = Path.Combine(site.Input, "data");
        Directory.CreateDirectory(data);
        var checker = File.ReadAllText(Path.Combine(RepoPaths.Input, "data", "checker.yml"));
        File.WriteAllText(Path.Combine(data, "checker.yml"), editChecker?.Invoke(checker) ?? checker);
        File.Copy(Path.Combine(RepoPaths.Input, "data", "checker-scenarios.yml"), Path.Combine(data, "checker-scenarios.yml"), overwrite: true);
        site.WritePage("when-to-worry.md", FixtureSite.Page("When to worry"));
        site.WritePage("how-long-soreness-lasts.md", FixtureSite.Page("How long soreness lasts"));
    }
}
