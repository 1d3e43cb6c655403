using Site.Files;

namespace Site.Output;

/// <summary>
/// Where a build may write. The output folder is replaced as a whole, so it must not be, hold or lie inside the
/// input or theme, must not be a repository, the file system's root or the home folder, and must be empty or
/// written by this generator (see <see cref="OutputManifest"/>). Paths are compared after following links, so
/// a link cannot make the input look like somewhere else.
/// </summary>
public static class OutputRules
{
    /// <returns>Null when <paramref name="output"/> may be written; otherwise the message for the writer.</returns>
    public static string? Check(string input, string theme, string output)
    {
        var real = RealPath.Of(output);
        var shown = $"the output folder {output}";
        if (Path.GetPathRoot(real) == real)
            return $"{shown} is the root of the file system; choose a folder of its own with --output, for example 'output'";
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0 && SamePath(real, RealPath.Of(home)))
            return $"{shown} is your home folder; choose a folder of its own with --output, for example 'output'";
        foreach (var (folder, what) in new[] { (input, "input"), (theme, "theme") })
        {
            var other = RealPath.Of(folder);
            var relation = SamePath(real, other) ? "is" : IsInside(other, real) ? "holds" : IsInside(real, other) ? "lies inside" : null;
            if (relation != null)
                return $"{shown} {relation} the {what} folder {folder}: building would replace the {what} with the site. " +
                       "Choose a folder outside both, with --output, for example 'output'";
        }
        if (File.Exists(output) && !Directory.Exists(output))
            return $"{shown} is a file, not a folder; choose a folder with --output";
        if (new DirectoryInfo(output).LinkTarget != null)
            return $"{shown} is a symbolic link; give the folder it points to, or another folder, with --output";
        if (Directory.Exists(Path.Combine(output, ".git")) || File.Exists(Path.Combine(output, ".git")))
            return $"{shown} holds a .git folder, so it is a repository and not a site; choose another folder with --output";
        return NotOurs(output);
    }

    /// <summary>
    /// Why the generator may not replace <paramref name="output"/> because of what is in it, or null. Asked before
    /// the build and again just before the swap, as someone may put files there meanwhile.
    /// </summary>
    public static string? NotOurs(string output) =>
        OutputManifest.WhyNotOurs(output) is { } whyNot
            ? $"the output folder {output} was not written by this generator: {whyNot}. It only replaces a folder that is empty or that it wrote. " +
              "Move those files away, or choose another folder with --output"
            : null;

    private static StringComparison Comparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static bool SamePath(string a, string b) => string.Equals(Trim(a), Trim(b), Comparison);

    /// <summary>True when <paramref name="inner"/> lies below <paramref name="outer"/>.</summary>
    private static bool IsInside(string inner, string outer) =>
        Trim(inner).StartsWith(Trim(outer) + Path.DirectorySeparatorChar, Comparison) || Trim(outer) == Path.GetPathRoot(outer);

    private static string Trim(string path) =>
        path.Length > 1 ? path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : path;
}
