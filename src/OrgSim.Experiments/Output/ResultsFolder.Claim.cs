namespace OrgSim.Experiments.Output;

/// <content>Claiming a folder: one writer at a time, and no earlier result overwritten silently.</content>
public sealed partial class ResultsFolder
{
    internal static (ResultsFolder? Folder, string? Error) Claim(string? requested, string scenarioName, bool overwrite, string resultsRoot = DefaultRoot)
    {
        try
        {
            return requested is null ? ClaimDefault(scenarioName, resultsRoot) : ClaimRequested(requested, overwrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
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

        bool created = !Directory.Exists(requested);
        Directory.CreateDirectory(requested);
        var claim = new ResultsFolder(requested, created);
        if (!claim.TryCreateMarker())
        {
            return (null, $"--out {requested} is being written by another orgsim run; wait for it, or choose another folder (if no run is active, delete {claim._marker})");
        }

        string? existing = OwnedNames.FirstOrDefault(f => HoldsResult(requested, f));
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
            var claim = new ResultsFolder(candidate, created);
            if (!claim.TryCreateMarker())
            {
                continue; // Another run claimed it between our look and our claim.
            }

            if (OwnedNames.Any(f => HoldsResult(candidate, f)))
            {
                claim.Dispose();
                continue;
            }

            return (claim, null);
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

    private bool TryCreateMarker()
    {
        for (int attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                using var stream = new FileStream(_marker, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                using var writer = new StreamWriter(stream);
                writer.Write(ClaimerOf(Environment.ProcessId, System.Diagnostics.Process.GetCurrentProcess().StartTime));
                return true;
            }
            catch (IOException) when (File.Exists(_marker))
            {
                // A marker left by a run that was killed (its process is gone) does not hold the folder:
                // remove it once and claim the folder, so a killed sweep can be resumed.
                if (attempt > 0 || !IsStale(_marker))
                {
                    return false;
                }

                File.Delete(_marker);
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the run that wrote <paramref name="marker"/> is gone. The marker holds the process id
    /// and its start time: a process id alone is reused (in a container every run is process 1),
    /// so a live process with another start time, or this very process, is not the writer.
    /// </summary>
    private static bool IsStale(string marker)
    {
        try
        {
            string[] parts = File.ReadAllText(marker).Trim().Split(' ');
            if (parts.Length != 2 || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int pid))
            {
                return false; // Empty or unreadable: a claim being written right now; leave it.
            }

            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited || ClaimerOf(pid, process.StartTime) != $"{parts[0]} {parts[1]}";
        }
        catch (ArgumentException)
        {
            return true; // No such process.
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string ClaimerOf(int pid, DateTime start) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{pid} {start.ToUniversalTime().Ticks}");
}
