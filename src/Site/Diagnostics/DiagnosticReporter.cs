namespace Site.Diagnostics;

/// <summary>
/// Prints problems as <c>path:line:column: error CODE: message</c>, the form editors and CI logs link to,
/// and as GitHub workflow commands when running in Actions so they show on the pull request's diff.
/// Paths and messages carry text from the pages, so none of it reaches the log raw.
/// </summary>
public sealed class DiagnosticReporter(TextWriter writer, bool githubAnnotations)
{
    /// <summary>Adds GitHub annotations when running in GitHub Actions.</summary>
    public static DiagnosticReporter For(TextWriter writer) =>
        new(writer, string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase));

    public void Report(IEnumerable<Diagnostic> diagnostics)
    {
        var all = diagnostics.ToList();
        if (all.Count == 0)
            return;
        if (!githubAnnotations)
        {
            WriteLines(all);
            return;
        }

        // GitHub runs any line that starts with '::' as a command; between these two lines it runs none,
        // whatever the text. The token is fresh each time so the text cannot end the block early.
        var token = Guid.NewGuid().ToString("N");
        writer.WriteLine($"::stop-commands::{token}");
        try
        {
            WriteLines(all);
        }
        finally
        {
            // Left on, commands would stay off for the rest of the workflow step.
            writer.WriteLine($"::{token}::");
        }
        foreach (var d in all)
            writer.WriteLine(Annotation(Kind(d), d));
    }

    private void WriteLines(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            writer.WriteLine($"{DisplayFile(d.File)}:{d.Line}:{d.Column}: {Kind(d)} {d.Code}: {VisibleText.Escape(d.Message)}");
            if (d.Hint != null)
                writer.WriteLine($"    fix: {VisibleText.Escape(d.Hint)}");
        }
    }

    private static string Kind(Diagnostic d) => d.Severity == Severity.Error ? "error" : "warning";

    /// <summary>
    /// The file with its controls escaped; a relative path that starts with ':' gets './' in front, the same
    /// file, so that no line of the report can start with '::' and read as a workflow command.
    /// </summary>
    internal static string DisplayFile(string file)
    {
        var visible = VisibleText.Escape(file);
        return visible.StartsWith(':') ? "./" + visible : visible;
    }

    internal static string Annotation(string kind, Diagnostic d)
    {
        var message = d.Hint == null ? d.Message : $"{d.Message}\nFix: {d.Hint}";
        return $"::{kind} file={EscapeProperty(d.File)},line={d.Line},col={d.Column},title={EscapeProperty(d.Code)}::{EscapeData(message)}";
    }

    // The escaping GitHub's workflow command parser expects; it turns %0A back into a line break in the
    // annotation. Other controls, which it passes through, are made visible as in the terminal.
    internal static string EscapeData(string s) =>
        VisibleText.Escape(s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A"));

    internal static string EscapeProperty(string s) =>
        EscapeData(s).Replace(":", "%3A").Replace(",", "%2C");
}
