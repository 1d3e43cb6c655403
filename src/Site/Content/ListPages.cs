using Site.Files;
using Site.Pipelines;

namespace Site.Content;

/// <summary>Lists every markdown page below the input folder, in a stable order, but those a previous build left unchanged.</summary>
public sealed class ListPages : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context) =>
        InputFiles.Pages(context.Input)
            .Where(f => context.Cache.Reusable(f) == null)
            .Select(f => new Document(f.FullPath, f.RelativePath) { DisplayPath = f.DisplayPath, Source = f })
            .ToArray();
}
