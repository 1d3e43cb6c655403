using System.Collections.Concurrent;
using Site.Diagnostics;
using Site.Files;
using Site.Output;
using Site.Settings;

namespace Site.Pipelines;

/// <summary>
/// What every module may read: the options, the site settings, the files of the input and theme folders,
/// other pipelines' results, and where to report and write.
/// </summary>
public sealed class BuildContext(BuildOptions options, SiteSettings settings, DiagnosticBag diagnostics, OutputFolder output, SourceTree input, SourceTree theme)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<Document>> _outputs = new();

    public BuildOptions Options { get; } = options;
    public SiteSettings Settings { get; } = settings;

    /// <summary>The input folder's files, scanned once; nothing outside it is ever read or published.</summary>
    public SourceTree Input { get; } = input;

    public SourceTree Theme { get; } = theme;
    public DiagnosticBag Diagnostics { get; } = diagnostics;
    public OutputFolder Output { get; } = output;

    private readonly ConcurrentQueue<string> _notes = new();

    /// <summary>Lines for the build summary, such as how many checker combinations were proved.</summary>
    public IReadOnlyList<string> Notes => _notes.Order(StringComparer.Ordinal).ToList();

    public void Note(string line) => _notes.Enqueue(line);

    public IReadOnlyList<Document> OutputsOf(string pipeline) =>
        _outputs.TryGetValue(pipeline, out var docs)
            ? docs
            : throw new InvalidOperationException($"Pipeline '{pipeline}' has not run; declare it as a dependency.");

    internal void SetOutputs(string pipeline, IReadOnlyList<Document> documents) => _outputs[pipeline] = documents;

    public void Error(Document document, string code, int line, int column, string message, string? hint = null)
    {
        document.MarkFailed();
        Diagnostics.Error(code, document.DisplayPath, line, column, message, hint);
    }

    public void Warning(Document document, string code, int line, int column, string message, string? hint = null) =>
        Diagnostics.Warning(code, document.DisplayPath, line, column, message, hint);

    /// <summary>A site URL with the base path, e.g. <c>/clinic/aftercare/</c>.</summary>
    public string SiteUrl(string relativeUrl) => Options.BasePath + relativeUrl;

    /// <summary>An absolute URL for sitemaps and canonical links.</summary>
    public string AbsoluteUrl(string relativeUrl) => Settings.Url.TrimEnd('/') + SiteUrl(relativeUrl);
}
