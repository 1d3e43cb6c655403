using Site.Content;
using Site.Diagnostics;
using Site.Pipelines;

namespace Site.Checker;

/// <summary>
/// Reads <c>data/checker.yml</c> into a document whose <see cref="Document.Model"/> is the <see cref="CheckerData"/>,
/// and proves it safe against its reviewed scenarios.
/// </summary>
public sealed class LoadChecker : IModule
{
    public const string RelativePath = "data/checker.yml";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var path = Path.Combine(context.Options.InputDirectory, RelativePath);
        if (!File.Exists(path))
            return [];
        var doc = new Document(path, RelativePath) { DisplayPath = BuildOptions.DisplayPath(path) };
        doc.Text = ReplacePlaceholders.Replace(File.ReadAllText(path), context, (line, column, message, hint) =>
            context.Error(doc, Codes.UnknownPlaceholder, line, column, message, hint));
        var data = CheckerDataReader.Read(doc.Text, doc.DisplayPath, context.Diagnostics);
        if (data == null)
        {
            doc.MarkFailed();
            return [doc];
        }
        doc.Model = data;

        var scenariosPath = Path.Combine(context.Options.InputDirectory, Scenarios.RelativePath);
        var scenariosFile = BuildOptions.DisplayPath(scenariosPath);
        Scenarios? scenarios = null;
        if (File.Exists(scenariosPath))
            scenarios = Scenarios.Read(File.ReadAllText(scenariosPath), scenariosFile, context.Diagnostics);
        else
            context.Diagnostics.Error(Codes.Checker, scenariosFile, 1, 1, "the checker has no reviewed scenarios",
                $"create {Scenarios.RelativePath}: named answer sets with the level a clinician expects");
        var combinations = new CheckerVerifier(data, doc.DisplayPath, context.Diagnostics).Verify(scenarios, scenariosFile);
        context.Note($"Symptom checker: {combinations:N0} combinations of answers checked against {scenarios?.Items.Count ?? 0} reviewed scenarios.");
        return [doc];
    }
}
