namespace Site.Diagnostics;

/// <summary>
/// Prints problems as <c>path:line:column: error CODE: message</c>, the form editors and CI logs link to,
/// and as GitHub workflow commands when running in Actions so they show on the pull request's diff.
/// </summary>
public sealed class DiagnosticReporter(TextWriter writer, bool githubAnnotations)
{
    /// <summary>Adds GitHub annotations when running in GitHub Actions.</summary>
    public static DiagnosticReporter For(TextWriter writer) =>
        new(writer, string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase));

    public void Report(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            var kind = d.Severity == Severity.Error ? "error" : "warning";
            writer.WriteLine($"{d.File}:{d.Line}:{d.Column}: {kind} {d.Code}: {d.Message}");
            if (d.Hint != null)
                writer.WriteLine($"    fix: {d.Hint}");
            if (githubAnnotations)
                writer.WriteLine(Annotation(kind, d));
        }
    }

    internal static string Annotation(string kind, Diagnostic d)
    {
        var message = d.Hint == null ? d.Message : $"{d.Message}\nFix: {d.Hint}";
        return $"::{kind} file={EscapeProperty(d.File)},line={d.Line},col={d.Column},title={EscapeProperty(d.Code)}::{EscapeData(message)}";
    }

    // The escaping GitHub's workflow command parser expects.
    private static string EscapeData(string s) =>
        s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string EscapeProperty(string s) =>
        EscapeData(s).Replace(":", "%3A").Replace(",", "%2C");
}
