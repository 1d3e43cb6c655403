using Markdig.Syntax;
using Site.Diagnostics;
using Site.Markdown.Placeholders;
using Site.Pipelines;

namespace Site.Content;

/// <summary>A <c>{{ name }}</c> that names no setting is a typo that would show on the page as written.</summary>
public sealed class CheckPlaceholders : DocumentModule
{
    public override void Process(Document document, BuildContext context)
    {
        foreach (var placeholder in document.Syntax!.Descendants<PlaceholderInline>().Where(p => !p.IsKnown))
            context.Error(document, Codes.UnknownPlaceholder, placeholder.Line + 1, placeholder.Column + 1,
                $"unknown placeholder '{placeholder.Name}'", context.Settings.Placeholders.Known);
    }
}
