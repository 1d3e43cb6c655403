using Site.Pipelines;

namespace Site.Content;

/// <summary>Reads a page's markdown.</summary>
public sealed class ReadText : DocumentModule
{
    public override void Process(Document document, BuildContext context) =>
        document.Text = File.ReadAllText(document.SourcePath);
}
