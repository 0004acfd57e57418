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
        RemoveLeftovers();
        string root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"orgsim-tests-{Environment.ProcessId}");
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(root);
        return root;
    }

    /// <summary>
    /// The folders of test processes that no longer run: a test host killed at the end of a run
    /// never deletes its own, and over a day of runs they filled the disk.
    /// </summary>
    private static void RemoveLeftovers()
    {
        foreach (string folder in Directory.EnumerateDirectories(System.IO.Path.GetTempPath(), "orgsim-tests-*"))
        {
            if (int.TryParse(System.IO.Path.GetFileName(folder)["orgsim-tests-".Length..], out int pid) && pid != Environment.ProcessId && !IsRunning(pid))
            {
                TryDelete(folder);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder is harmless (the next run removes it); failing the test run over it is not.
        }
    }
}
