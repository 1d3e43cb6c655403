using Markdig.Syntax;
using Site.Content;
using Site.Files;

namespace Site.Pipelines;

/// <summary>
/// One unit of work flowing through a pipeline: a page, a data file or an asset.
/// Modules fill in the parts they own; a document with errors is carried along so later checks
/// still report on it, but nothing is rendered from it.
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
    public MarkdownDocument? Syntax { get; set; }
    public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);
    public string? Html { get; set; }

    /// <summary>The page's searchable sections, taken from its syntax tree.</summary>
    public IReadOnlyList<Search.SearchRecord>? SearchRecords { get; set; }

    /// <summary>What a data document was read into, such as the symptom checker's rules.</summary>
    public object? Model { get; set; }

    /// <summary>Drops the content once the document is written; what later pipelines read (front matter, URL, ids) stays.</summary>
    public void Release()
    {
        Text = "";
        Syntax = null;
        Html = null;
    }

    private int _errors;
    public bool HasErrors => Volatile.Read(ref _errors) > 0;
    internal void MarkFailed() => Interlocked.Increment(ref _errors);

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
