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
    public override void Process(Document document, BuildContext context)
    {
        if (!document.Text.Contains("{{", StringComparison.Ordinal))
            return;
        var values = context.Settings.Placeholders;
        document.Text = Placeholder().Replace(document.Text, match =>
        {
            var name = match.Groups[1].Value;
            if (values.TryGetValue(name, out var value))
                return value;
            var (line, column) = TextPosition.Of(document.Text, match.Index);
            context.Error(document, Codes.UnknownPlaceholder, line, column, $"unknown placeholder '{name}'",
                $"use one of: {string.Join(", ", values.Keys.Select(k => "{{ " + k + " }}"))}");
            return match.Value;
        });
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
