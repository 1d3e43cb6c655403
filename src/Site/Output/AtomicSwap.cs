using System.Runtime.InteropServices;

namespace Site.Output;

/// <summary>
/// Puts a staged folder where the output is, so that the output path always holds a complete site: on Linux the
/// two folders are exchanged in one step (renameat2 with RENAME_EXCHANGE). Elsewhere, or on a file system that
/// cannot exchange, the old folder is moved aside and the new one moved in, which leaves a moment with no site.
/// </summary>
public static class AtomicSwap
{
    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;
    private const int Attempts = 5;

    /// <returns>Where the previous site is now, for the caller to delete; null when there was none.</returns>
    public static string? Replace(string target, string staged)
    {
        // Another build may commit into the same folder at the same time; each attempt starts from what is there now.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (!Directory.Exists(target))
                {
                    Directory.Move(staged, target);
                    return null;
                }
                if (OperatingSystem.IsLinux() && Exchange(staged, target))
                    return staged;
                var aside = staged + "-old";
                Directory.Move(target, aside);
                Directory.Move(staged, target);
                return aside;
            }
            catch (IOException) when (attempt < Attempts && Directory.Exists(staged))
            {
            }
        }
    }

    private static bool Exchange(string a, string b)
    {
        try
        {
            return renameat2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false; // a C library without renameat2: two moves instead
        }
    }

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054 // a plain import keeps the project free of unsafe code
    private static extern int renameat2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);
#pragma warning restore SYSLIB1054
}
