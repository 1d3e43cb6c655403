using Site.Content;
using Site.Pipelines;

namespace Site.Assets;

/// <summary>Copies static files as they are: the theme's <c>assets/</c> folder and the input's non-page files.</summary>
public sealed class CopyFiles : IModule
{
    public const string ThemeAssetsFolder = "assets";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var themeAssets = Path.Combine(context.Options.ThemeDirectory, ThemeAssetsFolder);
        var files = InputFiles.Enumerate(themeAssets)
            .Select(f => new Document(f.FullPath, f.RelativePath) { OutputPath = ThemeAssetsFolder + "/" + f.RelativePath })
            .Concat(InputFiles.Enumerate(context.Options.InputDirectory)
                .Where(f => !f.RelativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                .Select(f => new Document(f.FullPath, f.RelativePath) { OutputPath = f.RelativePath }))
            .ToList();
        Parallel.ForEach(files, file =>
            context.Output.Copy(file.OutputPath!, file.SourcePath, BuildOptions.DisplayPath(file.SourcePath)));
        return files;
    }
}
