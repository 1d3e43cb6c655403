using Site.Pipelines;

namespace Site.Output;

/// <summary>Writes each finished document's HTML to its output path.</summary>
public sealed class WriteDocuments : DocumentModule
{
    protected override void Process(Document document, BuildContext context)
    {
        if (!document.HasErrors && document.Html != null && document.OutputPath != null)
            context.Output.Write(document.OutputPath, document.Html, document.DisplayPath);
    }
}
