using Site.Pipelines;

namespace Site.Content;

/// <summary>Reads every markdown page below the input folder, in a stable order.</summary>
public sealed class ReadPages : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var root = context.Options.InputDirectory;
        var pages = InputFiles.Enumerate(root)
            .Where(f => f.RelativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Select(f => new Document(f.FullPath, f.RelativePath) { DisplayPath = BuildOptions.DisplayPath(f.FullPath) })
            .ToArray();
        Parallel.ForEach(pages, doc => doc.Text = File.ReadAllText(doc.SourcePath));
        return pages;
    }
}
