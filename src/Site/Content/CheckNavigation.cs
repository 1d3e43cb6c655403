using Site.Diagnostics;
using Site.Pipelines;
using Site.Settings;

namespace Site.Content;

/// <summary>Every navigation entry in the settings must name a page.</summary>
public sealed class CheckNavigation : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var paths = documents.Select(d => d.RelativePath).ToHashSet(StringComparer.Ordinal);
        var settingsFile = context.Input.DisplayPathOf(SiteSettingsLoader.FileName);
        foreach (var entry in context.Settings.Navigation.Where(e => !paths.Contains(e.Page)))
            context.Diagnostics.Error(Codes.BrokenLink, settingsFile, entry.Line, entry.Column,
                $"the navigation entry '{entry.Page}' is not a page",
                "name a page by its path in the input folder, for example 'aftercare.md'");
        return documents;
    }
}
