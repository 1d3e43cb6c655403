using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using Site.Diagnostics;
using Site.Files;

namespace Site.Layout;

/// <summary>
/// Liquid layouts from <c>theme/layouts/</c>, read and parsed once. Rendering is sandboxed (only the model's
/// members are visible), bounded in steps and include depth, and output is HTML-escaped unless a layout asks
/// for <c>| raw</c>.
/// </summary>
public sealed class LayoutEngine
{
    public const string Folder = "layouts";

    // Far above what any page needs (the search page lists every page), and a stop for a loop that never ends.
    private const int MaxSteps = 10_000_000;
    private const int MaxIncludeDepth = 20;

    // Escape markup characters but keep letters such as "ö" readable in the HTML.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly FluidParser Parser = new();

    private readonly Dictionary<string, IFluidTemplate> _templates;
    private readonly Dictionary<string, string> _displayPaths;
    private readonly TemplateOptions _options;
    private readonly IReadOnlyList<LayoutAddress> _addresses;

    private LayoutEngine(Dictionary<string, IFluidTemplate> templates, Dictionary<string, string> displayPaths, TemplateOptions options,
        IReadOnlyList<LayoutAddress> addresses)
    {
        _templates = templates;
        _displayPaths = displayPaths;
        _options = options;
        _addresses = addresses;
    }

    /// <summary>Every site address the layouts write as text, for the link check.</summary>
    public IReadOnlyList<LayoutAddress> SiteAddresses() => _addresses;

    /// <summary>Parses the theme's layouts; returns null when one is missing or does not parse (reported).</summary>
    public static LayoutEngine? Load(SourceTree theme, string basePath, IEnumerable<string> names, DiagnosticBag diagnostics)
    {
        var templates = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var addresses = new List<LayoutAddress>();
        var displayPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = diagnostics.ErrorCount;
        var files = theme.Under(Folder).Where(f => f.RelativePath.EndsWith(".liquid", StringComparison.Ordinal))
            .Select(f => (File: f, Text: SourceText.Read(f, diagnostics)))
            .Where(f => f.Text != null)
            .ToList();
        // Parse partials too, so a mistake in one is reported with its own file and line before any page renders.
        var parsed = LayoutDepth.OnLargeStack(() => files.Select(f =>
            Parser.TryParse(f.Text!, out var template, out var message)
                ? (template, LayoutDepth.Of(template) > LayoutDepth.Max ? "" : null)
                : ((IFluidTemplate?)null, message)).ToList());
        foreach (var ((file, text), (template, error)) in files.Zip(parsed))
        {
            var name = file.RelativePath[..^".liquid".Length];
            if (template == null)
                diagnostics.Error(Codes.Template, file.DisplayPath, ErrorLine(error), 1, $"the layout does not parse: {error}", "fix the Liquid syntax near that line");
            else if (error != null)
                diagnostics.Error(Codes.Template, file.DisplayPath, 1, 1, $"the layout nests tags or expressions more than {LayoutDepth.Max} deep",
                    "move deep parts into partials, or simplify the conditions");
            else
            {
                templates[name] = template;
                texts[file.RelativePath] = text!;
                addresses.AddRange(LayoutAddresses.Of(template).Distinct().Select(a => new LayoutAddress(file.DisplayPath, LineOf(text!, a), a)));
                displayPaths[name] = file.DisplayPath;
            }
        }
        foreach (var name in names.Where(n => !templates.ContainsKey(n)))
        {
            var relative = $"{Folder}/{name}.liquid";
            if (theme.Find(relative) == null && !theme.IsRefused(relative))
                diagnostics.Error(Codes.Template, theme.DisplayPathOf(relative), 1, 1,
                    $"the layout '{name}' is missing", $"create {name}.liquid in the theme's layouts folder");
        }
        if (diagnostics.ErrorCount > errors)
            return null;

        var options = new TemplateOptions
        {
            FileProvider = new LayoutFiles(texts),
            MemberAccessStrategy = { MemberNameStrategy = MemberNameStrategies.SnakeCase },
            MaxSteps = MaxSteps,
            MaxRecursion = MaxIncludeDepth,
        };
        RegisterViews(options.MemberAccessStrategy);
        options.Filters.AddFilter(JsonFilter.Name, JsonFilter.Json);
        options.Filters.AddFilter(LayoutAddresses.Filter, (input, _, _) =>
            new StringValue(basePath + input.ToStringValue().TrimStart('/')));
        return new LayoutEngine(templates, displayPaths, options, addresses);
    }

    /// <summary>
    /// Lets layouts read the views. One generic call per view type (not a loop over Type values), so the trimmer of a
    /// Native AOT build sees which types' properties Fluid reads and keeps them: otherwise every {{ page.title }}
    /// renders empty.
    /// </summary>
    internal static void RegisterViews(MemberAccessStrategy access)
    {
        access.Register<SiteView>();
        access.Register<ClinicView>();
        access.Register<NumbersView>();
        access.Register<LinkView>();
        access.Register<PageLinkView>();
        access.Register<SourceView>();
        access.Register<PageView>();
        access.Register<NotFoundView>();
        access.Register<CheckerView>();
    }

    /// <summary>Layouts a page may name in its front matter: the top-level files, not the partials.</summary>
    public IReadOnlyCollection<string> PageLayouts => _templates.Keys.Where(k => !k.Contains('/') && k != "404").ToList();

    /// <summary>The path to show in an error about a layout.</summary>
    public string DisplayPath(string layout) => _displayPaths.GetValueOrDefault(layout, layout);

    /// <exception cref="LayoutException">The layout failed on this model: a fault of the theme, not of the generator.</exception>
    public string Render(string layout, SiteView site, object page)
    {
        var context = new TemplateContext(_options);
        context.SetValue("site", site);
        context.SetValue("page", page);
        try
        {
            return _templates[layout].Render(context, Encoder);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new LayoutException(DisplayPath(layout), e.Message);
        }
    }

    // The parsed template keeps no positions; the first line that writes the address is where a writer looks.
    private static int LineOf(string text, string address)
    {
        var at = text.IndexOf(address, StringComparison.Ordinal);
        return at < 0 ? 1 : text.AsSpan(0, at).Count('\n') + 1;
    }

    // Fluid reports positions as "(line:column)"; a diagnostic wants the line alone.
    private static int ErrorLine(string? error)
    {
        var match = System.Text.RegularExpressions.Regex.Match(error ?? "", @"\((\d+):\d+\)");
        return match.Success && int.TryParse(match.Groups[1].Value, out var line) ? line : 1;
    }
}

public sealed class LayoutException(string layoutFile, string message) : Exception(message)
{
    public string LayoutFile { get; } = layoutFile;
}
