using Site.Content;
using Site.Settings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Site.Admin;

/// <summary>
/// The web editor's <c>admin/config.yml</c>, made from the front-matter schema (<see cref="FrontMatterSchema"/>) and
/// the page scaffold (<see cref="PageScaffold"/>), so its fields, required flags and new-page text cannot drift
/// from what the build accepts and what <c>new</c> writes.
/// </summary>
/// <remarks>
/// Sveltia CMS options used (its JSON schema, <c>node_modules/@sveltia/cms/schema/sveltia-cms.json</c>, checks them
/// as the editor loads, and they read as Decap CMS options where Decap has them): <c>backend</c> <c>name: github</c>,
/// <c>repo</c>, <c>branch</c> and <c>auth_methods: [token]</c> (Sveltia: sign in with a personal access token only,
/// as there is no OAuth server); <c>publish_mode: editorial_workflow</c> (each save is a branch and a pull request);
/// <c>media_folder</c>/<c>public_folder</c> (required; see <see cref="MediaFolder"/>); <c>site_url</c>,
/// <c>app_title</c>, <c>show_preview_links</c> (Sveltia); <c>slug</c> (Sveltia's <c>encoding</c>,
/// <c>clean_accents</c>, <c>sanitize_replacement</c>, <c>lowercase</c>, <c>trim</c>); <c>output</c>
/// <c>omit_empty_optional_fields</c> (Sveltia: an empty optional field is left out of the file rather than written
/// as <c>''</c>, which the build refuses); a folder collection with <c>folder</c>, <c>extension: md</c>,
/// <c>format: frontmatter</c>, <c>create</c>, <c>identifier_field</c>, <c>summary</c> and <c>slug</c> as an object
/// (Sveltia: <c>template</c>, <c>editable</c>, <c>pattern</c>); fields with <c>name</c>, <c>label</c>,
/// <c>widget</c>, <c>required</c>, <c>hint</c>, <c>default</c>, and per widget: string <c>maxlength</c>,
/// <c>pattern</c>, <c>type: url</c> (Sveltia); datetime <c>date_format</c>, <c>time_format: false</c>,
/// <c>picker_utc: true</c> (a date stored as YYYY-MM-DD, the same day in every time zone); number
/// <c>value_type: int</c>, <c>min</c>, <c>max</c>; list <c>fields</c>, <c>field</c>, <c>min</c>, <c>summary</c>;
/// select <c>options</c>; markdown <c>buttons</c>, <c>editor_components</c>.
/// </remarks>
public static class EditorConfig
{
    public const string CollectionName = "pages";

    /// <summary>Where the editor would put uploads. Nothing needs one (pages have no images, and the markdown
    /// field offers no image button), but Sveltia requires the option: a folder outside the input folder is
    /// never published, so a stray upload only shows up in its pull request.</summary>
    public const string MediaFolder = "editor-uploads";

    /// <summary>The stored and shown form of a date, in Day.js tokens: what <c>MappingReader.Date</c> reads.</summary>
    public const string DateFormat = "YYYY-MM-DD";

    /// <summary>The markdown buttons offered: the build refuses a level-1 heading in the content.</summary>
    private static readonly string[] Buttons =
        ["bold", "italic", "link", "heading-two", "heading-three", "quote", "bulleted-list", "numbered-list"];

