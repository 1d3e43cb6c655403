using Site.Pipelines;

namespace Site.Content;

/// <summary>Lists every markdown page below the input folder, in a stable order.</summary>
public sealed class ListPages : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context) =>
        InputFiles.Enumerate(context.Options.InputDirectory)
            .Where(f => f.RelativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Select(f => new Document(f.FullPath, f.RelativePath) { DisplayPath = BuildOptions.DisplayPath(f.FullPath) })
            .ToArray();
}
