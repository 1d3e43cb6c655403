using System.Text;

namespace Site.Review;

public enum ChangeKind { Added, Changed, Removed }

/// <summary>A file a pull request adds, changes or removes, by its path from the repository's root.</summary>
public sealed record Change(ChangeKind Kind, string Path);

/// <summary>
/// Reads what <c>git diff --name-status --no-renames BASE...HEAD</c> prints: one line per file, a status letter,
/// a tab and the path (<c>A</c> added, <c>M</c> or <c>T</c> changed, <c>D</c> removed). A rename that git was not
/// told to split (<c>R100</c>, two paths) counts as the old path removed and the new one added.
/// </summary>
public static class ChangeList
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxLines = 20_000;

    /// <returns>The changes, or the first line that is not such a line, with what is wrong.</returns>
    public static (IReadOnlyList<Change> Changes, string? Error) Parse(string text)
    {
        var changes = new List<Change>();
        var lines = text.Split('\n');
        var count = lines.Length - (lines[^1].Length == 0 ? 1 : 0); // the last line's line feed starts no line
        if (count > MaxLines)
            return ([], $"it has {count:N0} lines; the most is {MaxLines:N0}");
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
                continue;
            var fields = line.Split('\t');
            var status = fields[0];
            var paths = fields.Skip(1).Select(Unquote).ToList();
            var expected = status.Length > 0 && status[0] is 'R' or 'C' ? 2 : 1;
            if (status.Length == 0 || paths.Count != expected || paths.Any(p => p is null or ""))
                return ([], $"line {i + 1} is not 'STATUS<tab>PATH' as 'git diff --name-status' writes it");
            switch (status[0])
            {
                case 'A': changes.Add(new(ChangeKind.Added, paths[0]!)); break;
                case 'M' or 'T': changes.Add(new(ChangeKind.Changed, paths[0]!)); break;
                case 'D': changes.Add(new(ChangeKind.Removed, paths[0]!)); break;
                case 'R':
                    changes.Add(new(ChangeKind.Removed, paths[0]!));
                    changes.Add(new(ChangeKind.Added, paths[1]!));
                    break;
                case 'C': changes.Add(new(ChangeKind.Added, paths[1]!)); break;
                default: return ([], $"line {i + 1} has the status '{status}', which is not A, M, T, D, R or C");
            }
        }
        return (changes, null);
    }

    /// <summary>
    /// A path as git wrote it: as it is, or in double quotes with C escapes (<c>"caf\303\251.md"</c>) when it holds
    /// a quote, a backslash, a control character or, unless core.quotePath is off, a letter beyond ASCII. Null when
    /// the quoting is broken.
    /// </summary>
    public static string? Unquote(string written)
    {
        if (!written.StartsWith('"'))
            return written;
        if (written.Length < 2 || !written.EndsWith('"'))
            return null;
        var bytes = new List<byte>(written.Length);
        for (var i = 1; i < written.Length - 1; i++)
        {
            var c = written[i];
            if (c != '\\')
            {
                // A letter beyond the BMP is two chars: encode them together.
                var length = char.IsHighSurrogate(c) && i + 1 < written.Length - 1 ? 2 : 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(written.Substring(i, length)));
                i += length - 1;
                continue;
            }
            if (++i >= written.Length - 1)
                return null;
            var e = written[i];
            if (e is >= '0' and <= '3' && i + 2 < written.Length - 1 && IsOctal(written[i + 1]) && IsOctal(written[i + 2]))
            {
                bytes.Add((byte)((e - '0') * 64 + (written[i + 1] - '0') * 8 + (written[i + 2] - '0')));
                i += 2;
                continue;
            }
            byte? escaped = e switch
            {
                'a' => 7, 'b' => 8, 't' => 9, 'n' => 10, 'v' => 11, 'f' => 12, 'r' => 13, '"' => (byte)'"', '\\' => (byte)'\\',
                _ => null,
            };
            if (escaped == null)
                return null;
            bytes.Add(escaped.Value);
        }
        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';
}
