using Site.Diagnostics;
using Site.Pipelines;
using Site.Settings;

namespace Site.Admin;

/// <summary>
/// The web editor at <c>/admin/</c>, for a site whose <c>site.yml</c> names its GitHub repository: the page
/// (<see cref="EditorPage"/>), its settings (<see cref="EditorConfig"/>) and the vendored Sveltia CMS with its fonts
/// and translations, which the build of the generator writes to the theme's <c>admin/</c> folder
/// (<c>src/Site/Admin/vendor-admin.mjs</c>). Without a repository there is nothing to open pull requests on, so no
/// editor is written. The editor is no page of the site: not in the sitemap, the search data or the menu.
/// </summary>
public sealed class GenerateAdmin(IReadOnlyCollection<string> layouts) : IModule
{
    /// <summary>The output folder, and the theme folder the vendored files are in.</summary>
    public const string Folder = "admin";

    public const string Script = "sveltia-cms.js";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        if (context.Settings.Repository is not { } repository)
            return documents;
        var files = context.Theme.Under(Folder).ToList();
        if (files.All(f => f.RelativePath != Script))
        {
            context.Diagnostics.Error(Codes.Template, context.Theme.DisplayPathOf(Folder + "/" + Script), 1, 1,
                $"the web editor's script is missing, and site.yml names a repository, so the site has an editor at /{Folder}/",
                "build the generator (`dotnet build`, or `./site build`): it writes the editor's files from node_modules");
            return documents;
        }
        foreach (var file in files)
            context.Output.Copy(Folder + "/" + file.RelativePath, file, file.DisplayPath);
        var page = EditorPage.Html(context.Settings.Title, context.Settings.Language, context.Options.BasePath);
        var config = EditorConfig.Yaml(context.Settings, repository, context.AbsoluteUrl(""), layouts, context.Options.Today);
        return
        [
            .. documents,
            new Document("admin", Folder + "/index.html") { OutputPath = Folder + "/index.html", Html = page },
            new Document("admin", Folder + "/config.yml") { OutputPath = Folder + "/config.yml", Html = config },
        ];
    }
}
