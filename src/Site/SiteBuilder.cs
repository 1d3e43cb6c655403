using System.Diagnostics;
using Site.Admin;
using Site.Assets;
using Site.Checker;
using Site.Content;
using Site.Diagnostics;
using Site.Files;
using Site.Layout;
using Site.Links;
using Site.Markdown;
using Site.Model;
using Site.NotFound;
using Site.Output;
using Site.Pipelines;
using Site.PlainWords;
using Site.Search;
using Site.Settings;
using Site.Sitemap;

namespace Site;

/// <summary>The site's pipelines, in one readable place, and the build that runs them.</summary>
public static class SiteBuilder
{
    // Each pipeline runs once the products its modules read are made (see Products): the runner works the order out,
    // and refuses a definition that reads what nobody makes before anything runs.
    public static IReadOnlyList<Pipeline> Pipelines(LayoutEngine layouts, SiteSettings settings)
    {
        var markdown = MarkdownPipelineFactory.Create(settings.Placeholders);
        return
        [
            // makes the checker data
            new Pipeline("checker", new LoadChecker()),
            // makes the synonyms
            new Pipeline("synonyms", new LoadSynonyms()),
            // makes the plain words, which the content pipeline reads
            new Pipeline("plain-words", new LoadPlainWords()),
            // reads the checker data and synonyms; makes the pages
            new Pipeline("content",
                new ListPages(),
                new AssignUrls(),
                new ReadText(),
                new ParseFrontMatter(layouts.PageLayouts),
                new ParseMarkdown(markdown),
                new CheckLimits(),
                new InsertWarningSigns(),
                new CheckPlaceholders(),
                new CheckScaffoldText(),
                new CheckHeadings(),
                new CheckRequiredSections(),
                new CheckCareCards(),
                new CheckRawHtml(),
                new CheckUrls(),
                new CheckClaims(),
                new CheckReadability(),
                new CheckPlainWords(),
                new ReadSearchText(),
                new ResolveLinks(),
                new RenderMarkdown(markdown),
                new MakePages()),
            // reads the pages and checker data; makes the site model
            new Pipeline("model", new BuildSiteModel()),
            // read the site model
            new Pipeline("links", new CheckLinks(layouts)),
            new Pipeline("view", new BuildSiteView()),
            // the search data, beside the pages: nothing waits for it
            new Pipeline("search", new ListPagesToSearch(), new ExtractPageSearch(), new WriteSearchIndex()),
            new Pipeline("sitemap", new GenerateSitemap(), new GenerateRobots(), new WriteDocuments()),
            // read the site model, its view and the link check
            new Pipeline("pages", new ListPagesToRender(), new RenderLayout(layouts), new WriteDocuments()),
            new Pipeline("not-found", new RenderNotFoundPage(layouts), new WriteDocuments()),
            new Pipeline("assets", new CopyFiles()),
            // the web editor at /admin/, when site.yml names the repository
            new Pipeline("admin", new GenerateAdmin(layouts.PageLayouts), new WriteDocuments()),
        ];
    }

    /// <summary>A whole build into the output folder, replacing it only when the build succeeds.</summary>
    public static BuildResult Build(BuildOptions options)
    {
        var clock = Stopwatch.StartNew();
        var inputs = SiteInputs.Load(options);
        var loaded = clock.Elapsed;
        if (inputs.Settings == null || inputs.Layouts == null)
            return BuildResult.Failed(inputs.Diagnostics, clock.Elapsed);
        using var output = new OutputFolder(options.OutputDirectory);
        var run = Run(inputs, output, BuildCache.None);
        if (run.Result.Succeeded)
            output.Commit();
        return run.Result.After(SiteInputs.Step, loaded, clock.Elapsed);
    }

    /// <summary>Runs the pipelines into <paramref name="output"/>, reusing what <paramref name="cache"/> allows.</summary>
    /// <param name="pipelines">Others than the site's own, for a benchmark that leaves some modules out.</param>
    public static SiteRun Run(SiteInputs inputs, ISiteOutput output, BuildCache cache, IReadOnlyList<Pipeline>? pipelines = null)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(inputs.Diagnostics.Sorted());
        var context = new BuildContext(inputs.Options, inputs.Settings!, diagnostics, output, inputs.Input, inputs.Theme, cache);
        PipelineRunner.Run(pipelines ?? Pipelines(inputs.Layouts!, inputs.Settings!), context);
        ReportConflicts(output, diagnostics);
        var site = context.TryGet(Products.Site, out var model) ? model : null;
        foreach (var page in site?.Pages ?? [])
            diagnostics.AddRange(page.Diagnostics);
        var view = context.TryGet(Products.View, out var v) ? v : null;
        var links = context.TryGet(Products.Links, out var l) ? l : null;
        var search = context.TryGet(Products.Search, out var s) ? s : null;
        var result = new BuildResult(diagnostics.Sorted(), site?.Pages.Count ?? 0, context.Notes, clock.Elapsed) { Timings = context.Timings.Items };
        return new SiteRun(result, site, view, links, search);
    }

    private static void ReportConflicts(ISiteOutput output, DiagnosticBag diagnostics)
    {
        foreach (var (path, sources) in output.Conflicts())
        {
            foreach (var source in sources.Skip(1))
                diagnostics.Error(Codes.DuplicateOutput, source, 1, 1, $"writes {path}, which {sources[0]} writes too (as a file, or as a folder of its own)",
                    "rename or move one of them: two sources may not make the same page, file or folder");
        }
    }
}

