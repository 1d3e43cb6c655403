using Site.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Site.Tests.Workflows;

/// <summary>The pull-request workflow uploads the built site and writes the job summary from the diff against the base branch.</summary>
public sealed class PullRequestSummaryTests
{
    private static List<YamlMappingNode> Steps()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "workflows", "pull-request.yml"))));
        var jobs = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["jobs"];
        return ((YamlSequenceNode)((YamlMappingNode)jobs["build-and-test"])["steps"]).Cast<YamlMappingNode>().ToList();
    }

    private static string? Value(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    [Fact]
    public void The_summary_step_diffs_the_base_branch_and_links_the_uploaded_site()
    {
        var steps = Steps();
        var checkout = steps.Single(s => Value(s, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);
        Assert.Equal("0", Value(Map(checkout, "with"), "fetch-depth"));

        var build = steps.FindIndex(s => Value(s, "name") == "Build site");
        var upload = steps.FindIndex(s => Value(s, "uses") == "actions/upload-artifact@v4" && Value(Map(s, "with"), "path") == "output/");
        var summary = steps.FindIndex(s => Value(s, "run")?.Contains("./site summary", StringComparison.Ordinal) == true);
        Assert.True(build >= 0 && build < upload && upload < summary, $"build {build}, upload {upload}, summary {summary}");

        var step = steps[summary];
        Assert.Equal("${{ !cancelled() }}", Value(step, "if"));
        var run = Value(step, "run")!;
        // Expressions go through env, never into the script itself.
        Assert.DoesNotContain("${{", run);
        Assert.Contains("git diff --name-status --no-renames \"origin/$BASE_REF...HEAD\"", run);
        Assert.Contains(">> \"$GITHUB_STEP_SUMMARY\"", run);
        var env = Map(step, "env");
        Assert.Equal("${{ github.base_ref }}", Value(env, "BASE_REF"));
        Assert.Equal($"${{{{ steps.{Value(steps[upload], "id")}.outputs.artifact-url }}}}", Value(env, "ARTIFACT_URL"));
    }
}
