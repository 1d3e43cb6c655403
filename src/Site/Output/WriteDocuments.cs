using Site.Pipelines;

namespace Site.Output;

/// <summary>Writes each finished document's HTML to its output path.</summary>
public sealed class WriteDocuments : DocumentModule
{
    public override void Process(Document document, BuildContext context)
    {
        if (document.HasErrors || document.Html == null || document.OutputPath == null)
            return;
        context.Output.Write(document.OutputPath, document.Html, document.DisplayPath);
        // Written pages are done with their text; letting it go keeps large sites' memory and GC time down.
        document.Release();
    }
}