    /// <summary>The editor's configuration as YAML, for a site whose source is <paramref name="repository"/>.</summary>
    /// <param name="siteAddress">The published site's address with its base path, for the editor's link to it.</param>
    /// <param name="layouts">The theme's page layouts, for the layout field's choices.</param>
    public static string Yaml(SiteSettings settings, SourceRepository repository, string siteAddress, IReadOnlyCollection<string> layouts, DateOnly today)
    {
        var root = new YamlMappingNode
        {
            { "backend", Map(("name", Text("github")), ("repo", Text(repository.Name)), ("branch", Text(repository.Branch)),
                ("auth_methods", List(Text("token")))) },
            { "publish_mode", Text("editorial_workflow") },
            { "media_folder", Text(MediaFolder) },
            { "public_folder", Text("/" + MediaFolder) },
            { "site_url", Text(siteAddress) },
            { "app_title", Text($"Page editor: {settings.Title}") },
            { "show_preview_links", Bool(false) },
            { "slug", Map(("encoding", Text("ascii")), ("clean_accents", Bool(true)), ("sanitize_replacement", Text("-")),
                ("lowercase", Bool(true)), ("trim", Bool(true))) },
            { "output", Map(("omit_empty_optional_fields", Bool(true))) },
            { "collections", List(Collection(repository.Folder, layouts, today)) },
        };
        var text = new StringWriter { NewLine = "\n" };
        text.Write("# The web editor's settings (Sveltia CMS), written by the site build from the front-matter schema\n"
            + "# (src/Site/Admin/EditorConfig.cs): change that, not this file.\n"
            + "# yaml-language-server: $schema=https://unpkg.com/@sveltia/cms/schema/sveltia-cms.json\n");
        new YamlStream(new YamlDocument(root)).Save(text, assignAnchors: false);
        // YamlStream ends the document with "...": not needed for a single document.
        var yaml = text.ToString();
        return yaml.EndsWith("...\n", StringComparison.Ordinal) ? yaml[..^4] : yaml;
    }

    private static YamlMappingNode Collection(string folder, IReadOnlyCollection<string> layouts, DateOnly today)
    {
        var scaffold = Scaffold(today);
        var fields = FrontMatterSchema.Fields.Select(f => Field(f, scaffold, layouts, today)).ToList();
        fields.Add(Map(("name", Text(BodyField)), ("label", Text("Text")), ("widget", Text("markdown")),
            ("hint", Text($"The page's text. Keep its sections {string.Join(" and ", CheckRequiredSections.Required.Select(r => $"'{r.Heading}'"))}: every page needs them.")),
            ("default", Text(PageScaffold.Body.Replace("\r\n", "\n"))),
            ("buttons", List([.. Buttons.Select(Text)])),
            ("editor_components", new YamlSequenceNode())));
        return Map(
            ("name", Text(CollectionName)),
            ("label", Text("Pages")),
            ("label_singular", Text("Page")),
            ("description", Text("Each save opens a pull request, which the site's checks test before anyone can merge it.")),
            ("folder", Text(folder)),
            ("extension", Text("md")),
            ("format", Text("frontmatter")),
            ("create", Bool(true)),
            ("identifier_field", Text("title")),
            ("summary", Text("{{title}}")),
            // The file name is the page's address: set once, when the page is made, so links to it keep working.
            ("slug", Map(("template", Text("{{title}}")), ("editable", List(Text("create"))),
                ("pattern", List(Text("^[a-z0-9]+(-[a-z0-9]+)*$"), Text("Use lowercase letters, digits and single hyphens, such as 'ice-after-massage'."))))),
            ("fields", new YamlSequenceNode(fields)));
    }

    /// <summary>The field name Sveltia gives the text after the front matter.</summary>
    public const string BodyField = "body";

    private static YamlMappingNode Field(FrontMatterField field, YamlMappingNode scaffold, IReadOnlyCollection<string> layouts, DateOnly today)
    {
        var node = Map(("name", Text(field.Key)), ("label", Text(field.Label)));
        switch (field.Kind)
        {
            case FieldKind.Text:
                node.Add("widget", Text("string"));
                if (field.MaxLength is { } max)
                    node.Add("maxlength", Number(max));
                break;
            case FieldKind.Date:
                node.Add("widget", Text("datetime"));
                node.Add("date_format", Text(DateFormat));
                node.Add("time_format", Bool(false));
                node.Add("picker_utc", Bool(true));
                break;
            case FieldKind.Sources:
                node.Add("widget", Text("list"));
                node.Add("min", Number(1));
                node.Add("summary", Text("{{fields.title}}"));
                node.Add("fields", new YamlSequenceNode(FrontMatterSchema.SourceFields.Select(s => SourceField(s, today))));
                break;
            case FieldKind.Tags:
                node.Add("widget", Text("list"));
                node.Add("field", Map(("name", Text("tag")), ("label", Text("Tag")), ("widget", Text("string")),
                    ("pattern", List(Text($"/{ParseFrontMatter.TagPatternText}/u"), Text("Use one word: letters, digits and hyphens, such as 'aftercare'.")))));
                break;
            case FieldKind.Words:
                node.Add("widget", Text("list"));
                node.Add("field", Map(("name", Text("word")), ("label", Text("Word or phrase")), ("widget", Text("string"))));
                break;
            case FieldKind.Layout:
                node.Add("widget", Text("select"));
                node.Add("options", List([.. layouts.Order(StringComparer.Ordinal).Select(Text)]));
                break;
            default:
                throw new InvalidOperationException($"the editor has no field for a front-matter value of kind {field.Kind}");
        }
        node.Add("required", Bool(field.Required));
        node.Add("hint", Text(field.Hint));
        if (Default(field, scaffold) is { } value)
            node.Add("default", value);
        return node;
    }

