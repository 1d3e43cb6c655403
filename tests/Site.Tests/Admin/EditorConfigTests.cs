using Site.Admin;
using Site.Content;
using Site.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Site.Tests.Admin;

/// <summary>
/// <c>admin/config.yml</c>, the web editor's settings, is made from the front-matter schema and site.yml: its
/// fields are the schema's keys with the same required flags, its dates are stored YYYY-MM-DD, new pages start
/// from the page scaffold, and it opens pull requests on the repository site.yml names.
/// </summary>
public sealed class EditorConfigTests : IDisposable
{
    private readonly FixtureSite _site = new();

    public void Dispose() => _site.Dispose();

    /// <summary>A repository unlike the real one, so the values can only come from site.yml.</summary>
    public const string Repository = """

        repository:
          name: someone-else/their-site
          branch: live
          folder: site/pages
        """;

    private YamlMappingNode BuildConfig()
    {
        File.AppendAllText(Path.Combine(_site.Input, "site.yml"), Repository);
        var run = _site.Build();
        Assert.True(run.ExitCode == 0, run.ToString());
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(_site.Output, "admin", "config.yml"))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, string key) => ((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    private static string? Scalar(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static List<YamlMappingNode> Items(YamlNode node, string key) => [.. ((YamlSequenceNode)At(node, key)).Children.Cast<YamlMappingNode>()];

    private static YamlMappingNode Pages(YamlMappingNode config) => Items(config, "collections").Single(c => Scalar(c, "name") == "pages");

    private static YamlMappingNode FieldOf(YamlMappingNode config, string key) => Items(Pages(config), "fields").Single(f => Scalar(f, "name") == key);

    [Fact]
    public void The_pages_collection_has_a_field_for_each_front_matter_key_in_schema_order_and_the_body_last()
    {
        var fields = Items(Pages(BuildConfig()), "fields");
        Assert.Equal([.. FrontMatterSchema.Keys, EditorConfig.BodyField], fields.Select(f => Scalar(f, "name")));
        Assert.Equal("markdown", Scalar(fields[^1], "widget"));
        Assert.Equal([.. FrontMatterSchema.Fields.Select(f => f.Label), "Text"], fields.Select(f => Scalar(f, "label")));
    }

    [Fact]
    public void Required_flags_hints_dates_and_the_description_limit_come_from_the_schema()
    {
        var config = BuildConfig();
        foreach (var field in FrontMatterSchema.Fields)
        {
            var node = FieldOf(config, field.Key);
            Assert.Equal(field.Required ? "true" : "false", Scalar(node, "required"));
            Assert.Equal(field.Hint, Scalar(node, "hint"));
            if (field.Kind == FieldKind.Date)
            {
                Assert.Equal("datetime", Scalar(node, "widget"));
                Assert.Equal("YYYY-MM-DD", Scalar(node, "date_format"));
                Assert.Equal("false", Scalar(node, "time_format"));
                Assert.Equal("true", Scalar(node, "picker_utc"));
            }
        }
        Assert.Equal(FrontMatterSchema.MaxDescriptionLength.ToString(), Scalar(FieldOf(config, "description"), "maxlength"));

        var sources = Items(FieldOf(config, "sources"), "fields");
        Assert.Equal(FrontMatterSchema.SourceKeys, sources.Select(f => Scalar(f, "name")));
        Assert.Equal(FrontMatterSchema.SourceFields.Select(f => f.Required ? "true" : "false"), sources.Select(f => Scalar(f, "required")));
        var year = sources.Single(f => Scalar(f, "name") == "year");
        Assert.Equal(("number", "int", "1900", FixtureSite.Today[..4]),
            (Scalar(year, "widget"), Scalar(year, "value_type"), Scalar(year, "min"), Scalar(year, "max")));
        Assert.Equal("1", Scalar(FieldOf(config, "sources"), "min"));
    }

    [Fact]
    public void The_editor_opens_pull_requests_on_the_repository_branch_and_folder_site_yml_names()
    {
        var config = BuildConfig();
        var backend = At(config, "backend");
        Assert.Equal(("github", "someone-else/their-site", "live"), (Scalar(backend, "name"), Scalar(backend, "repo"), Scalar(backend, "branch")));
        Assert.Equal(["token"], ((YamlSequenceNode)At(backend, "auth_methods")).Children.Select(n => ((YamlScalarNode)n).Value));
        Assert.Equal("editorial_workflow", Scalar(config, "publish_mode"));
        var pages = Pages(config);
        Assert.Equal(("site/pages", "md", "frontmatter", "true"), (Scalar(pages, "folder"), Scalar(pages, "extension"), Scalar(pages, "format"), Scalar(pages, "create")));
        Assert.Equal("https://clinic.example/", Scalar(config, "site_url"));
    }

    [Fact]
    public void A_new_page_starts_from_the_page_scaffold()
    {
        var config = BuildConfig();
        var today = DateOnly.Parse(FixtureSite.Today);
        Assert.Equal(PageScaffold.Body.Replace("\r\n", "\n"), Scalar(FieldOf(config, "body"), "default"));
        Assert.Equal(PageScaffold.Description, Scalar(FieldOf(config, "description"), "default"));
        Assert.Equal(PageScaffold.Author, Scalar(FieldOf(config, "author"), "default"));
        Assert.Equal(PageScaffold.Reviewer, Scalar(FieldOf(config, "reviewed_by"), "default"));
        Assert.Equal(Site.Layout.RenderLayout.Iso(today), Scalar(FieldOf(config, "last_reviewed"), "default"));
        Assert.Equal(Site.Layout.RenderLayout.Iso(today.AddYears(1)), Scalar(FieldOf(config, "next_review"), "default"));
        Assert.Null(Scalar(FieldOf(config, "title"), "default"));
        var source = Assert.Single(Items(FieldOf(config, "sources"), "default"));
        Assert.StartsWith(PageScaffold.Marker, Scalar(source, "title"));
        Assert.StartsWith(PageScaffold.Marker, Scalar(source, "publisher"));
        // A number, as the number field keeps it, not a quoted text.
        var year = (YamlScalarNode)At(source, "year");
        Assert.Equal((FixtureSite.Today[..4], YamlDotNet.Core.ScalarStyle.Plain), (year.Value, year.Style));
    }

    [Fact]
    public void Layouts_are_the_themes_page_layouts_and_slugs_are_lowercase_words_with_hyphens()
    {
        var config = BuildConfig();
        var layouts = Directory.GetFiles(Path.Combine(RepoPaths.Theme, "layouts"), "*.liquid")
            .Select(Path.GetFileNameWithoutExtension).Where(l => l != "404").Order(StringComparer.Ordinal);
        var layout = FieldOf(config, "layout");
        Assert.Equal(("select", "false"), (Scalar(layout, "widget"), Scalar(layout, "required")));
        Assert.Equal(layouts, ((YamlSequenceNode)At(layout, "options")).Children.Select(n => ((YamlScalarNode)n).Value));
        var slug = At(config, "slug");
        Assert.Equal(("ascii", "true", "-", "true"), (Scalar(slug, "encoding"), Scalar(slug, "clean_accents"), Scalar(slug, "sanitize_replacement"), Scalar(slug, "lowercase")));
        Assert.Equal("true", Scalar(At(config, "output"), "omit_empty_optional_fields"));
    }

    [Fact]
    public void Only_a_site_whose_site_yml_names_a_repository_has_an_editor_which_robots_txt_disallows()
    {
        var run = _site.Build("--base-path", "clinic");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(Directory.Exists(Path.Combine(_site.Output, "admin")));
        Assert.DoesNotContain("Disallow", File.ReadAllText(Path.Combine(_site.Output, "robots.txt")));

        File.AppendAllText(Path.Combine(_site.Input, "site.yml"), Repository);
        run = _site.Build("--base-path", "clinic");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(_site.Output, "admin", "index.html")));
        Assert.Contains("\nDisallow: /clinic/admin/\n", File.ReadAllText(Path.Combine(_site.Output, "robots.txt")));
    }
}
