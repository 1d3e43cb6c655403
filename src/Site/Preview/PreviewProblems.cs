using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Site.Diagnostics;

namespace Site.Preview;

/// <summary>
/// A failed build's problems as the JSON the preview's pages show: errors first, then warnings, with the counts of
/// all. Bounded, so a build with thousands of problems or huge messages still makes a small event: the terminal has
/// them all.
/// </summary>
public static class PreviewProblems
{
    public const int MaxProblems = 100;
    public const int MaxText = 1000;
    public const int MaxBytes = 256 * 1024;

    /// <summary>The state of a site that built: nothing to show.</summary>
    public const string None = """{"errors":0,"warnings":0,"problems":[],"more":0}""";

    // Letters of every script stay readable; what HTML or a script could read as markup (< > & ' ") is still escaped.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Json(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("errors", errors);
            json.WriteNumber("warnings", diagnostics.Count - errors);
            json.WriteStartArray("problems");
            var listed = 0;
            // OrderBy is stable: within errors and within warnings the build's order (file, line) stays.
            foreach (var d in diagnostics.OrderBy(d => d.Severity == Severity.Error ? 0 : 1).Take(MaxProblems))
            {
                if (json.BytesCommitted + json.BytesPending > MaxBytes)
                    break;
                json.WriteStartObject();
                json.WriteString("severity", d.Severity == Severity.Error ? "error" : "warning");
                json.WriteString("file", Shorten(d.File));
                json.WriteNumber("line", d.Line);
                json.WriteNumber("column", d.Column);
                json.WriteString("code", Shorten(d.Code));
                json.WriteString("message", Shorten(d.Message));
                if (d.Hint != null)
                    json.WriteString("fix", Shorten(d.Hint));
                json.WriteEndObject();
                listed++;
            }
            json.WriteEndArray();
            json.WriteNumber("more", diagnostics.Count - listed);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Controls made visible, as in the terminal, so no text can reorder what the page shows; then cut to <see cref="MaxText"/>.</summary>
    private static string Shorten(string text)
    {
        // Cut before escaping too, so a huge message is not copied whole first.
        var visible = VisibleText.Escape(Cut(text, MaxText + 1));
        return visible.Length <= MaxText ? visible : Cut(visible, MaxText - 1) + "…";
    }

    /// <summary>At most <paramref name="length"/> characters, never half of a surrogate pair.</summary>
    private static string Cut(string text, int length)
    {
        if (text.Length <= length)
            return text;
        return char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
    }
}
