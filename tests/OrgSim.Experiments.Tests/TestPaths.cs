namespace OrgSim.Experiments.Tests;

internal static class TestPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds OrgSim.sln.</summary>
    public static string RepoRoot => OrgSim.Tests.Shared.RepositoryRoot.Path;

    public static string Scenario(string name) => Path.Combine(RepoRoot, "scenarios", name);

    public static string TempDirectory() => OrgSim.Tests.Shared.TemporaryDirectories.Create();
}
