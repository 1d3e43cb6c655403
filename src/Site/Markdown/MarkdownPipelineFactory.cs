using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Site.Markdown.CareCards;
using Site.Markdown.Sections;

namespace Site.Markdown;

/// <summary>The one Markdig pipeline the site uses, built once and shared by every page.</summary>
public static class MarkdownPipelineFactory
{
    public static MarkdownPipeline Create()
    {
        var builder = new MarkdownPipelineBuilder()
            .UseYamlFrontMatter() // keeps the line numbers of the body equal to the file's
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UsePipeTables()
            .UseListExtras()
            .UseCustomContainers();
        builder.Extensions.AddIfNotAlready<CareCardsExtension>();
        builder.Extensions.AddIfNotAlready<SectionsExtension>();
        return builder.Build();
    }
}
