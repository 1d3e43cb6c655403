using System.Globalization;
using System.Text;

namespace Site.Diagnostics;

/// <summary>
/// Writes control characters as visible escapes such as <c>\n</c> or <c>\u001B</c>, so text from a page or a
/// file name cannot start a line, move the cursor, recolour the terminal or reorder what is shown around it.
/// </summary>
public static class VisibleText
{
    public static string Escape(string s)
    {
        if (!s.Any(IsControl))
            return s;
        var sb = new StringBuilder(s.Length + 16);
        foreach (var c in s)
        {
            if (!IsControl(c))
                sb.Append(c);
            else if (c == '\n')
                sb.Append(@"\n");
            else if (c == '\r')
                sb.Append(@"\r");
            else if (c == '\t')
                sb.Append(@"\t");
            else
                sb.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>
    /// C0 and C1 controls and DEL; the line and paragraph separators some viewers break lines at;
    /// and the bidirectional controls that reorder text (embeddings, overrides, isolates and marks).
    /// </summary>
    public static bool IsControl(char c) =>
        c < '\u0020'
        || c is >= '\u007F' and <= '\u009F'
        || c is '\u2028' or '\u2029'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069'
        || c is '\u200E' or '\u200F' or '\u061C';
}
