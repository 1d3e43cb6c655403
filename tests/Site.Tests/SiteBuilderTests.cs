using Site.Pipelines;
using Site.Search;
using Site.Tests.Support;

namespace Site.Tests;

/// <summary>How the site's pipelines depend on each other, as the runner orders them.</summary>
public sealed class SiteBuilderTests
{
    private static IReadOnlyList<Pipeline> Pipelines()
    {
        var inputs = SiteInputs.Load(new BuildOptions(RepoPaths.Input, RepoPaths.Theme, Path.Combine(Path.GetTempPath(), "site-unused"), "/", new DateOnly(2026, 12, 1)));
        return SiteBuilder.Pipelines(inputs.Layouts!, inputs.Settings!);
    }

    [Fact]
    public void The_search_data_is_made_off_the_critical_path_where_no_other_pipeline_waits_for_it()
    {
        var pipelines = Pipelines();
        var dependencies = PipelineRunner.Dependencies(pipelines);
        var search = pipelines.Single(p => p.Modules.Any(m => m is WriteSearchIndex));
        Assert.Contains(search.Modules, m => m is ExtractPageSearch);
        // Each page's words are scored in the search pipeline, not in the pass that every page waits for.
        Assert.DoesNotContain(pipelines.Single(p => p.Name == "content").Modules, m => m is ExtractPageSearch);
        bool Waits(Pipeline p) => dependencies[p].Any(d => d == search || Waits(d));
        Assert.All(pipelines.Where(p => p != search), p => Assert.False(Waits(p), $"'{p.Name}' waits for the search data"));
    }
}
