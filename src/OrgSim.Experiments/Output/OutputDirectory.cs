namespace OrgSim.Experiments.Output;

/// <summary>
/// A results folder claimed for one run, so that no earlier result is overwritten silently and two
/// runs never write into the same folder at once. The claim is a marker file created with
/// <see cref="FileMode.CreateNew"/>, which the file system grants to one process only; disposing
/// the claim removes it.
/// </summary>
/// <remarks>
/// An explicit folder that already holds results needs <c>--overwrite</c>. Without <c>--out</c>, a
/// run goes to <c>results/NAME</c>, or to <c>results/NAME-2</c>, <c>-3</c>, … if that folder is
/// not empty or is claimed by another run.
/// </remarks>
public sealed class OutputDirectory : IDisposable
{
    /// <summary>The marker that claims a folder while a run writes into it.</summary>
    public const string ClaimFile = ".orgsim-writing";

    private readonly string _marker;
    private readonly bool _created;

    private OutputDirectory(string path, bool overwrite, bool created)
    {
        Path = path;
        AllowOverwrite = overwrite;
        _created = created;
        _marker = System.IO.Path.Combine(path, ClaimFile);
    }

    /// <summary>The folder that holds results when no <c>--out</c> is given.</summary>
    public const string DefaultRoot = "results";

    /// <summary>The files and folders a run writes, and whose presence marks a folder as holding results.</summary>
    public static IReadOnlyList<string> ResultFiles { get; } = ["timeseries.csv", "outcomes.csv", "levels.csv", "runs.csv", "summary.csv", "contrasts.csv", "run.json", ".orgsim-runs"];

    /// <summary>The claimed folder.</summary>
    public string Path { get; }

    /// <summary>Whether results already in the folder may be replaced.</summary>
    public bool AllowOverwrite { get; }

    /// <summary>Claims the folder to write into, or says what to do instead.</summary>
    /// <param name="requested">The <c>--out</c> folder, or null.</param>
    /// <param name="scenarioName">The scenario's name, for the default folder.</param>
    /// <param name="overwrite">Whether replacing earlier results in <paramref name="requested"/> is allowed.</param>
    /// <param name="resultsRoot">Where default folders go (<c>results</c>).</param>
    public static (OutputDirectory? Directory, string? Error) Claim(string? requested, string scenarioName, bool overwrite, string resultsRoot = DefaultRoot)
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

    /// <summary>Releases the claim; a folder the claim created and nothing was written to is removed again.</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(_marker);
            if (_created && !Directory.EnumerateFileSystemEntries(Path).Any())
            {
                Directory.Delete(Path);
            }
        }
        catch (IOException)
        {
            // A stale marker only makes the next default run pick the next folder.
        }
    }

    private static (OutputDirectory?, string?) ClaimRequested(string requested, bool overwrite)
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
        var claim = new OutputDirectory(requested, overwrite, created);
        if (!claim.TryCreateMarker())
        {
            return (null, $"--out {requested} is being written by another orgsim run; wait for it, or choose another folder (if no run is active, delete {claim._marker})");
        }

        string? existing = ResultFiles.FirstOrDefault(f => Exists(System.IO.Path.Combine(requested, f)));
        if (existing is not null && !overwrite)
        {
            claim.Dispose();
            return (null, $"--out {requested} already holds results ({existing}); choose another folder or add --overwrite to replace them");
        }

        return (claim, null);
    }

    private static (OutputDirectory?, string?) ClaimDefault(string scenarioName, string resultsRoot)
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
            var claim = new OutputDirectory(candidate, overwrite: false, created);
            if (!claim.TryCreateMarker())
            {
                continue; // Another run claimed it between our look and our claim.
            }

            if (ResultFiles.Any(f => Exists(System.IO.Path.Combine(candidate, f))))
            {
                claim.Dispose();
                continue;
            }

            return (claim, null);
        }
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    private bool TryCreateMarker()
    {
        for (int attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                using var stream = new FileStream(_marker, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                using var writer = new StreamWriter(stream);
                writer.Write(Identity(Environment.ProcessId, System.Diagnostics.Process.GetCurrentProcess().StartTime));
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
            return process.HasExited || Identity(pid, process.StartTime) != $"{parts[0]} {parts[1]}";
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

    private static string Identity(int pid, DateTime start) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{pid} {start.ToUniversalTime().Ticks}");
}
