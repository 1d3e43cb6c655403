using System.Text.RegularExpressions;
using Site.Diagnostics;
using Site.Pipelines;

namespace Site.Content;

/// <summary>
/// Replaces <c>{{ numbers.emergency }}</c> and the like with values from the site settings, so phone
/// numbers and contact details live in one place. Line numbers do not change.
/// </summary>
public sealed partial class ReplacePlaceholders : DocumentModule
{
    public override void Process(Document document, BuildContext context) =>
        document.Text = Replace(document.Text, context, (line, column, message, hint) =>
            context.Error(document, Codes.UnknownPlaceholder, line, column, message, hint));

    public delegate void Report(int line, int column, string message, string hint);

    /// <summary>Replaces every placeholder in <paramref name="text"/>, reporting the unknown ones.</summary>
    public static string Replace(string text, BuildContext context, Report unknown)
    {
        if (!text.Contains("{{", StringComparison.Ordinal))
            return text;
        var values = context.Settings.Placeholders;
        return Placeholder().Replace(text, match =>
        {
            var name = match.Groups[1].Value;
            if (values.TryGetValue(name, out var value))
                return value;
            var (line, column) = TextPosition.Of(text, match.Index);
            unknown(line, column, $"unknown placeholder '{name}'",
                $"use one of: {string.Join(", ", values.Keys.Select(k => "{{ " + k + " }}"))}");
            return match.Value;
        });
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
