namespace Site.Tests.Support;

/// <summary>Locates the repository from the test binary, so tests run from any working directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Input => Path.Combine(Root, "input");
    public static string Theme => Path.Combine(Root, "theme");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Site.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Site.sln not found above " + AppContext.BaseDirectory);
    }
}
