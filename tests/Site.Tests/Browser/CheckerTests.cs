using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Site.Checker;
using Site.Content;
using Site.Diagnostics;
using Site.Settings;
using Site.Tests.Support;
using Site.Urgency;
using Xunit.Abstractions;

namespace Site.Tests.Browser;

/// <summary>
/// The symptom checker on the real built page, in Chromium: a path to each level, "Not sure", an emergency
/// answer, Back, Change my answers, Start again, keyboard only, axe on each step, the no-JavaScript list,
/// and nothing stored or sent. What each path should give comes from the C# rules (CheckerFlow.Step) and
/// the checker's data, so the tests follow the data when writers change it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CheckerTests(BrowserFixture site, ITestOutputHelper output)
{
    private const string CheckerPage = "symptom-checker/";

    private static readonly CheckerData Data = LoadData();
    private static readonly SiteSettings Settings = SiteSettingsLoader.Load(RepoPaths.Input, new DiagnosticBag())
        ?? throw new InvalidOperationException("input/site.yml did not load");

    private static CheckerData LoadData()
    {
        var diagnostics = new DiagnosticBag();
        var data = CheckerDataReader.Read(File.ReadAllText(Path.Combine(RepoPaths.Input, "data", "checker.yml")), "checker.yml", diagnostics);
        return data ?? throw new InvalidOperationException("checker.yml did not load:\n" + string.Join("\n", diagnostics.Sorted()));
    }

    private static List<CheckerQuestion> QuestionList => [.. Data.Questions];

    // ---- The paths, worked out on the C# side ----

    /// <summary>A way through the checker: each question asked, in order, with the answer given.</summary>
    private sealed class Way : List<(CheckerQuestion Question, CheckerAnswer Answer)>
    {
        public Way() { }

        public Way(IEnumerable<(CheckerQuestion Question, CheckerAnswer Answer)> steps) : base(steps) { }

        public Way Until(int count) => new(this.Take(count));
    }

    private static CheckerAnswer Calmest(CheckerQuestion question) => CheckerFlow.Calmest(Data, question);

    /// <summary>Every question gets its least urgent answer, except the ones named, up to where the C# rules stop.</summary>
    private static Way Route(Func<CheckerQuestion, CheckerAnswer?> choose)
    {
        var answered = new Way();
        while (answered.Count <= Data.Questions.Count && CheckerFlow.Step(Data, answered) is { Next: { } next })
            answered.Add((next, choose(next) ?? Calmest(next)));
        return answered;
    }

    /// <summary>
    /// A way to one answer: the questions it follows up get the least urgent answer that leads to it, every other
    /// question its least urgent answer.
    /// </summary>
    private static Way Isolate(CheckerQuestion target, CheckerAnswer answer)
    {
        var leads = new Dictionary<string, IReadOnlyList<string>>();
        for (var q = target; q.AskIf is { } rule; q = Data.Questions.Single(x => x.Id == rule.Question))
            leads[rule.Question] = rule.Answers;
        return Route(q => q == target ? answer
            : leads.TryGetValue(q.Id, out var lead) ? CheckerFlow.Answers(q).Where(a => lead.Contains(a.Id)).MinBy(a => UrgencyLevels.Rank(a.Level)) : null);
    }

    /// <summary>The level the C# rules give for a path.</summary>
    private static string Expected(Way answers)
    {
        var (next, result) = CheckerFlow.Step(Data, answers);
        Assert.True(next == null, "the path does not reach a result");
        return result!;
    }

    /// <summary>A path to a level that goes as far through the questions as the level allows: the last answer that calls for it.</summary>
    private static Way PathTo(string level)
    {
        if (level == UrgencyLevels.LeastUrgent.Id)
            return Route(_ => null);
        var last = Data.Questions.Last(q => q.Answers.Any(a => a.Level == level));
        return Isolate(last, last.Answers.First(a => a.Level == level));
    }

    /// <summary>What the question's progress line says after these answers, as the C# counts it.</summary>
    private static string Progress(Way answered)
    {
        var (number, most, exact) = CheckerFlow.Progress(Data, answered);
        return $"Question {number} of {(exact ? "" : "up to ")}{most}";
    }

    public static TheoryData<string> Levels => new(UrgencyLevels.Ids);

    public static TheoryData<string> Questions => new(Data.Questions.Select(q => q.Id));

    // ---- Expected text ----

    private static string Fill(string text) =>
        Placeholder().Replace(text, m => Settings.Placeholders.Values[m.Groups[1].Value]);

    private static string Squash(string? text) => Whitespace().Replace(text ?? "", " ").Trim();

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.]*)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>A level's guidance links as the page should show them: the linked page's URL and its title (its h1).</summary>
    private List<(string Url, string Title)> LinksOf(CheckerLevel level)
    {
        var parser = new HtmlParser();
        return level.Links.Select(path =>
        {
            var page = path[..^".md".Length].Replace('\\', '/');
            page = page == "index" ? "" : page.EndsWith("/index", StringComparison.Ordinal) ? page[..^"index".Length] : page + "/";
            var html = parser.ParseDocument(File.ReadAllText(Path.Combine(site.Output, page, "index.html")));
            return (RealSite.BasePath + page, Squash(html.QuerySelector("h1")!.TextContent));
        }).ToList();
    }

    // ---- Driving the page ----

    private async Task<(IPage Page, PageProblems Problems, IBrowserContext Context)> OpenAsync(
        bool javaScript = true, int width = 1280, ColorScheme scheme = ColorScheme.Light, string path = CheckerPage)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
            ColorScheme = scheme,
            JavaScriptEnabled = javaScript,
            ReducedMotion = ReducedMotion.Reduce,
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page, site, BrowserFixture.Name(path));
        var response = await page.GotoAsync(site.Url(path));
        Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
        if (javaScript && path == CheckerPage)
            await page.Locator("#checker form").WaitForAsync();
        return (page, problems, context);
    }

    private static ILocator Radio(IPage page, CheckerAnswer answer) =>
        page.Locator("#checker").GetByRole(AriaRole.Radio, new() { Name = answer.Text, Exact = true });

    private static ILocator Button(IPage page, string name) =>
        page.Locator("#checker").GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private static ILocator Legend(IPage page) => page.Locator("#checker fieldset > legend");

    private static ILocator ResultHeading(IPage page) => page.Locator("#checker .care-card__heading");

    /// <summary>Checks the question shown is the path's question at <paramref name="index"/>, with its progress, then chooses its answer and continues.</summary>
    private static async Task AnswerAsync(IPage page, Way path, int index)
    {
        var (question, answer) = path[index];
        var legend = Squash(await Legend(page).TextContentAsync());
        Assert.Contains(Progress(path.Until(index)), legend);
        Assert.Contains(Squash(Fill(question.Text)), legend);
        await Radio(page, answer).CheckAsync();
        await Button(page, "Continue").ClickAsync();
    }

    private static async Task WalkAsync(IPage page, Way answers)
    {
        for (var i = 0; i < answers.Count; i++)
            await AnswerAsync(page, answers, i);
    }

    private static Task<string> FocusedAsync(IPage page) =>
        page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? (e.id || e.tagName.toLowerCase()) + ': ' + e.textContent.replace(/\\s+/g, ' ').trim() : ''; }");

    /// <summary>The result shown is the level's care card: level words and title in the heading, advice, if-worse advice and links.</summary>
    private async Task AssertResultAsync(IPage page, string levelId)
    {
        var level = Data.Levels.Single(l => l.Id == levelId);
        var label = UrgencyLevels.Find(level.Id)!.Label;
        var card = page.Locator("#checker .care-card");
        await card.WaitForAsync();
        Assert.Equal(1, await card.CountAsync());
        Assert.Contains($"care-card--{level.Card}", await card.GetAttributeAsync("class"));

        var heading = Squash(await ResultHeading(page).TextContentAsync());
        Assert.Equal($"{label}: {Squash(Fill(level.Title))}", heading);
        Assert.Equal($"{label}:", Squash(await page.Locator("#checker .care-card__heading .care-card__level").TextContentAsync()));
        Assert.Matches("^H[2-6]$", await ResultHeading(page).EvaluateAsync<string>("e => e.tagName"));

        var text = Squash(await card.TextContentAsync());
        Assert.Contains(Squash(Fill(level.Advice)), text);
        Assert.Contains("If things get worse", text);
        Assert.Contains(Squash(Fill(level.IfWorse)), text);

        var links = await card.Locator("a").EvaluateAllAsync<string[][]>("as => as.map(a => [a.getAttribute('href'), a.textContent.replace(/\\s+/g, ' ').trim()])");
        var expected = LinksOf(level);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(l => new[] { l.Url, l.Title }), links);

        Assert.Equal("Your result", Squash(await page.Locator("#checker-heading").TextContentAsync()));

        // No question is left on screen, focus is on the result, and the reader can change or restart.
        Assert.Equal(0, await page.Locator("#checker fieldset").CountAsync());
        Assert.StartsWith("checker-result: ", await FocusedAsync(page));
        Assert.True(await Button(page, "Change my answers").IsVisibleAsync(), "no Change my answers button");
        Assert.True(await Button(page, "Start again").IsVisibleAsync(), "no Start again button");
    }

    private static async Task AssertNothingStoredAsync(IPage page)
    {
        var stored = await page.EvaluateAsync<string[]>("() => [String(localStorage.length), String(sessionStorage.length), document.cookie]");
        Assert.Equal(["0", "0", ""], stored);
    }

    private static void AssertNoProblems(PageProblems problems) =>
        Assert.True(problems.All.Count == 0, string.Join("\n", problems.All));

    private static string Summary(AxeResultNode node) =>
        string.Join("; ", new[] { node.Any, node.All, node.None }
            .SelectMany(checks => checks ?? [])
            .Select(check => check.Message)
            .Where(message => !string.IsNullOrWhiteSpace(message)));

    // ---- Tests ----

    [Theory]
    [MemberData(nameof(Levels))]
    public async Task A_path_to_each_level_ends_in_its_care_card(string level)
    {
        var answers = PathTo(level);
        Assert.Equal(level, Expected(answers));
        var (page, problems, context) = await OpenAsync();
        await using var _ = context;

        // With JavaScript, the script replaced the no-JavaScript paragraph; the version stays.
        Assert.Equal(0, await page.Locator("#checker .checker__no-js").CountAsync());
        Assert.Contains($"version {Data.Version}", await page.Locator("#checker").TextContentAsync());

        await WalkAsync(page, answers);
        await AssertResultAsync(page, level);
        output.WriteLine($"{level}: {string.Join(", ", answers.Select(a => $"{a.Question.Id}={a.Answer.Id}"))}");
        await AssertNothingStoredAsync(page);
        AssertNoProblems(problems);
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task Not_sure_counts_as_the_most_urgent_answer_of_its_question(string questionId)
    {
        var question = Data.Questions.Single(q => q.Id == questionId);
        var answers = Isolate(question, CheckerFlow.Answers(question).Single(a => a.Id == CheckerAnswer.NotSure));
        var expected = Expected(answers);
        Assert.Equal(CheckerFlow.MostUrgent(question), expected); // the other answers are all self-care
        var (page, problems, context) = await OpenAsync();
        await using var _ = context;

        await WalkAsync(page, answers);
        await AssertResultAsync(page, expected);
        if (expected == "emergency")
            Assert.Equal(QuestionList.IndexOf(question) + 1, answers.Count); // it stopped at once
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task An_emergency_answer_stops_the_checker_at_once()
    {
        var stops = Data.Questions.Where(q => q.Answers.Any(a => a.Level == "emergency")).ToList();
        Assert.NotEmpty(stops);
        var (page, problems, context) = await OpenAsync();
        await using var _ = context;
        foreach (var question in stops)
        {
            var index = QuestionList.IndexOf(question);
            var answers = Route(q => q == question ? q.Answers.First(a => a.Level == "emergency") : null);
            Assert.Equal(index + 1, answers.Count);
            await WalkAsync(page, answers);
            await AssertResultAsync(page, "emergency");
            Assert.DoesNotContain("Question ", await page.Locator("#checker").TextContentAsync());
            Assert.Equal(0, await page.Locator("#checker input[type=radio]").CountAsync());
            await Button(page, "Start again").ClickAsync();
        }
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task Back_returns_to_the_previous_question_with_its_answer_still_chosen()
    {
        var answers = PathTo("self-care");
        Assert.True(answers.Count >= 3);
        var (page, problems, context) = await OpenAsync();
        await using var _ = context;

        Assert.Equal(0, await Button(page, "Back").CountAsync()); // not on the first question
        await WalkAsync(page, answers.Until(2));
        Assert.Contains(Progress(answers.Until(2)), await Legend(page).TextContentAsync());

        await Button(page, "Back").ClickAsync();
        Assert.Contains(Progress(answers.Until(1)), await Legend(page).TextContentAsync());
        Assert.True(await Radio(page, answers[1].Answer).IsCheckedAsync(), "question 2 lost its answer");
        Assert.StartsWith("checker-question: Question 2", await FocusedAsync(page));

        await Button(page, "Back").ClickAsync();
        Assert.Contains(Progress(answers.Until(0)), await Legend(page).TextContentAsync());
        Assert.True(await Radio(page, answers[0].Answer).IsCheckedAsync(), "question 1 lost its answer");
        Assert.Equal(0, await Button(page, "Back").CountAsync());

        // Going forward again keeps each answer until it is changed.
        await Button(page, "Continue").ClickAsync();
        Assert.True(await Radio(page, answers[1].Answer).IsCheckedAsync(), "question 2 lost its answer going forward");
        await Button(page, "Continue").ClickAsync();
        for (var i = 2; i < answers.Count; i++)
            await AnswerAsync(page, answers, i);
        await AssertResultAsync(page, "self-care");
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task Change_my_answers_returns_to_the_last_question_with_the_answers_chosen()
    {
        var answers = PathTo("self-care");
        var (page, problems, context) = await OpenAsync();
        await using var _ = context;
        await WalkAsync(page, answers);
        await AssertResultAsync(page, "self-care");

        await Button(page, "Change my answers").ClickAsync();
        var last = answers.Count - 1;
        Assert.Contains(Progress(answers.Until(last)), await Legend(page).TextContentAsync());
        Assert.True(await Radio(page, answers[last].Answer).IsCheckedAsync(), "the last answer is not chosen");
        Assert.StartsWith($"checker-question: Question {last + 1}", await FocusedAsync(page));
        await Button(page, "Back").ClickAsync();
        Assert.True(await Radio(page, answers[last - 1].Answer).IsCheckedAsync(), "the answer before the last is not chosen");
        await Button(page, "Continue").ClickAsync();

        // Choose a more worrying last answer: the result follows the C# rules.
        var question = answers[last].Question;
        var worse = CheckerFlow.Answers(question).Where(a => a.Id != CheckerAnswer.NotSure).MaxBy(a => UrgencyLevels.Rank(a.Level))!;
        var changed = new Way(answers.Until(last).Append((question, worse)));
        await AnswerAsync(page, changed, last);
        await AssertResultAsync(page, Expected(changed));

        // After an emergency stop, Change my answers goes back to that question.
        await Button(page, "Start again").ClickAsync();
        var emergency = PathTo("emergency");
        await WalkAsync(page, emergency);
        await AssertResultAsync(page, "emergency");
        await Button(page, "Change my answers").ClickAsync();
        Assert.Contains(Progress(emergency.Until(emergency.Count - 1)), await Legend(page).TextContentAsync());
        Assert.True(await Radio(page, emergency[^1].Answer).IsCheckedAsync(), "the emergency answer is not chosen");
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task Start_again_clears_every_answer()
    {
        var answers = PathTo("self-care");
        var (page, problems, context) = await OpenAsync();
        await using var _ = context;

        // From a question part way through.
        await WalkAsync(page, answers.Until(2));
        await Button(page, "Start again").ClickAsync();
        Assert.Contains(Progress(answers.Until(0)), await Legend(page).TextContentAsync());
        Assert.Equal(0, await page.Locator("#checker input:checked").CountAsync());
        Assert.StartsWith("checker-question: Question 1", await FocusedAsync(page));
        await AnswerAsync(page, answers, 0);
        Assert.Equal(0, await page.Locator("#checker input:checked").CountAsync()); // question 2 forgot its answer

        // From a result.
        await Button(page, "Start again").ClickAsync();
        await WalkAsync(page, answers);
        await AssertResultAsync(page, "self-care");
        await Button(page, "Start again").ClickAsync();
        Assert.Contains(Progress(answers.Until(0)), await Legend(page).TextContentAsync());
        Assert.Equal(0, await page.Locator("#checker input:checked").CountAsync());

        // Reloading starts again too: nothing was kept.
        await WalkAsync(page, answers.Until(2));
        await page.ReloadAsync();
        await page.Locator("#checker form").WaitForAsync();
        Assert.Contains(Progress(answers.Until(0)), await Legend(page).TextContentAsync());
        Assert.Equal(0, await page.Locator("#checker input:checked").CountAsync());
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task Continue_without_an_answer_shows_an_error_and_stays_on_the_question()
    {
        var (page, problems, context) = await OpenAsync();
        await using var _ = context;

        await Button(page, "Continue").ClickAsync();
        var summary = page.Locator("#checker .checker__error-summary");
        Assert.True(await summary.IsVisibleAsync(), "no error summary");
        Assert.Contains("There is a problem", await summary.TextContentAsync());
        Assert.Equal("alert", await summary.GetAttributeAsync("role"));
        Assert.StartsWith("div: There is a problem", await FocusedAsync(page));
        Assert.Contains(Progress(new Way()), await Legend(page).TextContentAsync());

        // The message is next to the answers and read with the question.
        var describedBy = (await page.Locator("#checker fieldset").GetAttributeAsync("aria-describedby") ?? "").Split(' ');
        var message = page.Locator("#checker-error");
        Assert.Contains("checker-error", describedBy);
        Assert.Contains("Select an answer", await message.TextContentAsync());
        Assert.True(await message.IsVisibleAsync());

        // The summary's link goes to the first answer.
        await summary.Locator("a").ClickAsync();
        Assert.Equal("checker-answer-0", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // Answering clears the error and moves on.
        var calm = Route(_ => null);
        await AnswerAsync(page, calm, 0);
        Assert.Contains(Progress(calm.Until(1)), await Legend(page).TextContentAsync());
        Assert.Equal(0, await summary.CountAsync());
        Assert.Equal(0, await message.CountAsync());
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task Help_text_is_linked_to_its_question()
    {
        var calm = Route(_ => null);
        var index = calm.FindIndex(q => q.Question.Help != null);
        Assert.True(index >= 0, "no question on the calm path has help text");
        var (page, problems, context) = await OpenAsync();
        await using var _ = context;
        await WalkAsync(page, calm.Until(index));
        var fieldset = page.Locator("#checker fieldset");
        var ids = (await fieldset.GetAttributeAsync("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var described = string.Join(" ", await Task.WhenAll(ids.Select(id => page.Locator("#" + id).TextContentAsync())));
        Assert.Contains(Squash(Fill(calm[index].Question.Help!)), Squash(described));
        AssertNoProblems(problems);
    }

    /// <summary>
    /// The ways the keyboard test takes: the calm answers and then bruises; and one through every follow-up question,
    /// giving each question it follows up the answer that asks it, and each question with several answers a middle one.
    /// </summary>
    private static Way KeyboardWay(string name) => name switch
    {
        "calm, then bruises" => PathTo("clinician"),
        "through every follow-up" => Route(q =>
            Data.Questions.FirstOrDefault(f => f.AskIf?.Question == q.Id) is { } follow
                ? CheckerFlow.Answers(q).First(a => follow.AskIf!.Answers.Contains(a.Id) && a.Id != CheckerAnswer.NotSure)
                : q.AskIf != null ? q.Answers[q.Answers.Count / 2] : null),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [InlineData("calm, then bruises")]
    [InlineData("through every follow-up")]
    public async Task Keyboard_alone_completes_a_path(string way)
    {
        var answers = KeyboardWay(way);
        var expected = Expected(answers);
        if (way == "through every follow-up")
        {
            // Every question, the split ones and their follow-ups, is answered by keyboard on this way, in the data's order.
            Assert.Equal(Data.Questions.Select(q => q.Id), answers.Select(a => a.Question.Id));
        }
        var (page, problems, context) = await OpenAsync();
        await using var _ = context;

        // Tab from the top of the page to the first answer.
        for (var tabs = 0; tabs < 80 && !await page.EvaluateAsync<bool>("() => document.activeElement?.matches('#checker input[type=radio]') ?? false"); tabs++)
            await page.Keyboard.PressAsync("Tab");
        Assert.Equal("checker-answer-0", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        for (var i = 0; i < answers.Count; i++)
        {
            var (question, answer) = answers[i];
            var choices = CheckerFlow.Answers(question).ToList();
            var target = choices.FindIndex(a => a.Id == answer.Id);
            if (i > 0)
            {
                Assert.StartsWith($"checker-question: {Progress(answers.Until(i))}", await FocusedAsync(page));
                Assert.Contains(Squash(Fill(question.Text)), Squash(await FocusedAsync(page)));
                await page.Keyboard.PressAsync("Tab"); // to the first answer (none is chosen yet)
            }
            if (question.FirstThatFits)
            {
                // How to choose is read with the question, before its answers.
                var describedBy = (await page.Locator("#checker fieldset").GetAttributeAsync("aria-describedby") ?? "").Split(' ');
                Assert.Contains("checker-instruction", describedBy);
                Assert.Equal(CheckerFlow.FirstThatFitsText, Squash(await page.Locator("#checker-instruction").TextContentAsync()));
            }
            if (target == 0)
                await page.Keyboard.PressAsync("Space");
            for (var down = 0; down < target; down++)
                await page.Keyboard.PressAsync("ArrowDown"); // moves to the next answer and chooses it
            Assert.True(await Radio(page, answer).IsCheckedAsync(), $"{question.Id}: the keyboard did not choose '{answer.Text}'");
            await page.Keyboard.PressAsync("Tab");
            Assert.StartsWith("button: Continue", await FocusedAsync(page));
            await page.Keyboard.PressAsync(i % 2 == 0 ? "Enter" : "Space");
        }
        await AssertResultAsync(page, expected);

        // Change my answers and Start again work from the keyboard too.
        await page.Keyboard.PressAsync("Tab"); // the first guidance link
        for (var tabs = 0; tabs < 10 && !(await FocusedAsync(page)).StartsWith("button: Change my answers", StringComparison.Ordinal); tabs++)
            await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        Assert.StartsWith($"checker-question: {Progress(answers.Until(answers.Count - 1))}", await FocusedAsync(page));
        AssertNoProblems(problems);
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Axe_finds_no_WCAG_AA_violations_on_any_step(ColorScheme scheme)
    {
        var clock = Stopwatch.StartNew();
        var (page, problems, context) = await OpenAsync(scheme: scheme);
        await using var _ = context;
        var failures = new List<string>();

        // The whole page once; after that only the checker changes, so axe looks at it alone.
        var whole = true;
        async Task CheckAsync(string state)
        {
            var result = whole ? await page.RunAxe(AxeRules.WcagAA) : await page.Locator("#checker").RunAxe(AxeRules.WcagAA);
            whole = false;
            foreach (var violation in result.Violations)
                failures.Add($"{state} [{scheme}] {violation.Id} ({violation.Impact}): {violation.Help}\n"
                    + string.Concat(violation.Nodes.Select(n => $"    at {n.Target}: {Summary(n)}\n")));
        }

        await CheckAsync("start (question 1)");
        await Button(page, "Continue").ClickAsync();
        await CheckAsync("error");
        var calm = Route(_ => null);
        var help = Math.Max(calm.FindIndex(q => q.Question.Help != null), 1);
        await WalkAsync(page, calm.Until(help));
        await CheckAsync($"question {help + 1}");
        // A question whose answers go from most to least urgent, with how to choose.
        await Button(page, "Start again").ClickAsync();
        var ordered = KeyboardWay("through every follow-up");
        await WalkAsync(page, ordered.Until(ordered.FindIndex(q => q.Question.FirstThatFits)));
        await CheckAsync("a question to choose the first answer that fits");
        foreach (var level in UrgencyLevels.Ids)
        {
            await Button(page, "Start again").ClickAsync();
            await WalkAsync(page, PathTo(level));
            await AssertResultAsync(page, level);
            await CheckAsync($"{level} result");
        }
        output.WriteLine($"axe checked 8 checker states ({scheme}) in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0, $"{failures.Count} axe violation(s):\n" + string.Join("\n", failures));
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task The_emergency_number_is_shown_before_the_first_question()
    {
        var (page, problems, context) = await OpenAsync(width: 320);
        await using var _ = context;
        var number = Settings.Numbers.Emergency;
        // In the main content, an emergency care card with the number comes before the question, and shows.
        var found = await page.EvaluateAsync<bool[]>("""
            number => {
              const fieldset = document.querySelector('#checker fieldset');
              const cards = [...document.querySelectorAll('#main-content .care-card--emergency')]
                .filter(c => c.textContent.includes(number));
              const before = cards.filter(c => c.compareDocumentPosition(fieldset) & Node.DOCUMENT_POSITION_FOLLOWING);
              return [before.length > 0, before.some(c => c.checkVisibility())];
            }
            """, number);
        Assert.Equal([true, true], found);
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task Without_JavaScript_the_page_lists_every_warning_sign_with_its_level_and_shows_the_version()
    {
        var (page, problems, context) = await OpenAsync(javaScript: false);
        await using var _ = context;

        Assert.Equal(0, await page.Locator("#checker form").CountAsync());
        var noScript = page.Locator("#checker .checker__no-js");
        Assert.True(await noScript.IsVisibleAsync(), "no message for readers without JavaScript");
        var target = await noScript.Locator("a").GetAttributeAsync("href");
        Assert.StartsWith("#", target);
        var list = page.Locator(target!);
        Assert.Equal(1, await list.CountAsync());

        foreach (var levelId in UrgencyLevels.Ids.Skip(1))
        {
            var level = Data.Levels.Single(l => l.Id == levelId);
            var signs = InsertWarningSigns.Signs(Data, levelId).ToList();
            Assert.NotEmpty(signs);
            var card = list.Locator($".care-card--{level.Card}").Filter(new() { HasText = Fill(level.Title) });
            Assert.Equal(1, await card.CountAsync());
            Assert.True(await card.IsVisibleAsync());
            var heading = Squash(await card.Locator(".care-card__heading").TextContentAsync());
            Assert.StartsWith($"{UrgencyLevels.Find(level.Id)!.Label}: {Squash(Fill(level.Title))}", heading);
            var items = (await card.Locator("li").AllTextContentsAsync()).Select(Squash).ToList();
            Assert.Equal(signs.Select(s => Squash(Fill(s))), items);
        }
        var emergency = Squash(await list.Locator(".care-card--emergency .care-card__heading").TextContentAsync());
        Assert.Contains(Settings.Numbers.Emergency, emergency);
        await AssertListsSayWhatToDoAsync(list);

        var version = Squash(await page.Locator("#checker .checker__version").TextContentAsync());
        Assert.Contains($"version {Data.Version}", version);
        Assert.Contains(Data.LastReviewed.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), version);
        Assert.Equal(Data.LastReviewed.ToString("yyyy-MM-dd"), await page.Locator("#checker .checker__version time").GetAttributeAsync("datetime"));
        AssertNoProblems(problems);
    }

    /// <summary>
    /// Each list of warning signs says what to do and whom to call before its signs, in the level's words from the data:
    /// the urgent list names the urgent-care number, the emergency list the emergency number.
    /// </summary>
    private static async Task AssertListsSayWhatToDoAsync(ILocator within)
    {
        foreach (var levelId in UrgencyLevels.Ids.Skip(1))
        {
            var level = Data.Levels.Single(l => l.Id == levelId);
            var card = within.Locator($".care-card--{level.Card}").Filter(new() { Has = within.Page.Locator("li") });
            Assert.Equal(1, await card.CountAsync());
            var lead = Squash(await card.Locator(".care-card__content > p").First.TextContentAsync());
            Assert.Equal($"{Squash(Fill(level.Action!))}, if:", lead);
            Assert.True(await card.Locator(".care-card__content > p").First.IsVisibleAsync(), $"{levelId}: what to do is not shown");
            var number = levelId switch { "urgent" => Settings.Numbers.Urgent, "emergency" => Settings.Numbers.Emergency, _ => null };
            if (number != null)
                Assert.Matches($@"(?<!\d){number}(?!\d)", lead);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_when_to_worry_lists_say_what_to_do_and_whom_to_call(bool javaScript)
    {
        var (page, problems, context) = await OpenAsync(javaScript: javaScript, path: "when-to-worry/");
        await using var _ = context;
        await AssertListsSayWhatToDoAsync(page.Locator("#main-content"));
        AssertNoProblems(problems);
    }

    /// <summary>
    /// Reached through the page as a reader would, the four results differ in words and in look: each has its own label
    /// before its title, its own card, and its own colours or borders, so no two levels can be taken for one another.
    /// </summary>
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Each_level_reads_and_looks_different_from_every_other(ColorScheme scheme)
    {
        var (page, problems, context) = await OpenAsync(scheme: scheme);
        await using var _ = context;
        var seen = new List<(string Level, string Class, string Label, string Look)>();
        foreach (var level in UrgencyLevels.Ids)
        {
            await WalkAsync(page, PathTo(level));
            await AssertResultAsync(page, level);
            var card = page.Locator("#checker .care-card");
            var label = Squash(await card.Locator(".care-card__level").TextContentAsync());
            var look = await card.EvaluateAsync<string>("""
                card => {
                  const c = getComputedStyle(card), h = getComputedStyle(card.querySelector('.care-card__heading'));
                  return [c.backgroundColor, c.borderTopWidth, c.borderLeftWidth, c.borderBottomWidth, c.borderLeftColor, h.backgroundColor, h.color].join(' ');
                }
                """);
            var classes = (await card.GetAttributeAsync("class") ?? "").Split(' ').Single(c => c.StartsWith("care-card--", StringComparison.Ordinal));
            seen.Add((level, classes, label, look));
            output.WriteLine($"{level}: {classes} '{label}' {look}");
            await Button(page, "Start again").ClickAsync();
        }
        Assert.Equal(seen.Count, seen.Select(s => s.Class).Distinct().Count());
        Assert.Equal(seen.Count, seen.Select(s => s.Label).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(seen.Count, seen.Select(s => s.Look).Distinct().Count());
        // The clinician's card and label are not self-care's.
        var (selfCare, clinician) = (seen.Single(s => s.Level == "self-care"), seen.Single(s => s.Level == "clinician"));
        Assert.NotEqual(selfCare.Label, clinician.Label);
        Assert.NotEqual(selfCare.Class, clinician.Class);
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task Nothing_is_stored_or_sent_and_nothing_goes_wrong()
    {
        var (page, problems, context) = await OpenAsync();
        await using var _ = context;
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add($"{request.Method} {request.Url}");

        var answers = PathTo("urgent");
        await Button(page, "Continue").ClickAsync(); // the error
        await WalkAsync(page, answers.Until(3));
        await Button(page, "Back").ClickAsync();
        await Button(page, "Continue").ClickAsync();
        for (var i = 3; i < answers.Count; i++)
            await AnswerAsync(page, answers, i);
        await AssertResultAsync(page, "urgent");
        await Button(page, "Change my answers").ClickAsync();
        await Button(page, "Start again").ClickAsync();

        Assert.True(requests.Count == 0, "the checker made requests while it ran:\n" + string.Join("\n", requests));
        await AssertNothingStoredAsync(page);
        var cookies = await context.CookiesAsync();
        Assert.Empty(cookies);
        AssertNoProblems(problems);
    }

    [Fact]
    public async Task Screenshots_of_the_checker_are_written_for_review()
    {
        var folder = BrowserFixture.ScreenshotFolder();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            foreach (var width in new[] { 320, 1280 })
            {
                var (page, problems, context) = await OpenAsync(width: width, scheme: scheme);
                await using var _ = context;
                var suffix = $"{width}-{scheme.ToString().ToLowerInvariant()}";

                async Task ShotAsync(string name)
                {
                    var file = Path.Combine(folder, $"checker-{name}-{suffix}.png");
                    await page.Locator("#checker").ScreenshotAsync(new LocatorScreenshotOptions { Path = file });
                    Assert.True(new FileInfo(file).Length > 1000, $"{file} is empty");
                }

                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"checker-page-{suffix}.png"), FullPage = true });
                await ShotAsync("question-1");
                await Button(page, "Continue").ClickAsync();
                await ShotAsync("error");
                var calm = Route(_ => null);
                var help = Math.Max(calm.FindIndex(q => q.Question.Help != null), 1);
                await WalkAsync(page, calm.Until(help));
                await Radio(page, calm[help].Answer).CheckAsync();
                await Radio(page, calm[help].Answer).FocusAsync();
                await ShotAsync($"question-{help + 1}-chosen-focused");
                await Button(page, "Start again").ClickAsync();
                var ordered = KeyboardWay("through every follow-up");
                await WalkAsync(page, ordered.Until(ordered.FindIndex(q => q.Question.FirstThatFits)));
                await ShotAsync("question-first-that-fits");
                foreach (var level in UrgencyLevels.Ids)
                {
                    await Button(page, "Start again").ClickAsync();
                    await WalkAsync(page, PathTo(level));
                    await ShotAsync($"result-{level}");
                }
                AssertNoProblems(problems);
            }
        }
        output.WriteLine($"checker screenshots in {folder}");
    }

    [Fact]
    public async Task The_result_prints_with_its_level_words_and_without_the_buttons()
    {
        var (page, problems, context) = await OpenAsync();
        await using var _ = context;
        await WalkAsync(page, PathTo("urgent"));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var level = page.Locator("#checker .care-card__level");
        Assert.True(await level.IsVisibleAsync(), "the level words do not print");
        Assert.Equal("rgb(0, 0, 0)", await level.EvaluateAsync<string>("e => getComputedStyle(e).color"));
        Assert.False(await Button(page, "Change my answers").IsVisibleAsync(), "the buttons print");
        var folder = BrowserFixture.ScreenshotFolder();
        await page.Locator("#checker").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, "checker-print-result-urgent.png") });
        AssertNoProblems(problems);
    }
}
