using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Site.Tests.Support;

/// <summary>
/// Reads every published HTML page with AngleSharp, as a browser would, and lists anything that could run code
/// or send a reader elsewhere: script other than the theme's own files and JSON, event handlers, meta refresh,
/// frames and embeds, and addresses with a scheme other than http, https, mailto or tel.
/// </summary>
public static class PublishedHtml
{
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data", "background", "ping"];
    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];
    private static readonly string[] Forbidden = ["iframe", "frame", "object", "embed", "base", "applet", "portal"];

    public static List<string> Problems(string outputFolder, string basePath = "/")
    {
        var problems = new List<string>();
        var parser = new HtmlParser();
        foreach (var file in Directory.EnumerateFiles(outputFolder, "*.html", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(outputFolder, file);
            var document = parser.ParseDocument(File.ReadAllText(file));
            foreach (var element in document.All)
                problems.AddRange(ProblemsOf(element, basePath).Select(p => $"{name}: {p}"));
        }
        return problems;
    }

    public static void AssertSafe(string outputFolder, string basePath = "/")
    {
        var problems = Problems(outputFolder, basePath);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static IEnumerable<string> ProblemsOf(IElement element, string basePath)
    {
        var tag = element.LocalName;
        if (tag == "script")
        {
            var type = element.GetAttribute("type");
            var src = element.GetAttribute("src");
            var data = type is "application/json" or "application/ld+json";
            var ownFile = src != null && src.StartsWith(basePath + "assets/", StringComparison.Ordinal) && element.TextContent.Length == 0;
            if (!data && !ownFile)
                yield return $"a script: {element.OuterHtml[..Math.Min(80, element.OuterHtml.Length)]}";
        }
        if (Forbidden.Contains(tag))
            yield return $"a <{tag}> element";
        // The theme's search box is a form that stays on the site; any other form could send what readers type elsewhere.
        if (tag == "form" && element.GetAttribute("action")?.StartsWith(basePath, StringComparison.Ordinal) != true)
            yield return $"a form sending to {element.GetAttribute("action")}";
        if (tag == "meta" && element.GetAttribute("http-equiv") is { } equiv && !equiv.Equals("Content-Security-Policy", StringComparison.OrdinalIgnoreCase))
            yield return $"<meta http-equiv=\"{equiv}\">";
        foreach (var attribute in element.Attributes)
        {
            if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                yield return $"an event handler {attribute.Name} on <{tag}>";
            if (UrlAttributes.Contains(attribute.Name.ToLowerInvariant()) && SchemeOf(attribute.Value) is { } scheme && !SafeSchemes.Contains(scheme)
                && !(tag == "link" && attribute.Value == "data:,")) // the theme's empty favicon
                yield return $"<{tag} {attribute.Name}=\"{attribute.Value}\">";
        }
    }

    /// <summary>The scheme as a browser finds it, written out here on purpose rather than borrowed from the generator.</summary>
    private static string? SchemeOf(string url)
    {
        var cleaned = new string(url.Trim().Where(c => c is not ('\t' or '\n' or '\r')).ToArray()).TrimStart('\0', ' ');
        var colon = cleaned.IndexOf(':');
        if (colon <= 0)
            return null;
        var scheme = cleaned[..colon];
        return char.IsAsciiLetter(scheme[0]) && scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') ? scheme.ToLowerInvariant() : null;
    }
}
