using Site.Files;
using Site.Pipelines;

namespace Site.Content;

/// <summary>Lists every markdown page below the input folder, in a stable order, but those a previous build left unchanged.</summary>
public sealed class ListPages : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context) =>
        context.Cache.Reusable(InputFiles.Pages(context.Input))
            .Where(p => p.Page == null)
            .Select(p => p.File)
            .Select(f => new Document(f.FullPath, f.RelativePath) { DisplayPath = f.DisplayPath, Source = f })
            .ToArray();
}
