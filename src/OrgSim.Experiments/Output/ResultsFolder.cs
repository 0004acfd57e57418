using OrgSim.Experiments.Running;

namespace OrgSim.Experiments.Output;

/// <summary>
/// An output folder and everything in it. This type alone knows the name of every file a run
/// writes there — the run records and their identity, the org-chart parts, the tables,
/// <c>run.json</c>, <c>orgchart.json</c>, <c>plots/</c> and <c>report.html</c> — and alone claims
/// the folder, resumes into it, clears it for <c>--overwrite</c>, assembles the tables and merges
/// shards into it. Commands call it and print what it says.
/// </summary>
/// <remarks>
/// A claim is an exclusive lock on the file <see cref="ClaimFileName"/> in the folder, taken from
/// the operating system (<c>flock</c> on Linux and macOS, a share lock on Windows), which grants it
/// to one open file at a time, whatever the process, PID namespace or container, and releases it
/// when its holder exits, however it exits. An explicit folder that already
/// holds results of another scenario needs <c>--overwrite</c>; one that holds runs of the same
/// scenario is resumed. Without <c>--out</c>, a run goes to <c>results/NAME</c>, or to
/// <c>results/NAME-2</c>, <c>-3</c>, … if that folder is not empty or is claimed by another run.
/// </remarks>
public sealed partial class ResultsFolder : IDisposable
{
    /// <summary>The folder that holds results when no <c>--out</c> is given.</summary>
    public const string DefaultRoot = "results";

    /// <summary>
    /// The file whose lock claims a folder while a run writes into it. The file itself stays: only
    /// its lock means anything, and removing a lock file another process may be opening would let
    /// two writers in.
    /// </summary>
    public const string ClaimFileName = ".orgsim-lock";

    /// <summary>The folder, inside an output folder, that holds the run records, their identity and the org-chart parts.</summary>
    public const string RunsFolderName = ".orgsim-runs";

    /// <summary>
    /// The list of renames of a set of files being committed (the tables, or the report and charts);
    /// present only while they are renamed, or if that was interrupted (<see cref="AtomicFileSet"/>).
    /// </summary>
    public const string CommitJournalFileName = ".orgsim-commit";

    /// <summary>The identity of the runs, inside <see cref="RunsFolderName"/>.</summary>
    public const string IdentityFileName = "identity.json";

    /// <summary>Provenance and every parameter of the run.</summary>
    public const string ManifestFileName = "run.json";

    /// <summary>The organisation as teams and the spread over them, for the report's animation.</summary>
    public const string OrgChartFileName = "orgchart.json";

    /// <summary>The self-contained report.</summary>
    public const string ReportFileName = "report.html";

    /// <summary>The workshop deck (<c>orgsim deck</c>, <c>orgsim run --pptx</c>). Not among <see cref="OwnedNames"/>: a deck someone edited and saved is theirs, so it is replaced or removed only while it is still the one orgsim wrote (<see cref="IsOurDeck"/>).</summary>
    public const string DeckFileName = "workshop.pptx";

    /// <summary>The folder of charts.</summary>
    public const string PlotsFolderName = "plots";

    /// <summary>Per run, week and competency: agents at each stage.</summary>
    public const string TimeseriesFileName = "timeseries.csv";

    /// <summary>Per run and week: effectiveness and the spread front.</summary>
    public const string OutcomesFileName = "outcomes.csv";

    /// <summary>Per run, week and hierarchy level: the competent share.</summary>
    public const string LevelsFileName = "levels.csv";

    /// <summary>One row per run.</summary>
    public const string RunsFileName = "runs.csv";

    /// <summary>Per point and arm: every metric's mean and interval.</summary>
    public const string SummaryFileName = "summary.csv";

    /// <summary>Each arm against the first.</summary>
    public const string ContrastsFileName = "contrasts.csv";

    /// <summary>A sensitivity analysis's measures of each parameter for each output.</summary>
    public const string SensitivityFileName = "sensitivity.csv";

    /// <summary>A sensitivity analysis's design matrix: each point's parameter values and outputs.</summary>
    public const string DesignFileName = "design.csv";

    private readonly FileStream? _lock;
    private readonly bool _created;

    /// <param name="path">The folder.</param>
    /// <param name="created">Whether the claim created it.</param>
    /// <param name="claim">The held lock; null for a folder only read, such as a shard being merged.</param>
    private ResultsFolder(string path, bool created, FileStream? claim)
    {
        Path = path;
        _created = created;
        _lock = claim;
    }

    /// <summary>The tables, in the order they are written.</summary>
    public static IReadOnlyList<string> TableFileNames { get; } = [TimeseriesFileName, OutcomesFileName, LevelsFileName, RunsFileName, SummaryFileName, ContrastsFileName];