/// <summary>What a build reads before its pipelines run: the two folders, the settings and the layouts.</summary>
public sealed record SiteInputs(BuildOptions Options, SourceTree Input, SourceTree Theme, SiteSettings? Settings, LayoutEngine? Layouts, DiagnosticBag Diagnostics)
{
    /// <summary>What <see cref="Load"/> is called in <c>--verbose</c>'s list of steps.</summary>
    public const string Step = "scan folders, settings, layouts";

    /// <summary>Scans both folders and reads the settings and layouts; those whose files <paramref name="previous"/> read unchanged are kept.</summary>
    /// <param name="touched">Files seen to change since <paramref name="previous"/>: when they are all files it already
    /// holds, only they are looked at again (no folder had problems then, or the previous scan would be gone).</param>
    public static SiteInputs Load(BuildOptions options, SiteInputs? previous = null, IReadOnlyCollection<string>? touched = null)
    {
        var diagnostics = new DiagnosticBag();
        var (input, theme) = previous != null && touched != null && previous.Diagnostics.ErrorCount == 0 ? Rescan(previous, touched) : (null, null);
        input ??= SourceTree.Scan(options.InputDirectory, diagnostics);
        theme ??= SourceTree.Scan(options.ThemeDirectory, diagnostics);
        var settings = previous?.Settings != null && SameFiles(previous.Input, input, SiteSettingsLoader.FileName)
            ? previous.Settings
            : SiteSettingsLoader.Load(input, diagnostics);
        var layouts = previous?.Layouts != null && SameFiles(previous.Theme, theme, LayoutEngine.Folder + "/")
            ? previous.Layouts
            : LayoutEngine.Load(theme, options.BasePath, [ParseFrontMatter.DefaultLayout, RenderNotFoundPage.Layout], diagnostics);
        return new SiteInputs(options, input, theme, settings, layouts, diagnostics);
    }

    private static (SourceTree?, SourceTree?) Rescan(SiteInputs previous, IReadOnlyCollection<string> touched)
    {
        bool Under(string root, string path) => path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        var (input, theme) = (previous.Input.Root, previous.Theme.Root);
        if (touched.Any(t => !Under(input, t) && !Under(theme, t)))
            return (null, null);
        var newInput = previous.Input.WithChanged(touched.Where(t => Under(input, t)));
        var newTheme = previous.Theme.WithChanged(touched.Where(t => Under(theme, t) && !Under(input, t)));
        return newInput == null || newTheme == null ? (null, null) : (newInput, newTheme);
    }

    /// <summary>Whether the files at a path, or below a folder ending in '/', are the same in both scans.</summary>
    public static bool SameFiles(SourceTree before, SourceTree now, string path) =>
        Select(before, path).SequenceEqual(Select(now, path));

    private static IEnumerable<SourceFile> Select(SourceTree tree, string path) =>
        path.EndsWith('/') ? tree.StartingWith(path) : tree.Find(path) is { } file ? [file] : [];
}

/// <summary>A finished run: its result, and the model, view, link check and search data it made, which the preview keeps for the next run.</summary>
public sealed record SiteRun(BuildResult Result, SiteModel? Site, SiteView? View, Links.LinkCheck? Links, SearchIndex? Search);

public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, int Pages, IReadOnlyList<string> Notes, TimeSpan Elapsed)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
    public bool Succeeded => Errors == 0;

    /// <summary>How long each pipeline step took, for <c>--verbose</c>.</summary>
    public IReadOnlyList<(string Pipeline, string Step, TimeSpan Elapsed)> Timings { get; init; } = [];

    public static BuildResult Failed(DiagnosticBag diagnostics, TimeSpan elapsed) => new(diagnostics.Sorted(), 0, [], elapsed);

    /// <summary>This result with a step that ran before the pipelines, and the whole time.</summary>
    public BuildResult After(string step, TimeSpan stepTime, TimeSpan elapsed) =>
        this with { Elapsed = elapsed, Timings = [("inputs", step, stepTime), .. Timings] };
}
