using System.Text.RegularExpressions;
using Site.Diagnostics;
using Site.Pipelines;

namespace Site.Content;

/// <summary>
/// Health pages may not promise what massage cannot do: "detox", "toxins", "flush out" and "cure" are refused
/// wherever they appear in a page's text, front matter included.
/// </summary>
public sealed partial class CheckClaims : DocumentModule
{
    public override void Process(Document document, BuildContext context)
    {
        foreach (Match match in Claim().Matches(document.Text))
        {
            var (line, column) = TextPosition.Of(document.Text, match.Index);
            context.Error(document, Codes.BannedClaim, line, column,
                $"'{match.Value}' is a claim the site does not make",
                "describe what the reader may feel or do instead, for example 'rest and drink water if you are thirsty'");
        }
    }

    // NonBacktracking: the text is a whole page from a pull request, so matching must stay linear in its length.
    [GeneratedRegex(@"\b(detox\w*|toxins?|flush(es|ed|ing)?\s+(\w+\s+){0,2}out|cur(e|es|ed|ing))\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Claim();
}
