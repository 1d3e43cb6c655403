using Site.Files;
using Site.Model;
using Site.Pipelines;

namespace Site.Content;

/// <summary>
/// Ends the content pass: each document becomes its immutable <see cref="Page"/>, and its text and syntax tree are
/// let go at once, so a large site never holds every tree. Pages a previous build left unchanged join them.
/// </summary>
public sealed class MakePages : DocumentModule
{
    public override IReadOnlyList<IProduct> Makes => [Products.Pages];

    public override void Process(Document document, BuildContext context)
    {
        document.Page = PageOf(document);
        document.Release();
    }

    public override void Complete(IReadOnlyList<Document> documents, BuildContext context)
    {
        // A document stopped early skipped this module's Process. In the input's order, which the site model keeps.
        var made = documents.ToDictionary(d => d.RelativePath, d => d.Page ?? PageOf(d), StringComparer.Ordinal);
        var pages = context.Cache.Reusable(InputFiles.Pages(context.Input)).Select(p => p.Page ?? made.GetValueOrDefault(p.File.RelativePath)).OfType<Page>();
        context.Set(Products.Pages, [.. pages]);
    }

    private static Page PageOf(Document d) => new(
        d.Source!,
        d.RelativePath,
        d.DisplayPath,
        d.Url!,
        d.OutputPath!,
        d.FrontMatter,
        d.Ids, // the document is done with it: no one changes it from here on
        [.. d.Links],
        d.HasErrors || d.Html == null ? null : System.Text.Encoding.UTF8.GetBytes(d.Html),
        d.HasErrors ? null : d.SearchText,
        d.Diagnostics.Sorted()) { Readability = d.Readability };
}
