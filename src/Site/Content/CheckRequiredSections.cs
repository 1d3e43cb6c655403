using Site.Diagnostics;
using Site.Markdown.Sections;
using Site.Pipelines;

namespace Site.Content;

/// <summary>Every page tells readers how to give pressure feedback and when to worry, each in its own section.</summary>
public sealed class CheckRequiredSections : DocumentModule
{
    public static readonly IReadOnlyList<(string Id, string Heading)> Required =
        [("pressure-feedback", "Pressure feedback"), ("when-to-worry", "When to worry")];

    public override void Process(Document document, BuildContext context)
    {
        var sections = document.Syntax!.OfType<SectionBlock>().ToList();
        foreach (var (id, heading) in Required)
        {
            var section = sections.FirstOrDefault(s => s.Id == id);
            if (section == null)
                context.Error(document, Codes.MissingSection, LastLine(document), 1,
                    $"the page has no '{heading}' section",
                    $"add a heading '## {heading}' followed by at least one paragraph");
            else if (!section.HasContent)
                context.Error(document, Codes.EmptySection, section.Line + 1, section.Column + 1,
                    $"the '{heading}' section is empty",
                    $"write at least one paragraph under '## {heading}'");
        }
    }

    // A missing section belongs at the end of the page, where a writer would add it.
    private static int LastLine(Document document) => Math.Max(1, document.Text.AsSpan().TrimEnd().Count('\n') + 1);
}
