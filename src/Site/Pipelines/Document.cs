using Markdig.Syntax;
using Site.Content;
using Site.Diagnostics;
using Site.Files;
using Site.Model;
using Site.Search;
using YamlDotNet.RepresentationModel;

namespace Site.Pipelines;

/// <summary>
/// One page on its way through a pipeline. Modules fill in the parts they own; a document with errors is
/// carried along so later checks still report on it, but nothing is rendered from it. What later stages read
/// is the <see cref="Page"/> the content pipeline makes of it, never the document itself.
/// </summary>
public sealed class Document(string sourcePath, string relativePath)
{
    /// <summary>Absolute path of the source file (or a theme file for generated documents).</summary>
    public string SourcePath { get; } = sourcePath;

    /// <summary>Path relative to its root folder, with forward slashes (for pages: relative to input/).</summary>
    public string RelativePath { get; } = relativePath;

    /// <summary>The file a page was found as, with its size; null for generated documents.</summary>
    public SourceFile? Source { get; init; }

    /// <summary>Path shown in diagnostics: relative to the working directory, as editors and GitHub expect.</summary>
    public string DisplayPath { get; init; } = relativePath;

    /// <summary>Output path relative to the site root, e.g. <c>aftercare/index.html</c>.</summary>
    public string? OutputPath { get; set; }

    /// <summary>Site-relative URL without the base path, e.g. <c>aftercare/</c>; empty for the home page.</summary>
    public string? Url { get; set; }

    public string Text { get; set; } = "";
    public FrontMatter? FrontMatter { get; set; }

    /// <summary>The front matter as YAML nodes, with their lines, for checks on what is written there; null when it is not a mapping.</summary>
    public YamlMappingNode? FrontMatterYaml { get; set; }
    public MarkdownDocument? Syntax { get; set; }
    public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

    /// <summary>Links to other pages and files, as written, for the link check once every page is known.</summary>
    public List<PageLink> Links { get; } = [];

    public string? Html { get; set; }

    /// <summary>How hard the page is to read, as <see cref="CheckReadability"/> scored it; null when it is too short to judge.</summary>
    public CheckReadability.Readability? Readability { get; set; }

    /// <summary>The page's text as search reads it, kept with its page once the syntax tree is gone.</summary>
    public PageText? SearchText { get; set; }

    /// <summary>What search knows of the page, in the search pipeline.</summary>
    public PageSearch? Search { get; set; }

    /// <summary>The page of the site model this document renders, in pipelines after the model is made.</summary>
    public Page? Page { get; set; }

    /// <summary>This document's problems: kept with its page, so a preview that reuses the page reports them again.</summary>
    public DiagnosticBag Diagnostics { get; } = new();

    /// <summary>Drops the content once the document is written.</summary>
    public void Release()
    {
        Text = "";
        Syntax = null;
        FrontMatterYaml = null;
        Html = null;
    }

    private int _failed;
    public bool HasErrors => Volatile.Read(ref _failed) > 0 || Diagnostics.HasErrors;
    internal void MarkFailed() => Interlocked.Increment(ref _failed);

    /// <summary>
    /// True when the document could not be taken in at all (unreadable, too large, nested too deeply): the rest
    /// of its pass skips it, since every later check would only repeat the problem or spend unbounded work on it.
    /// </summary>
    public bool IsStopped { get; private set; }

    internal void Stop()
    {
        MarkFailed();
        IsStopped = true;
    }
}
