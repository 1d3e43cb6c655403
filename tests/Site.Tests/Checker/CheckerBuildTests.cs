using Site.Tests.Support;

namespace Site.Tests.Checker;

/// <summary>The checker's data is proved as part of every build of the real site, and of copies of it made unsafe.</summary>
public sealed class CheckerBuildTests : IDisposable
{
    private readonly TempFolder _root = new("site-checker-");

    public CheckerBuildTests()
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Input, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(Input, Path.GetRelativePath(RepoPaths.Input, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    private string Input => _root.Combine("input");
    private string Output => _root.Combine("output");
    private string CheckerFile => Path.Combine(Input, "data", "checker.yml");

    public void Dispose() => _root.Dispose();

    private BuildRun Build()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(["build", "--input", Input, "--theme", RepoPaths.Theme, "--output", Output, "--today", FixtureSite.Today], stdout, stderr);
        return new BuildRun(code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void The_build_reports_how_many_combinations_it_proved()
    {
        var real = RealSite.Shared;
        Assert.True(real.ExitCode == 0, real.Log);
        // 3 questions that can end in an emergency (yes, not sure), then swollen leg 3 × pee 7 (no; yes or not sure,
        // each with 3 about the muscles) × fever 3 × numbness 9 (no; yes or not sure, each with 4 about how it goes)
        // × pain 8 (severe; none; mild or not sure, each with 3 about getting worse) × bruising 3.
        Assert.Contains($"Symptom checker: {2 + 2 + 2 + 3 * 7 * 3 * 9 * 8 * 3:N0} combinations of answers checked against", real.Stdout);
    }

    [Fact]
    public void Unsafe_checker_data_fails_the_build_and_keeps_the_previous_site()
    {
        Assert.Equal(0, Build().ExitCode);
        var before = FixtureSite.Snapshot(Output);
        var text = File.ReadAllText(CheckerFile).Replace("{ id: \"severe\", text: \"It is severe\", level: urgent, signs: [\"your pain is severe\"] }", "{ id: \"severe\", text: \"It is severe\", level: self-care }");
        File.WriteAllText(CheckerFile, text);
        var run = Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"checker-scenarios\.yml:\d+:1: error SITE023: scenario 'Pain: it is severe' expects 'urgent', but the rules now give 'self-care'", run.Stderr);
        var after = FixtureSite.Snapshot(Output);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, f => Assert.True(f.Value.SequenceEqual(after[f.Key]), f.Key));
    }

    /// <summary>Answers that could both be true, with no order to choose by, leave a reader without one answer that fits.</summary>
    [Fact]
    public void Answers_that_can_both_be_true_without_an_order_fail_the_build_at_their_line()
    {
        var original = File.ReadAllText(CheckerFile);
        var text = original.Replace("    choose: first-that-fits\n", "");
        Assert.NotEqual(original, text);
        File.WriteAllText(CheckerFile, text);
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains("{ id: \"worse\", text: \"It is getting worse\"")) + 1;
        var run = Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Matches($@"checker\.yml:{line}:\d+: error SITE023: the question 'numbness-course' has 2 answers that call for care \(worse, day\)", run.Stderr);
        Assert.Contains("fix: add 'choose: first-that-fits' and list its answers from most to least urgent", run.Stderr);
    }

    /// <summary>A follow-up that would not be asked after "Not sure" breaks the rule that "Not sure" counts as yes.</summary>
    [Fact]
    public void A_follow_up_left_out_after_not_sure_fails_the_build_at_its_line()
    {
        var original = File.ReadAllText(CheckerFile);
        var text = original.Replace("ask_if: { question: dark-urine, answers: [\"yes\", not-sure] }", "ask_if: { question: dark-urine, answers: [\"yes\"] }");
        Assert.NotEqual(original, text);
        File.WriteAllText(CheckerFile, text);
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains("ask_if: { question: dark-urine")) + 1;
        var run = Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Matches($@"checker\.yml:{line}:\d+: error SITE023: ""Not sure"" counts as yes, so 'dark-urine-muscles' must also be asked", run.Stderr);
    }

    [Fact]
    public void A_level_linking_to_a_missing_page_fails_the_build()
    {
        var text = File.ReadAllText(CheckerFile).Replace("links: [aftercare.md, how-long-soreness-lasts.md]", "links: [after-care.md, how-long-soreness-lasts.md]");
        File.WriteAllText(CheckerFile, text);
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains("- id: self-care")) + 1;
        var run = Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"checker.yml:{line}:1: error SITE013: the level 'self-care' links to 'after-care.md', which is not a page", run.Stderr);
    }

    [Fact]
    public void A_level_with_another_care_card_than_its_own_fails_the_build()
    {
        var original = File.ReadAllText(CheckerFile);
        var text = original.Replace("    title: Contact a doctor, nurse or physiotherapist in the next few days\n    card: non-urgent", "    title: Contact a doctor, nurse or physiotherapist in the next few days\n    card: urgent");
        Assert.NotEqual(original, text);
        File.WriteAllText(CheckerFile, text);
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains("- id: clinician")) + 3;
        var run = Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"checker.yml:{line}:", run.Stderr);
        Assert.Contains("error SITE023: the level 'clinician' shows as a 'non-urgent' care card, not 'urgent'", run.Stderr);
        Assert.Contains("fix: write card: non-urgent", run.Stderr);
    }
}