    /// <summary>Every name this type writes at the top of an output folder: their presence marks a folder as holding results, and <c>--overwrite</c> clears exactly these.</summary>
    public static IReadOnlyList<string> OwnedNames { get; } = [.. TableFileNames, ManifestFileName, OrgChartFileName, ReportFileName, PlotsFolderName, RunsFolderName, CommitJournalFileName];

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>The identity of the runs this folder holds, once known.</summary>
    public RunIdentity? Identity { get; private set; }

    private string RunsFolder => System.IO.Path.Combine(Path, RunsFolderName);

    /// <summary>
    /// Claims a folder for the runs of <paramref name="identity"/>: <paramref name="requested"/>, or
    /// a fresh folder under <paramref name="root"/> named after the scenario. A requested folder
    /// that holds runs of the same scenario is resumed; one that holds anything else of ours needs
    /// <paramref name="overwrite"/>, and is then cleared of it (never of the user's own files).
    /// </summary>
    /// <returns>The claimed folder and whether it resumes, or an error line saying what to do.</returns>
    public static (ResultsFolder? Folder, bool Resuming, string? Error) ClaimForRuns(string? requested, string scenarioName, RunIdentity identity, bool overwrite, string root = DefaultRoot)
    {
        ArgumentNullException.ThrowIfNull(identity);
        // Claim first, then look: what the folder holds is only worth reading once nobody else can change it.
        var (folder, error) = Claim(requested, scenarioName, overwrite: true, root);
        if (folder is null)
        {
            return (null, false, error);
        }

        bool resuming;
        try
        {
            var (existing, damage) = requested is null ? (null, null) : ReadIdentity(requested);
            if (damage is not null && !overwrite)
            {
                folder.Dispose();
                return (null, false, $"--out {requested}: {damage}; add --overwrite to run the scenario afresh into it, or choose another folder");
            }

            resuming = existing is not null && existing.SameRunsAs(identity);
            if (!resuming && !overwrite && (existing is not null || folder.HeldResult() is not null))
            {
                folder.Dispose();
                return (null, false, existing is not null
                    ? $"--out {requested} holds runs of another scenario or other overrides ({existing.ScenarioFile}); choose another folder, or add --overwrite to replace them"
                    : $"--out {requested} already holds results ({folder.HeldResult()}); choose another folder or add --overwrite to replace them");
            }
        }
        catch
        {
            folder.Dispose();
            throw;
        }

        try
        {
            if (!resuming)
            {
                folder.Clear(); // Only reached for a new folder or with --overwrite: what is there belongs to another scenario (a link is removed, not followed).
            }
            else
            {
                folder.RefuseLinkedFolders();
                folder.FinishInterruptedCommit();
            }

            folder.RemoveTemporaryFiles();

            Directory.CreateDirectory(folder.RunsFolder);
            AtomicFile.WriteText(System.IO.Path.Combine(folder.RunsFolder, IdentityFileName), RunIdentity.ToJson(identity));
            folder.Identity = identity;
            if (resuming)
            {
                folder.RemoveDamagedRecords(); // Never read, and redone like any run without a record.
            }

            return (folder, resuming, null);
        }
        catch (DamagedFileException e)
        {
            folder.Dispose();
            return (null, false, $"--out {folder.Path}: {e.Message}; it is not a file orgsim wrote: remove it, or choose another folder");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            folder.Dispose();
            return (null, false, $"cannot write into {folder.Path}: {e.Message}; check the folder's permissions and free space");
        }
    }

    /// <summary>
    /// Claims an existing output folder to redraw its charts and report (<c>orgsim plot</c>);
    /// an error line if it is not one, or another run is writing it.
    /// </summary>
    public static (ResultsFolder? Folder, string? Error) ClaimExisting(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            return (null, $"{folder} is not a folder; name the --out folder of an orgsim run");
        }

        string noResults = $"{folder}: {ManifestFileName} is missing; run the scenario with 'orgsim run' first (an interrupted run finishes when you run the same command again)";
        if (!OwnedNames.Append(ClaimFileName).Any(name => Exists(System.IO.Path.Combine(folder, name))))
        {
            return (null, noResults);
        }

        // Claimed first: a folder another run is still writing has no run.json yet, and must be said to be busy, not empty.
        var (claimed, error) = Claim(folder, scenarioName: string.Empty, overwrite: true); // The name only picks a default folder; this one is named.
        if (claimed is not null)
        {
            try
            {
                claimed.RefuseLinkedFolders();
                claimed.FinishInterruptedCommit();
                if (!File.Exists(System.IO.Path.Combine(folder, ManifestFileName)))
                {
                    claimed.Dispose();
                    return (null, noResults);
                }

                claimed.Identity = ReadIdentity(folder).Identity;
                claimed.RemoveTemporaryFiles(); // A run or plot killed while drawing left them.
            }
            catch (DamagedFileException e)
            {
                claimed.Dispose();
                return (null, $"{e.Message}; it is not a file orgsim wrote: remove it, or rerun the scenario with --overwrite");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                claimed.Dispose();
                return (null, $"cannot write into {folder}: {e.Message}; check the folder's permissions and free space");
            }
        }

