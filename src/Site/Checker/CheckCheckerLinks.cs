using Site.Diagnostics;
using Site.Pipelines;

namespace Site.Checker;

/// <summary>Every checker level links to guidance pages that exist, checked like any other link.</summary>
public sealed class CheckCheckerLinks : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var checker = context.OutputsOf(SiteBuilder.CheckerPipeline).FirstOrDefault();
        if (checker?.Model is not CheckerData data)
            return documents;
        var pages = context.OutputsOf(SiteBuilder.ContentPipeline).Select(d => d.RelativePath).ToHashSet(StringComparer.Ordinal);
        foreach (var level in data.Levels)
            foreach (var link in level.Links.Where(l => !pages.Contains(l)))
                context.Error(checker, Codes.BrokenLink, level.Line, 1, $"the level '{level.Id}' links to '{link}', which is not a page",
                    "name a page by its path in the input folder, for example 'aftercare.md'");
        return documents;
    }
}
