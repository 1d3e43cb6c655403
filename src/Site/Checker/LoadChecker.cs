using Site.Content;
using Site.Diagnostics;
using Site.Pipelines;

namespace Site.Checker;

/// <summary>Reads <c>data/checker.yml</c> into a document whose <see cref="Document.Model"/> is the <see cref="CheckerData"/>.</summary>
public sealed class LoadChecker : IModule
{
    public const string RelativePath = "data/checker.yml";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var path = Path.Combine(context.Options.InputDirectory, RelativePath);
        if (!File.Exists(path))
            return [];
        var doc = new Document(path, RelativePath) { DisplayPath = BuildOptions.DisplayPath(path) };
        doc.Text = ReplacePlaceholders.Replace(File.ReadAllText(path), context, (line, column, message, hint) =>
            context.Error(doc, Codes.UnknownPlaceholder, line, column, message, hint));
        var data = CheckerDataReader.Read(doc.Text, doc.DisplayPath, context.Diagnostics);
        if (data == null)
            doc.MarkFailed();
        doc.Model = data;
        return [doc];
    }
}
