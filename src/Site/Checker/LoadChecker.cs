using Site.Diagnostics;
using Site.Files;
using Site.Pipelines;

namespace Site.Checker;

/// <summary>
/// Reads <c>data/checker.yml</c> into the <see cref="CheckerData"/> and proves it safe against its reviewed scenarios.
/// The data is null when the file is missing or does not read (reported); pages that need it report that too.
/// </summary>
public sealed class LoadChecker : IModule
{
    public const string RelativePath = "data/checker.yml";

    public IReadOnlyList<IProduct> Makes => [Products.Checker];

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        context.Set(Products.Checker, Load(context));
        return documents;
    }

    private static CheckerData? Load(BuildContext context)
    {
        var file = context.Input.Find(RelativePath);
        if (file == null)
            return null;
        var text = SourceText.Read(file, context.Diagnostics);
        var data = text == null ? null : CheckerDataReader.Read(text, file.DisplayPath, context.Diagnostics, context.Settings.Placeholders);
        if (data == null)
            return null;

        var scenariosFile = context.Input.Find(Scenarios.RelativePath);
        var scenariosDisplay = context.Input.DisplayPathOf(Scenarios.RelativePath);
        Scenarios? scenarios = null;
        if (scenariosFile != null)
        {
            var scenariosText = SourceText.Read(scenariosFile, context.Diagnostics);
            if (scenariosText != null)
                scenarios = Scenarios.Read(scenariosText, scenariosDisplay, context.Diagnostics);
        }
        else if (!context.Input.IsRefused(Scenarios.RelativePath))
        {
            context.Diagnostics.Error(Codes.Checker, scenariosDisplay, 1, 1, "the checker has no reviewed scenarios",
                $"create {Scenarios.RelativePath}: named answer sets with the level a clinician expects");
        }
        var combinations = new CheckerVerifier(data, file.DisplayPath, context.Diagnostics).Verify(scenarios, scenariosDisplay);
        context.Note($"Symptom checker: {combinations:N0} combinations of answers checked against {scenarios?.Items.Count ?? 0} reviewed scenarios.");
        return data;
    }
}
