using System.Text;
using System.Text.Unicode;
using Site.Diagnostics;

namespace Site.Files;

/// <summary>
/// Reads a source file as UTF-8 text within a size limit. A file that is too large or is not UTF-8 is
/// reported with its line, instead of being read whole or turned silently into replacement characters.
/// </summary>
public static class SourceText
{
    /// <summary>A page, layout or data file may be at most this large: fifty times the longest page today.</summary>
    public const int MaxBytes = 256 * 1024;

    /// <returns>The text, or null when it cannot be read (reported).</returns>
    public static string? Read(SourceFile file, DiagnosticBag diagnostics)
    {
        // Devices, pipes and sockets report a size of 0 and may never end or never answer when opened;
        // an empty regular file has nothing to read either, so neither is opened.
        if (file.Length == 0)
            return "";
        if (file.Length > MaxBytes)
            return TooLarge(file, file.Length, diagnostics);
        // One byte more than the scan saw, to notice a file that grew since; it is read no further than that.
        var bytes = new byte[file.Length + 1];
        int count;
        try
        {
            using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
            count = ReadUpTo(stream, bytes, bytes.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(Codes.UnreadableFile, file.DisplayPath, 1, 1, $"the file cannot be read: {e.Message}", "check that the file is there and may be read");
            return null;
        }
        if (count > file.Length)
        {
            diagnostics.Error(Codes.UnreadableFile, file.DisplayPath, 1, 1, "the file changed while the build read it", "build again once it is saved");
            return null;
        }
        return Decode(file, bytes.AsSpan(0, count), diagnostics);
    }

    private static int ReadUpTo(Stream stream, byte[] buffer, int limit)
    {
        var total = 0;
        int read;
        while (total < limit && (read = stream.Read(buffer, total, limit - total)) > 0)
            total += read;
        return total;
    }

    private static string? TooLarge(SourceFile file, long size, DiagnosticBag diagnostics)
    {
        diagnostics.Error(Codes.Limit, file.DisplayPath, 1, 1,
            $"the file is {size / 1024:N0} KB; the most a page, layout or data file may be is {MaxBytes / 1024} KB",
            "split it into smaller pages, or remove what does not belong in it");
        return null;
    }

    private static string? Decode(SourceFile file, ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics)
    {
        if (bytes.StartsWith("\uFEFF"u8))
            bytes = bytes[3..];
        if (Utf8.IsValid(bytes))
            return Encoding.UTF8.GetString(bytes);
        // Only now, to say where: decode up to the first byte that is not UTF-8.
        var chars = new char[bytes.Length];
        Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false);
        var before = bytes[..read];
        var line = before.Count((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(before[(before.LastIndexOf((byte)'\n') + 1)..]) + 1;
        diagnostics.Error(Codes.Encoding, file.DisplayPath, line, column,
            $"the file is not UTF-8 text: the byte 0x{bytes[read]:X2} here is not a letter in UTF-8",
            "save the file as UTF-8 (most editors offer 'Save with encoding' or 'Encoding: UTF-8'), then check the letters on this line");
        return null;
    }
}
