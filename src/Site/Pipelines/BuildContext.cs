using System.Collections.Concurrent;
using Site.Diagnostics;
using Site.Files;
using Site.Output;
using Site.Settings;

namespace Site.Pipelines;

/// <summary>
/// What every module may read: the options, the site settings, the files of the input and theme folders, the
/// products it declared it reads, and where to report and write. Each module runs with its own view
/// (<see cref="For"/>), which lets it read and make only what it declared.
/// </summary>
public sealed class BuildContext
{
    private readonly Shared _shared;
    private readonly IModule? _module;

    public BuildContext(BuildOptions options, SiteSettings settings, DiagnosticBag diagnostics, ISiteOutput output, SourceTree input, SourceTree theme,
        BuildCache? cache = null)
        : this(new Shared(options, settings, diagnostics, output, input, theme, cache ?? BuildCache.None), null) { }

    private BuildContext(Shared shared, IModule? module)
    {
        _shared = shared;
        _module = module;
    }

    private sealed class Shared(BuildOptions options, SiteSettings settings, DiagnosticBag diagnostics, ISiteOutput output, SourceTree input, SourceTree theme, BuildCache cache)
    {
        public BuildOptions Options { get; } = options;
        public SiteSettings Settings { get; } = settings;
        public DiagnosticBag Diagnostics { get; } = diagnostics;
        public ISiteOutput Output { get; } = output;
        public SourceTree Input { get; } = input;
        public SourceTree Theme { get; } = theme;
        public BuildCache Cache { get; } = cache;
        public ConcurrentDictionary<IProduct, object?> Products { get; } = new();
        public ConcurrentQueue<string> Notes { get; } = new();
        public StageTimings Timings { get; } = new();
    }

    /// <summary>The view a module sees.</summary>
    internal BuildContext For(IModule module) => new(_shared, module);

    public BuildOptions Options => _shared.Options;
    public SiteSettings Settings => _shared.Settings;

    /// <summary>The input folder's files, scanned once; nothing outside it is ever read or published.</summary>
    public SourceTree Input => _shared.Input;

    public SourceTree Theme => _shared.Theme;
    public DiagnosticBag Diagnostics => _shared.Diagnostics;
    public ISiteOutput Output => _shared.Output;

    /// <summary>What an earlier build made that this one may reuse; empty for a plain build.</summary>
    public BuildCache Cache => _shared.Cache;

    public StageTimings Timings => _shared.Timings;

    /// <summary>Lines for the build summary, such as how many checker combinations were proved.</summary>
    public IReadOnlyList<string> Notes => _shared.Notes.Order(StringComparer.Ordinal).ToList();

    public void Note(string line) => _shared.Notes.Enqueue(line);

    /// <summary>A product another pipeline made; only one the module declared it reads, so the runner has waited for it.</summary>
    public T Get<T>(Product<T> product)
    {
        if (_module != null && !_module.Reads.Contains(product) && !_module.Makes.Contains(product))
            throw new InvalidOperationException($"{_module.GetType().Name} reads '{product.Name}' without declaring it: add it to its Reads.");
        return _shared.Products.TryGetValue(product, out var value)
            ? (T)value!
            : throw new InvalidOperationException($"'{product.Name}' has not been made yet.");
    }

    /// <summary>Whether a product has been made; for the build's summary, after the pipelines ran.</summary>
    public bool TryGet<T>(Product<T> product, out T value)
    {
        var found = _shared.Products.TryGetValue(product, out var boxed);
        value = found ? (T)boxed! : default!;
        return found;
    }

    public void Set<T>(Product<T> product, T value)
    {
        if (_module != null && !_module.Makes.Contains(product))
            throw new InvalidOperationException($"{_module.GetType().Name} makes '{product.Name}' without declaring it: add it to its Makes.");
        if (!_shared.Products.TryAdd(product, value))
            throw new InvalidOperationException($"'{product.Name}' was made twice.");
    }

    public void Error(Document document, string code, int line, int column, string message, string? hint = null) =>
        document.Diagnostics.Error(code, document.DisplayPath, line, column, message, hint);

    public void Warning(Document document, string code, int line, int column, string message, string? hint = null) =>
        document.Diagnostics.Warning(code, document.DisplayPath, line, column, message, hint);

    /// <summary>A site URL with the base path, e.g. <c>/clinic/aftercare/</c>.</summary>
    public string SiteUrl(string relativeUrl) => Options.SiteUrl(relativeUrl);

    /// <summary>An absolute URL for sitemaps and canonical links.</summary>
    public string AbsoluteUrl(string relativeUrl) => Options.AbsoluteUrl(Settings.Url, relativeUrl);
}