        return (claimed, error);
    }

    /// <summary>Releases the claim; a folder the claim created and nothing was written to is removed again.</summary>
    public void Dispose()
    {
        try
        {
            // Still holding the lock: nobody else can be writing into the folder we remove.
            if (_lock is not null && _created && Directory.EnumerateFileSystemEntries(Path).All(e => System.IO.Path.GetFileName(e) == ClaimFileName))
            {
                File.Delete(_lock.Name);
                Directory.Delete(Path);
            }
        }
        catch (IOException)
        {
            // An empty folder left behind is harmless.
        }
        finally
        {
            _lock?.Dispose();
        }
    }

    /// <summary>
    /// Refuses a runs folder or plots folder that is a link: orgsim writes, renames and removes
    /// temporary files in them, and must never do so in a folder elsewhere that a link points to.
    /// </summary>
    /// <exception cref="DamagedFileException">One of them is a link.</exception>
    private void RefuseLinkedFolders()
    {
        foreach (string name in new[] { RunsFolderName, PlotsFolderName })
        {
            string path = System.IO.Path.Combine(Path, name);
            if (new DirectoryInfo(path).LinkTarget is not null || new FileInfo(path).LinkTarget is not null)
            {
                throw new DamagedFileException(path, "is a link; orgsim writes only into a folder of its own here, never through a link (remove the link; what it points to is left alone)");
            }
        }
    }

    /// <summary>Removes everything of ours from the folder (<see cref="OwnedNames"/> and a deck orgsim wrote), and nothing else.</summary>
    private void Clear()
    {
        RemoveOurDeck();
        foreach (string name in OwnedNames)
        {
            string path = System.IO.Path.Combine(Path, name);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>
    /// Removes the temporary files a run killed while writing left beside our files (records, tables,
    /// charts, the report), so a resumed folder holds exactly what an uninterrupted run writes. The
    /// claim says nobody else writes here now.
    /// </summary>
    private void RemoveTemporaryFiles()
    {
        IEnumerable<string> In(string folder, IEnumerable<string> names) => Directory.Exists(folder)
            ? names.SelectMany(name => Directory.EnumerateFiles(folder, name + ".tmp-*"))
            : [];

        string plots = System.IO.Path.Combine(Path, PlotsFolderName);
        foreach (string leftover in In(Path, OwnedNames.Append(DeckFileName)).Concat(In(RunsFolder, ["*"])).Concat(In(plots, ["*"])).ToList())
        {
            File.Delete(leftover);
        }
    }

    /// <summary>Finishes the renames of a set of files a killed run left half-committed, so the folder's tables (or charts) are all of one assembly.</summary>
    private void FinishInterruptedCommit() => AtomicFileSet.Recover(Journal, IsCommittedName);

    /// <summary>Whether a path relative to the folder names a file that a commit of ours replaces: a table, run.json, orgchart.json, the report, or a chart in plots/.</summary>
    private static bool IsCommittedName(string relative) => relative.Split('/') switch
    {
        [string name] => OwnedNames.Contains(name) && name is not RunsFolderName and not PlotsFolderName and not CommitJournalFileName,
        [PlotsFolderName, string chart] => chart.EndsWith(".svg", StringComparison.Ordinal) || chart.EndsWith(".png", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>Where a set of files committed into this folder notes its renames.</summary>
    private string Journal => System.IO.Path.Combine(Path, CommitJournalFileName);

    /// <summary>Removes the report and the charts: drawn from tables that are about to change, they would contradict them.</summary>
    private void RemoveReport()
    {
        RemoveOurDeck();
        File.Delete(System.IO.Path.Combine(Path, ReportFileName));
        string plots = System.IO.Path.Combine(Path, PlotsFolderName);
        if (Directory.Exists(plots))
        {
            Directory.Delete(plots, recursive: true);
        }
    }

    /// <summary>The identity of the runs in <paramref name="folder"/>, none if it has none, or a line that names the file and says how it is damaged.</summary>
    private static (RunIdentity? Identity, string? Damage) ReadIdentity(string folder)
    {
        string path = System.IO.Path.Combine(folder, RunsFolderName, IdentityFileName);
        try
        {
            return File.Exists(path) || Directory.Exists(path) ? (RunIdentity.Read(path), null) : (null, null);
        }
        catch (DamagedFileException e)
        {
            return (null, $"{path} is damaged ({e.Described})");
        }
    }
}