    private static YamlMappingNode SourceField(FrontMatterField field, DateOnly today)
    {
        var node = Map(("name", Text(field.Key)), ("label", Text(field.Label)));
        // The build reads 'year' as a whole number from 1900 to this year (ParseFrontMatter.ReadSources): a number
        // field stores it as one ("year: 2024"), which a text field would quote.
        if (field.Key == "year")
        {
            node.Add("widget", Text("number"));
            node.Add("value_type", Text("int"));
            node.Add("min", Number(1900));
            node.Add("max", Number(today.Year));
        }
        else
        {
            node.Add("widget", Text("string"));
            if (field.Key == "url")
                node.Add("type", Text("url"));
        }
        node.Add("required", Bool(field.Required));
        node.Add("hint", Text(field.Hint));
        return node;
    }

    /// <summary>The value a new page starts with: what <see cref="PageScaffold.Text"/> writes for the key, but no
    /// title (the writer's first step) and no optional key the scaffold leaves out.</summary>
    private static YamlNode? Default(FrontMatterField field, YamlMappingNode scaffold)
    {
        if (field.Key == "title" || !scaffold.Children.TryGetValue(new YamlScalarNode(field.Key), out var value))
            return null;
        return field.Kind == FieldKind.Sources ? Sources(value) : Copy(value);
    }

    /// <summary>The scaffold's sources as the list field's default, each year as a number.</summary>
    private static YamlSequenceNode Sources(YamlNode value)
    {
        var list = new YamlSequenceNode();
        foreach (var item in ((YamlSequenceNode)value).Children.Cast<YamlMappingNode>())
        {
            var source = new YamlMappingNode();
            foreach (var (key, text) in item.Children.Select(p => (((YamlScalarNode)p.Key).Value!, p.Value)))
                source.Add(key, key == "year" ? Number(int.Parse(((YamlScalarNode)text).Value!, System.Globalization.CultureInfo.InvariantCulture)) : Copy(text));
            list.Add(source);
        }
        return list;
    }

    private static YamlNode Copy(YamlNode value) => value is YamlScalarNode { Value: { } text }
        ? Text(text)
        : throw new InvalidOperationException($"the page scaffold holds a {value.NodeType} where the editor expects a text");

    /// <summary>The scaffold's front matter, parsed: the one source of a new page's values.</summary>
    private static YamlMappingNode Scaffold(DateOnly today)
    {
        var block = FrontMatterBlock.Extract(PageScaffold.Text("title", today))
            ?? throw new InvalidOperationException("the page scaffold has no front matter");
        var stream = new YamlStream();
        stream.Load(new StringReader(block.Text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(params (string Key, YamlNode Value)[] pairs) =>
        new(pairs.Select(p => new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(p.Key), p.Value)));

    private static YamlSequenceNode List(params YamlNode[] items) => new(items);

    // Every text is quoted, so no value can read as a number, a boolean or YAML syntax; long ones are literal blocks.
    private static YamlScalarNode Text(string value) =>
        new(value) { Style = value.Contains('\n') ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted };

    private static YamlScalarNode Bool(bool value) => new(value ? "true" : "false") { Style = ScalarStyle.Plain };

    private static YamlScalarNode Number(int value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain };
}
