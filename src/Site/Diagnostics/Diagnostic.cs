namespace Site.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>One problem found in the input, pointing at the file and line a writer must change.</summary>
public sealed record Diagnostic(
    Severity Severity,
    string Code,
    string File,
    int Line,
    int Column,
    string Message,
    string? Hint = null);
