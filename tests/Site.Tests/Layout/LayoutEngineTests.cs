using Fluid;
using Site.Diagnostics;
using Site.Files;
using Site.Layout;
using Site.Tests.Support;

namespace Site.Tests.Layout;

public sealed class LayoutEngineTests : IDisposable
{
    private readonly TempFolder _theme = new("site-theme-");

    public LayoutEngineTests() => Directory.CreateDirectory(_theme.Combine("layouts", "partials"));

    public void Dispose() => _theme.Dispose();

    private void Write(string name, string text) => File.WriteAllText(_theme.Combine("layouts", name), text);

    private static readonly SiteView Site = new("Clinic", "d", "en-GB", "https://x.example/b", "/b/",
        new ClinicView("C", "e", "p", "a"), new NumbersView("999", "111"), [], [], [], "/b/search/", "/b/assets/search/meta.json", null);

    [Fact]
    public void A_broken_partial_is_reported_with_its_own_file_and_line()
    {
        Write("page.liquid", "{% include 'partials/footer' %}");
        Write("partials/footer.liquid", "<footer>\n\n{% if site.title %}no end");
        var diagnostics = new DiagnosticBag();
        Assert.Null(LayoutEngine.Load(SourceTree.Scan(_theme.Path, diagnostics), "/", ["page"], diagnostics));
        var error = Assert.Single(diagnostics.Sorted());
        Assert.EndsWith("partials/footer.liquid", error.File);
        Assert.Equal(Codes.Template, error.Code);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void A_missing_layout_is_reported()
    {
        Write("page.liquid", "x");
        var diagnostics = new DiagnosticBag();
        Assert.Null(LayoutEngine.Load(SourceTree.Scan(_theme.Path, diagnostics), "/", ["page", "404"], diagnostics));
        Assert.Contains("the layout '404' is missing", Assert.Single(diagnostics.Sorted()).Message);
    }

    [Fact]
    public void Values_are_escaped_unless_raw_and_relative_url_adds_the_base_path()
    {
        Write("page.liquid", "<title>{{ page.title }}</title>{{ page.content | raw }}<a href=\"{{ 'contact/' | relative_url }}\">{{ site.numbers.emergency }}</a>");
        var engine = LayoutEngine.Load(SourceTree.Scan(_theme.Path, new DiagnosticBag()), "/b/", ["page"], new DiagnosticBag())!;
        var page = new NotFoundView("<script>x</script> Gröber", "d", "/b/x/", "https://x.example/b/x/");
        var html = engine.Render("page", Site, page);
        Assert.Contains("<title>&lt;script&gt;x&lt;/script&gt; Gröber</title>", html);
        Assert.Contains("<a href=\"/b/contact/\">999</a>", html);
    }

    [Fact]
    public void The_json_filter_writes_what_Fluids_own_writes()
    {
        // Ours replaces Fluid's, which serializes the views by reflection and fails in a Native AOT build.
        const string Template = "{{ page | json }}|{{ page.title | json }}|{{ page.tags | json }}|{{ page.sources | json }}|{{ page.is_home | json }}"
            + "|{{ page.missing | json }}|{{ 2.5 | json }}|{{ 'x,y' | split: ',' | json }}|{{ site | json | raw }}|{{ site.checker | json }}";
        Write("page.liquid", Template);
        var engine = LayoutEngine.Load(SourceTree.Scan(_theme.Path, new DiagnosticBag()), "/", ["page"], new DiagnosticBag())!;
        var site = Site with
        {
            Navigation = [new LinkView("Home", "/")],
            Pages = [new PageLinkView("A", "/a/", "d")],
            Checker = new CheckerView("1.0", "2026-11-20", "20 November 2026", "Lead", "{\"a\":\"<b>\"}"),
        };
        var page = new PageView("Gröber <b> & \"q\" 😀", "d", "/x/", "https://x.example/x/", "<p>Hi</p>", "A", "R", "2026-01-01", "1 January 2026",
            "2027-01-01", "1 January 2027", [new SourceView("T", "P", 2003, "")], ["a", "b"], [new LinkView("Home", "/")], false, "{}", "");

        var options = new TemplateOptions { MemberAccessStrategy = { MemberNameStrategy = MemberNameStrategies.SnakeCase } };
        LayoutEngine.RegisterViews(options.MemberAccessStrategy);
        var context = new TemplateContext(options);
        context.SetValue("site", site);
        context.SetValue("page", page);
        var fluids = new FluidParser().Parse(Template).Render(context, System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));

        Assert.Equal(fluids, engine.Render("page", site, page));
        Assert.Contains("&quot;Tags&quot;:[&quot;a&quot;,&quot;b&quot;]", fluids);
    }

    [Fact]
    public void The_real_theme_loads_without_problems()
    {
        var diagnostics = new DiagnosticBag();
        Assert.NotNull(LayoutEngine.Load(SourceTree.Scan(RepoPaths.Theme, diagnostics), "/", ["page", "404"], diagnostics));
        Assert.Empty(diagnostics.Sorted());
    }
}
