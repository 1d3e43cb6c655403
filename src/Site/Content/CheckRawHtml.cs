using System.Net;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Diagnostics;
using Site.Pipelines;

namespace Site.Content;

/// <summary>
/// Content arrives through pull requests, so raw HTML may not run code: no script-like elements,
/// no <c>on…=</c> event attributes and no <c>javascript:</c> URLs, in HTML or in markdown links.
/// </summary>
public sealed partial class CheckRawHtml : DocumentModule
{
    private const string Hint = "remove it: pages may not run code; describe the thing in words or ask a developer to add it to the theme";

    public override void Process(Document document, BuildContext context)
    {
        foreach (var node in document.Syntax!.Descendants())
        {
            switch (node)
            {
                case HtmlBlock block:
                    Check(document, context, block.Lines.ToString(), block.Line, block.Column);
                    break;
                case HtmlInline inline:
                    Check(document, context, inline.Tag, inline.Line, inline.Column);
                    break;
                case LinkInline link when IsScriptUrl(link.Url):
                    Report(document, context, link.Line, link.Column, "a link with a 'javascript:' address");
                    break;
                case AutolinkInline autolink when IsScriptUrl(autolink.Url):
                    Report(document, context, autolink.Line, autolink.Column, "a link with a 'javascript:' address");
                    break;
            }
        }
    }

    private static void Check(Document document, BuildContext context, string html, int line, int column)
    {
        var text = Normalize(html);
        foreach (var (pattern, what) in Rules)
        {
            var match = pattern.Match(text);
            if (!match.Success)
                continue;
            // Report the line of the match inside a multi-line block.
            var before = text.AsSpan(0, match.Index).Count('\n');
            Report(document, context, line + before, before == 0 ? column : 0, what);
        }
    }

    private static void Report(Document document, BuildContext context, int line, int column, string what) =>
        context.Error(document, Codes.UnsafeHtml, line + 1, column + 1, $"unsafe HTML: {what}", Hint);

    private static bool IsScriptUrl(string? url) => url != null && ScriptUrl().IsMatch(Normalize(url));

    // Browsers decode entities and ignore tabs and line breaks inside URLs; check what they would see.
    private static string Normalize(string html) => WebUtility.HtmlDecode(html).Replace("\t", "");

    private static readonly (Regex Pattern, string What)[] Rules =
    [
        (ScriptElement(), "a <script>, <iframe>, <object> or <embed> element"),
        (EventAttribute(), "an 'on…=' event attribute"),
        (ScriptUrl(), "a 'javascript:' address"),
    ];

    [GeneratedRegex(@"<\s*/?\s*(script|iframe|frame|object|embed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElement();

    [GeneratedRegex(@"<[a-z][^>]*?[\s/""']on[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventAttribute();

    [GeneratedRegex(@"j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptUrl();
}
