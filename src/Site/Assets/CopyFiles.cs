using Site.Content;
using Site.Files;
using Site.Pipelines;

namespace Site.Assets;

/// <summary>Copies static files as they are: the theme's <c>assets/</c> folder and the input's non-page files.</summary>
public sealed class CopyFiles : IModule
{
    public const string ThemeAssetsFolder = "assets";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var files = context.Theme.Under(ThemeAssetsFolder)
            .Select(f => (File: f, OutputPath: ThemeAssetsFolder + "/" + f.RelativePath))
            .Concat(InputFiles.StaticFiles(context.Input).Select(f => (File: f, OutputPath: f.RelativePath)))
            .Select(f => new Document(f.File.FullPath, f.File.RelativePath) { OutputPath = f.OutputPath, Source = f.File, DisplayPath = f.File.DisplayPath })
            .ToList();
        Parallel.ForEach(files, file => context.Output.Copy(file.OutputPath!, file.Source!, file.DisplayPath));
        return files;
    }
}
