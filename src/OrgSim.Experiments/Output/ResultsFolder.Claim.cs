namespace OrgSim.Experiments.Output;

/// <content>Claiming a folder: one writer at a time, and no earlier result overwritten silently.</content>
public sealed partial class ResultsFolder
{
    internal static (ResultsFolder? Folder, string? Error) Claim(string? requested, string scenarioName, bool overwrite, string resultsRoot = DefaultRoot)
    {
        bool rootExisted = requested is not null || Directory.Exists(resultsRoot);
        try
        {
            return requested is null ? ClaimDefault(scenarioName, resultsRoot) : ClaimRequested(requested, overwrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            if (!rootExisted)
            {
                RemoveIfEmpty(resultsRoot); // A failed claim leaves nothing behind, not even an empty results/.
            }

            return (null, $"cannot create the output folder {requested ?? resultsRoot}: {e.Message}; check the path and its permissions");
        }
    }

    private static (ResultsFolder?, string?) ClaimRequested(string requested, bool overwrite)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return (null, "--out is empty; name a folder, e.g. --out results/my-run");
        }

        if (File.Exists(requested))
        {
            return (null, $"--out {requested} is a file; name a folder");
        }

        if (File.Exists(System.IO.Path.Combine(requested, CalibrationFolder.ManifestName)))
        {
            // --overwrite would replace its report.html and leave its calibration tables beside a run's.
            return (null, $"--out {requested} holds a calibration ({CalibrationFolder.ManifestName}); a run's results go in a folder of their own: choose another folder");
        }

        bool created = !Directory.Exists(requested);
        Directory.CreateDirectory(requested);
        if (TryLock(requested) is not { } held)
        {
            return (null, $"--out {requested} is being written by another orgsim run (it holds the lock on {System.IO.Path.Combine(requested, ClaimFileName)}); wait for it to finish, or choose another folder");
        }

        var claim = new ResultsFolder(requested, created, held);
        string? existing = claim.HeldResult();
        if (existing is not null && !overwrite)
        {
            claim.Dispose();
            return (null, $"--out {requested} already holds results ({existing}); choose another folder or add --overwrite to replace them");
        }

        return (claim, null);
    }

    private static (ResultsFolder?, string?) ClaimDefault(string scenarioName, string resultsRoot)
    {
        for (int suffix = 1; ; suffix++)
        {
            string candidate = System.IO.Path.Combine(resultsRoot, suffix == 1 ? scenarioName : $"{scenarioName}-{suffix}");
            if (Directory.Exists(candidate) && Directory.EnumerateFileSystemEntries(candidate).Any())
            {
                continue;
            }

            bool created = !Directory.Exists(candidate);
            Directory.CreateDirectory(candidate);
            if (TryLock(candidate) is not { } held)
            {
                continue; // Another run claimed it between our look and our claim.
            }

            var claim = new ResultsFolder(candidate, created, held);
            if (claim.HeldResult() is not null)
            {
                claim.Dispose();
                continue;
            }

            return (claim, null);
        }
    }

    /// <summary>The first of our names in the folder that holds a result, or null.</summary>
    private string? HeldResult() => OwnedNames.FirstOrDefault(f => HoldsResult(Path, f));

    private static void RemoveIfEmpty(string folder)
    {
        try
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        catch (IOException)
        {
            // Another run may have just created something in it: then it is not ours to remove.
        }
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    /// <summary>
    /// Whether <paramref name="name"/> in <paramref name="folder"/> is a result: a runs folder that a
    /// run killed at its very start left without an identity or any record holds none, and must not
    /// stop the same command from running again.
    /// </summary>
    private static bool HoldsResult(string folder, string name)
    {
        string path = System.IO.Path.Combine(folder, name);
        return name == RunsFolderName && Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Any(f => !f.Contains(".tmp-", StringComparison.Ordinal))
            : Exists(path);
    }

    /// <summary>
    /// Takes the exclusive lock on the folder's <see cref="ClaimFileName"/>, or returns null if
    /// another open file holds it. .NET takes <c>flock(LOCK_EX | LOCK_NB)</c> for
    /// <see cref="FileShare.None"/> on Unix, so the lock is the kernel's: it holds across processes,
    /// PID namespaces and containers that share the volume (and across hosts on file systems whose
    /// <c>flock</c> is a network lock, as NFS's is), and it is gone the moment its holder exits.
    /// No process id or start time is compared, so nothing can mistake a live run for a dead one.
    /// </summary>
    private static FileStream? TryLock(string folder)
    {
        string path = System.IO.Path.Combine(folder, ClaimFileName);
        try
        {
            // Nothing is written into the file: the lock is the claim, and its content would only tempt someone to trust it.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }
}
