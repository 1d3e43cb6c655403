namespace Site.Content;

/// <summary>
/// Which addresses the site may publish: web, email and phone links, and addresses within the site. The scheme
/// is read the way a browser reads it (surrounding spaces and control characters dropped, tabs and line breaks
/// ignored anywhere), so <c>java&#9;script:</c> is refused like <c>javascript:</c>. It is an allowlist: any
/// other scheme (<c>javascript:</c>, <c>vbscript:</c>, <c>data:</c>, <c>file:</c>, and ones not yet invented) is refused.
/// </summary>
public static class UrlPolicy
{
    public static readonly IReadOnlyList<string> AllowedSchemes = ["https", "http", "mailto", "tel"];

    /// <summary>The scheme a browser would find, in lower case; null for an address without one (relative).</summary>
    public static string? Scheme(string url)
    {
        var span = url.AsSpan().Trim(ControlOrSpace);
        var scheme = new System.Text.StringBuilder();
        foreach (var c in span)
        {
            if (c is '\t' or '\n' or '\r')
                continue;
            if (c == ':')
                return scheme.Length > 0 ? scheme.ToString() : null;
            var fits = scheme.Length == 0 ? char.IsAsciiLetter(c) : char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.';
            if (!fits)
                return null;
            scheme.Append(char.ToLowerInvariant(c));
        }
        return null;
    }

    public static bool IsAllowed(string url) => Scheme(url) is not { } scheme || AllowedSchemes.Contains(scheme);

    /// <summary>A full <c>https</c> or <c>http</c> address, such as a source's or the site's own.</summary>
    public static bool IsWebAddress(string url) =>
        Scheme(url) is "https" or "http" && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0;

    private static readonly char[] ControlOrSpace = [.. Enumerable.Range(0, 0x21).Select(i => (char)i)];
}
