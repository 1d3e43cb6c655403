using System.Collections.Concurrent;

namespace Site.Diagnostics;

/// <summary>Collects problems from modules running in parallel; reported in a stable order.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentBag<Diagnostic> _items = new();
    private int _errors;

    public bool HasErrors => Volatile.Read(ref _errors) > 0;
    public int ErrorCount => Volatile.Read(ref _errors);

    public void Add(Diagnostic diagnostic)
    {
        _items.Add(diagnostic);
        if (diagnostic.Severity == Severity.Error)
            Interlocked.Increment(ref _errors);
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
            Add(diagnostic);
    }

    public void Error(string code, string file, int line, int column, string message, string? hint = null) =>
        Add(new Diagnostic(Severity.Error, code, file, line, column, message, hint));

    public void Warning(string code, string file, int line, int column, string message, string? hint = null) =>
        Add(new Diagnostic(Severity.Warning, code, file, line, column, message, hint));

    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.OrderBy(d => d.File, StringComparer.Ordinal)
              .ThenBy(d => d.Line).ThenBy(d => d.Column)
              .ThenBy(d => d.Code, StringComparer.Ordinal)
              .ThenBy(d => d.Message, StringComparer.Ordinal)
              .ToList();
}
