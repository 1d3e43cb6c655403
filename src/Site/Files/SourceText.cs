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

    // Throws on a byte that is not UTF-8, rather than putting U+FFFD in its place.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <returns>The text, or null when it cannot be read (reported).</returns>
    public static string? Read(SourceFile file, DiagnosticBag diagnostics)
    {
        // Devices, pipes and sockets report a size of 0 and may never end or never answer when opened;
        // an empty regular file has nothing to read either, so neither is opened.
        if (file.Length == 0)
            return "";
        if (file.Length > MaxBytes)
            return TooLarge(file, file.Length, diagnostics);
        try
        {
            using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            // The size again, as the file is now: it may have grown since the scan.
            if (stream.Length > MaxBytes)
                return TooLarge(file, stream.Length, diagnostics);
            using var reader = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false);
            var text = reader.ReadToEnd();
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            return NotUtf8(file, diagnostics);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(Codes.UnreadableFile, file.DisplayPath, 1, 1, $"the file cannot be read: {e.Message}", "check that the file is there and may be read");
            return null;
        }
    }

    private static string? TooLarge(SourceFile file, long size, DiagnosticBag diagnostics)
    {
        diagnostics.Error(Codes.Limit, file.DisplayPath, 1, 1,
            $"the file is {size / 1024:N0} KB; the most a page, layout or data file may be is {MaxBytes / 1024} KB",
            "split it into smaller pages, or remove what does not belong in it");
        return null;
    }

    /// <summary>Reports where the first byte that is not UTF-8 is; only read when decoding has failed.</summary>
    private static string? NotUtf8(SourceFile file, DiagnosticBag diagnostics)
    {
        var buffer = new byte[Math.Min(file.Length, MaxBytes)];
        int count;
        using (var stream = File.OpenRead(file.FullPath))
            count = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var bytes = buffer.AsSpan(0, count);
        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false);
        if (status == System.Buffers.OperationStatus.Done || read >= bytes.Length)
        {
            // Changed between the two reads; say so rather than point at a byte that is not there.
            diagnostics.Error(Codes.UnreadableFile, file.DisplayPath, 1, 1, "the file changed while the build read it", "build again once it is saved");
            return null;
        }
        var before = bytes[..read];
        var line = before.Count((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(before[(before.LastIndexOf((byte)'\n') + 1)..]) + 1;
        diagnostics.Error(Codes.Encoding, file.DisplayPath, line, column,
            $"the file is not UTF-8 text: the byte 0x{bytes[read]:X2} here is not a letter in UTF-8",
            "save the file as UTF-8 (most editors offer 'Save with encoding' or 'Encoding: UTF-8'), then check the letters on this line");
        return null;
    }
}
