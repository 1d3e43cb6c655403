using System.Diagnostics;
using Site.Assets;
using Site.Checker;
using Site.Content;
using Site.Diagnostics;
using Site.Files;
using Site.Layout;
using Site.Markdown;
using Site.NotFound;
using Site.Output;
using Site.Search;
using Site.Pipelines;
using Site.Settings;
using Site.Sitemap;

namespace Site;

/// <summary>The site's pipelines, in one readable place, and the build that runs them.</summary>
public static class SiteBuilder
{
    public const string ContentPipeline = "content";
    public const string PagesPipeline = "pages";
    public const string CheckerPipeline = "checker";
    public const string SearchPipeline = "search";

    public static IReadOnlyList<Pipeline> Pipelines(LayoutEngine layouts, SiteSettings settings)
    {
        var markdown = MarkdownPipelineFactory.Create(settings.Placeholders);
        return
        [
            new Pipeline(ContentPipeline, [CheckerPipeline],
            [
                new ListPages(),
                new AssignUrls(),
                new ReadText(),
                new ParseFrontMatter(layouts.PageLayouts),
                new ParseMarkdown(markdown),
                new CheckLimits(),
                new InsertWarningSigns(),
                new CheckPlaceholders(),
                new CheckHeadings(),
                new CheckRequiredSections(),
                new CheckCareCards(),
                new CheckRawHtml(),
                new CheckUrls(),
                new CheckClaims(),
                new CheckReadability(),
                new ExtractSearchRecords(),
                new CheckNavigation(),
            ]),
            new Pipeline(CheckerPipeline, new LoadChecker()),
            new Pipeline("checker-links", [ContentPipeline, CheckerPipeline], [new CheckCheckerLinks()]),
            new Pipeline(SearchPipeline, [ContentPipeline, CheckerPipeline], [new WriteSearchIndex()]),
            new Pipeline(PagesPipeline, [ContentPipeline, SearchPipeline],
            [
                new FromPipeline(ContentPipeline),
                new ResolveLinks(),
                new RenderMarkdown(markdown),
                new RenderLayout(layouts),
                new WriteDocuments(),
            ]),
            new Pipeline("not-found", [ContentPipeline, SearchPipeline],
            [
                new RenderNotFoundPage(layouts),
                new WriteDocuments(),
            ]),
            new Pipeline("sitemap", [PagesPipeline],
            [
                new FromPipeline(PagesPipeline),
                new GenerateSitemap(),
                new GenerateRobots(),
                new WriteDocuments(),
            ]),
            new Pipeline("assets", new CopyFiles()),
        ];
    }

    public static BuildResult Build(BuildOptions options)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var pages = 0;
        IReadOnlyList<string> notes = [];
        var input = SourceTree.Scan(options.InputDirectory, diagnostics);
        var theme = SourceTree.Scan(options.ThemeDirectory, diagnostics);
        var settings = SiteSettingsLoader.Load(input, diagnostics);
        var layouts = LayoutEngine.Load(theme, options.BasePath, [ParseFrontMatter.DefaultLayout, RenderNotFoundPage.Layout], diagnostics);
        if (settings != null && layouts != null)
        {
            using var output = new OutputFolder(options.OutputDirectory);
            var context = new BuildContext(options, settings, diagnostics, output, input, theme);
            PipelineRunner.Run(Pipelines(layouts, settings), context);
            ReportConflicts(output, diagnostics);
            pages = context.OutputsOf(PagesPipeline).Count;
            notes = context.Notes;
            if (!diagnostics.HasErrors)
                output.Commit();
        }
        return new BuildResult(diagnostics.Sorted(), pages, notes, clock.Elapsed);
    }

    private static void ReportConflicts(OutputFolder output, DiagnosticBag diagnostics)
    {
        foreach (var (path, sources) in output.Conflicts())
        {
            foreach (var source in sources.Skip(1))
                diagnostics.Error(Codes.DuplicateOutput, source, 1, 1, $"writes {path}, which {sources[0]} writes too (as a file, or as a folder of its own)",
                    "rename or move one of them: two sources may not make the same page, file or folder");
        }
    }
}

public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, int Pages, IReadOnlyList<string> Notes, TimeSpan Elapsed)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
    public bool Succeeded => Errors == 0;
}
