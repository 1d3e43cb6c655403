using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Site.Markdown.BlockLimit;
using Site.Markdown.CareCards;
using Site.Markdown.Placeholders;
using Site.Markdown.RawHtml;
using Site.Markdown.Sections;

namespace Site.Markdown;

/// <summary>The one Markdig pipeline the site uses, built once per build and shared by every page.</summary>
public static class MarkdownPipelineFactory
{
    /// <summary>The longest paragraph or heading, in characters, that is read (see <see cref="BlockLimitExtension"/>).</summary>
    public const int MaxBlockLength = 10_000;

    public static MarkdownPipeline Create(Settings.Placeholders? placeholders = null)
    {
        var builder = new MarkdownPipelineBuilder()
            .UseYamlFrontMatter() // keeps the line numbers of the body equal to the file's
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UsePipeTables()
            .UseListExtras()
            .UseCustomContainers();
        builder.Extensions.AddIfNotAlready(new PlaceholdersExtension(placeholders ?? Settings.Placeholders.None));
        builder.Extensions.AddIfNotAlready<CareCardsExtension>();
        builder.Extensions.AddIfNotAlready<SectionsExtension>();
        builder.Extensions.AddIfNotAlready<RawHtmlExtension>();
        // Last, so it sees every block parser the others added.
        builder.Extensions.AddIfNotAlready(new BlockLimitExtension(MaxBlockLength));
        return builder.Build();
    }
}
