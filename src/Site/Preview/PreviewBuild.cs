using Site.Checker;
using Site.Output;
using Site.Pipelines;
using Site.Search;

namespace Site.Preview;

/// <summary>
/// The preview's builds: each keeps the last build's model and site in memory and does again only what a change
/// needs. A changed page is read again; a page whose file did not change is reused as it was, unless something
/// every page reads changed (settings, layouts, checker data, synonyms); a page is rendered again when it changed or
/// when what layouts show of the whole site did (a title, the menus). Links, the search data, the sitemap and the
/// 404 page are made again each time, from the model. The result is the same site a clean build makes.
/// </summary>
public sealed class PreviewBuild(BuildOptions options)
{
    private SiteInputs? _inputs;
    private SiteRun? _last;

    /// <summary>The last site that built, which the preview serves; null until one does.</summary>
    public RenderedSite? Site { get; private set; }

    /// <param name="touched">Files the watcher saw change. A file's size and time can look the same after a quick
    /// second save, so these are read again whatever they look like; a touched layout, setting or data file makes
    /// everything be read again.</param>
    public BuildResult Rebuild(IReadOnlyCollection<string>? touched = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (touched is { Count: > 0 } && _inputs != null)
        {
            var (input, layouts) = (_inputs.Input.Root + Path.DirectorySeparatorChar, Path.Combine(_inputs.Theme.Root, Layout.LayoutEngine.Folder) + Path.DirectorySeparatorChar);
            if (touched.Any(t => t.StartsWith(layouts, StringComparison.Ordinal)
                    || (t.StartsWith(input, StringComparison.Ordinal) && !Content.InputFiles.IsPublished(t[input.Length..]))))
                _inputs = null;
        }
        var inputs = SiteInputs.Load(options, _inputs, touched);
        var loaded = clock.Elapsed;
        if (inputs.Settings == null || inputs.Layouts == null)
        {
            _inputs = inputs;
            return BuildResult.Failed(inputs.Diagnostics, clock.Elapsed);
        }
        var pagesValid = _inputs != null && ReferenceEquals(inputs.Settings, _inputs.Settings) && ReferenceEquals(inputs.Layouts, _inputs.Layouts)
            && SiteInputs.SameFiles(_inputs.Input, inputs.Input, LoadChecker.RelativePath)
            && SiteInputs.SameFiles(_inputs.Input, inputs.Input, Synonyms.RelativePath)
            && SiteInputs.SameFiles(_inputs.Input, inputs.Input, PlainWords.PlainWordList.RelativePath);
        var renderedValid = _inputs != null && ReferenceEquals(inputs.Layouts, _inputs.Layouts);
        var cache = new BuildCache(pagesValid ? _last?.Site : null, pagesValid ? _last?.Links : null,
            touched?.ToHashSet(StringComparer.Ordinal) ?? [], renderedValid ? Site : null) { LastSearch = pagesValid ? _last?.Search : null };
        var output = new MemoryOutput(Site?.Output);
        var run = SiteBuilder.Run(inputs, output, cache);
        _inputs = inputs;
        // Even a build that failed read its pages; the next one reuses them, with their problems.
        _last = run;
        if (run.Result.Succeeded && run.Site != null && run.View != null)
            Site = new RenderedSite(run.Site, run.View, output);
        return run.Result.After(SiteInputs.Step, loaded, clock.Elapsed);
    }
}
