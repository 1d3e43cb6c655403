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
        Parallel.ForEach(Files(context), file => context.Output.Copy(file.OutputPath, file.Source, file.Source.DisplayPath));
        return documents;
    }

    /// <summary>Every file copied, with where it goes.</summary>
    public static IEnumerable<(SourceFile Source, string OutputPath)> Files(BuildContext context) =>
        context.Theme.Under(ThemeAssetsFolder)
            .Select(f => (f, ThemeAssetsFolder + "/" + f.RelativePath))
            .Concat(InputFiles.StaticFiles(context.Input).Select(f => (f, f.RelativePath)));
}
