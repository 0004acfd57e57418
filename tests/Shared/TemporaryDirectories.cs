namespace OrgSim.Tests.Shared;

/// <summary>Fresh temporary folders for tests, all under one per-process folder that is removed when the test process exits.</summary>
internal static class TemporaryDirectories
{
    private static readonly string Root = CreateRoot();

    /// <summary>A new, empty folder.</summary>
    public static string Create()
    {
        string path = System.IO.Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string CreateRoot()
    {
        string root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"orgsim-tests-{Environment.ProcessId}");
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless; failing the test run over it is not.
            }
        };
        return root;
    }
}
