using Site.Content;
using Site.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Site.Tests.Admin;

/// <summary>A page saved by the web editor, in the exact form Sveltia CMS writes it (<see cref="EditorWrittenPage"/>), builds cleanly.</summary>
public sealed class EditorWrittenPageTests : IDisposable
{
    private readonly FixtureSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void A_page_as_the_editor_writes_it_has_its_keys_in_the_editors_field_order_and_builds_with_no_errors_or_warnings()
    {
        File.AppendAllText(Path.Combine(_site.Input, "site.yml"), EditorConfigTests.Repository);
        _site.WritePage(EditorWrittenPage.FileName, EditorWrittenPage.Text);
        var run = _site.Build();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("0 warnings, 0 errors", run.Stdout);
        var html = File.ReadAllText(Path.Combine(_site.Output, Path.GetFileNameWithoutExtension(EditorWrittenPage.FileName), "index.html"));
        Assert.Contains(EditorWrittenPage.Title, html);
        Assert.Contains(EditorWrittenPage.Sources[1].Title, html);

        // Sveltia writes the keys in the order of the config's fields, which is the schema's.
        var config = new YamlStream();
        config.Load(new StringReader(File.ReadAllText(Path.Combine(_site.Output, "admin", "config.yml"))));
        var collection = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)config.Documents[0].RootNode)["collections"])[0];
        var fields = ((YamlSequenceNode)collection["fields"]).Children.Select(f => ((YamlScalarNode)((YamlMappingNode)f)["name"]).Value!).ToList();
        var page = new YamlStream();
        page.Load(new StringReader(FrontMatterBlock.Extract(EditorWrittenPage.Text)!.Value.Text));
        var keys = ((YamlMappingNode)page.Documents[0].RootNode).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();
        Assert.Equal(fields.Where(keys.Contains), keys);
        Assert.Equal(FrontMatterSchema.Keys.Where(keys.Contains), keys);
    }
}
