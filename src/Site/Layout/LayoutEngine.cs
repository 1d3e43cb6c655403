using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.FileProviders;
using Site.Diagnostics;
using Site.Pipelines;

namespace Site.Layout;

/// <summary>
/// Liquid layouts from <c>theme/layouts/</c>, parsed once. Rendering is sandboxed (only the model's
/// members are visible) and output is HTML-escaped unless a layout asks for <c>| raw</c>.
/// </summary>
public sealed class LayoutEngine
{
    // Escape markup characters but keep letters such as "ö" readable in the HTML.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly FluidParser Parser = new();

    private readonly Dictionary<string, IFluidTemplate> _templates;
    private readonly TemplateOptions _options;

    private LayoutEngine(Dictionary<string, IFluidTemplate> templates, TemplateOptions options)
    {
        _templates = templates;
        _options = options;
    }

    public static string LayoutsFolder(string themeDirectory) => Path.Combine(themeDirectory, "layouts");

    /// <summary>Parses the named layouts; returns null when one is missing or does not parse (reported).</summary>
    public static LayoutEngine? Load(string themeDirectory, string basePath, IEnumerable<string> names, DiagnosticBag diagnostics)
    {
        var folder = LayoutsFolder(themeDirectory);
        var templates = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        // Parse partials too, so a mistake in one is reported with its own file and line before any page renders.
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.liquid", SearchOption.AllDirectories) : [];
        foreach (var path in files.Order(StringComparer.Ordinal))
        {
            if (Parser.TryParse(File.ReadAllText(path), out var template, out var error))
                templates[Path.GetRelativePath(folder, path)[..^".liquid".Length].Replace('\\', '/')] = template;
            else
                diagnostics.Error(Codes.Template, BuildOptions.DisplayPath(path), ErrorLine(error), 1, $"the layout does not parse: {error}", "fix the Liquid syntax near that line");
        }
        foreach (var name in names.Where(n => !templates.ContainsKey(n)))
        {
            var path = Path.Combine(folder, name + ".liquid");
            if (!File.Exists(path))
                diagnostics.Error(Codes.Template, BuildOptions.DisplayPath(path), 1, 1, $"the layout '{name}' is missing", $"create {name}.liquid in the theme's layouts folder");
        }
        if (diagnostics.HasErrors)
            return null;

        var options = new TemplateOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            MemberAccessStrategy = { MemberNameStrategy = MemberNameStrategies.SnakeCase },
        };
        foreach (var type in new[] { typeof(SiteModel), typeof(ClinicModel), typeof(NumbersModel), typeof(LinkModel), typeof(PageLinkModel), typeof(SourceModel), typeof(PageModel), typeof(NotFoundPageModel), typeof(CheckerModel) })
            options.MemberAccessStrategy.Register(type);
        options.Filters.AddFilter("relative_url", (input, _, _) =>
            new StringValue(basePath + input.ToStringValue().TrimStart('/')));
        return new LayoutEngine(templates, options);
    }

    /// <summary>Layouts a page may name in its front matter: the top-level files, not the partials.</summary>
    public IReadOnlyCollection<string> PageLayouts => _templates.Keys.Where(k => !k.Contains('/') && k != "404").ToList();

    public string Render(string layout, SiteModel site, object page)
    {
        var context = new TemplateContext(_options);
        context.SetValue("site", site);
        context.SetValue("page", page);
        return _templates[layout].Render(context, Encoder);
    }

    // Fluid reports positions as "(line:column)"; a diagnostic wants the line alone.
    private static int ErrorLine(string? error)
    {
        var match = System.Text.RegularExpressions.Regex.Match(error ?? "", @"\((\d+):\d+\)");
        return match.Success ? int.Parse(match.Groups[1].Value) : 1;
    }
}
