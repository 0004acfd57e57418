using System.Runtime.CompilerServices;

namespace OrgSim.Experiments.Tests;

/// <summary>
/// Compares text with an approved file committed beside the tests (Verify cannot be restored
/// here). A mismatch or a missing approved file writes NAME.received.txt next to it and fails;
/// to approve, review the received file and rename it to NAME.approved.txt.
/// </summary>
internal static class Snapshot
{
    public static void Verify(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        if (Check(name, actual, callerFile) is { } problem)
        {
            Assert.Fail(problem);
        }
    }

    /// <summary>As <see cref="Verify"/>, but returns the problem instead of failing, so several files can be checked at once.</summary>
    public static string? Check(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        string folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "..", "Approved");
        string approved = Path.Combine(folder, name + ".approved.txt");
        string received = Path.Combine(folder, name + ".received.txt");
        folder = Path.GetDirectoryName(approved)!; // A name may hold a subfolder.
        if (File.Exists(approved) && File.ReadAllText(approved) == actual)
        {
            File.Delete(received);
            return null;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(received, actual);
        return File.Exists(approved)
            ? $"{name} differs from its approved snapshot; compare {received} with {approved}"
            : $"{name} has no approved snapshot yet; review {received} and rename it to {Path.GetFileName(approved)}";
    }
}
