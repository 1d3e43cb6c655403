using Site.Diagnostics;
using Site.Files;
using Site.Pipelines;

namespace Site.Content;

/// <summary>Reads a page's markdown: UTF-8, and within the size and line limits, or the page goes no further.</summary>
public sealed class ReadText : DocumentModule
{
    public override void Process(Document document, BuildContext context)
    {
        var text = SourceText.Read(document.Source!, document.Diagnostics);
        if (text == null)
        {
            document.Stop();
            return;
        }
        if (PageLimits.Check(text) is { } broken)
        {
            context.Error(document, broken.Code, broken.Line, 1, broken.Message, broken.Hint);
            document.Stop();
            return;
        }
        document.Text = text;
    }
}
