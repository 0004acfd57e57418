namespace OrgSim.Tests.Shared;

/// <summary>The repository root, found from the test binaries; compiled into every test project.</summary>
internal static class RepositoryRoot
{
    /// <summary>The nearest folder above the test binaries that holds OrgSim.sln.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OrgSim.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OrgSim.sln not found above " + AppContext.BaseDirectory);
    }
}
