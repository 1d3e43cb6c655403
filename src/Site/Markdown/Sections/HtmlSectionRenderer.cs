using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Site.Markdown.Sections;

public sealed class HtmlSectionRenderer : HtmlObjectRenderer<SectionBlock>
{
    protected override void Write(HtmlRenderer renderer, SectionBlock section)
    {
        renderer.EnsureLine();
        renderer.Write("<section");
        if (section.Id.Length > 0)
            renderer.Write(" id=\"").WriteEscape(section.Id).Write('"');
        renderer.WriteLine(">");
        renderer.WriteChildren(section);
        renderer.EnsureLine();
        renderer.WriteLine("</section>");
    }
}
