namespace OrgSim.Experiments.Tests;

internal static class TestPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds OrgSim.sln.</summary>
    public static string RepoRoot { get; } = FindRoot();

    public static string Scenario(string name) => Path.Combine(RepoRoot, "scenarios", name);

    public static string TempDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "orgsim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrgSim.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OrgSim.sln not found above " + AppContext.BaseDirectory);
    }
}
