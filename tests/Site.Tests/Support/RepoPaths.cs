namespace Site.Tests.Support;

/// <summary>Locates the repository from the test binary, so tests run from any working directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Input => Path.Combine(Root, "input");
    public static string Theme => Path.Combine(Root, "theme");

    /// <summary>
    /// The generator as its own project built it: the test folder's copy leans on the test host's shared
    /// frameworks and does not run on its own.
    /// </summary>
    public static string SiteDll
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = framework.Parent!.Name;
            var dll = Path.Combine(Root, "src", "Site", "bin", configuration, framework.Name, "Site.dll");
            Assert.True(File.Exists(dll), $"{dll} is missing");
            return dll;
        }
    }

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
