using OrgSim.Experiments.Output;
using OrgSim.Experiments.Running;

namespace OrgSim.Cli.Commands;

/// <summary>
/// <c>orgsim merge</c>: gathers the run records of shard folders into one folder and assembles the
/// tables from them, in canonical order, so the files equal those of a single-machine run. Every
/// shard must come from the same scenario and overrides, and every run must be present.
/// </summary>
public static class MergeCommand
{
    /// <summary>Executes the command; returns the process exit code.</summary>
    public static int Execute(MergeOptions options, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        List<string> folders = options.Folders.ToList();
        string outFull = Path.GetFullPath(options.Out).TrimEnd(Path.DirectorySeparatorChar);
        if (folders.Any(f => Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar) == outFull))
        {
            return Fail(stderr, $"orgsim merge: --out {options.Out} is one of the shard folders; merge into a new folder");
        }

        if (folders.FirstOrDefault(f => !File.Exists(Path.Combine(f, "run.json"))) is { } unfinished)
        {
            return Fail(stderr, $"orgsim merge: {unfinished} has no run.json, so its run did not finish; resume it (rerun the same command), then merge");
        }

        RunIdentity? identity = null;
        string? first = null;
        var sources = new Dictionary<string, string>(StringComparer.Ordinal); // record file name → folder it comes from
        foreach (string folder in folders)
        {
            string runs = Path.Combine(folder, RunRecord.Folder);
            RunIdentity? shard = Directory.Exists(runs) ? RunIdentity.Read(runs) : null;
            if (shard is null)
            {
                return Fail(stderr, $"orgsim merge: {folder} holds no runs of orgsim run (no {RunRecord.Folder}/{RunIdentity.FileName}); name the shards' --out folders");
            }

            if (identity is null)
            {
                (identity, first) = (shard, folder);
            }
            else if (!identity.SameRunsAs(shard))
            {
                return Fail(stderr, $"orgsim merge: {folder} comes from another scenario or other overrides than {first}; merge only the shards of one run (compare their run.json)");
            }

            foreach (string record in Directory.EnumerateFiles(runs, "*.run"))
            {
                if (!sources.TryAdd(Path.GetFileName(record), folder))
                {
                    return Fail(stderr, $"orgsim merge: the run {Path.GetFileNameWithoutExtension(record)} is in both {sources[Path.GetFileName(record)]} and {folder}; give each shard's folder once");
                }
            }
        }

        if (identity is null)
        {
            return Fail(stderr, "orgsim merge: no folders given; e.g. 'orgsim merge results/sweep-shard-* --out results/sweep'");
        }

        List<RunCoordinates> all = identity.AllRuns().ToList();
        List<RunCoordinates> missing = all.Where(r => !sources.ContainsKey(r.FileName)).ToList();
        if (missing.Count > 0)
        {
            RunCoordinates m = missing[0];
            return Fail(stderr, $"orgsim merge: {missing.Count} of {all.Count} runs are in none of the folders (the first: point {m.Point}, arm {identity.Arms[m.Arm]}, replicate {m.Replicate}); run or resume the shard that owns them, then merge again");
        }

        var (output, error) = OutputDirectory.Claim(options.Out, "merged", options.Overwrite);
        if (output is null)
        {
            return Fail(stderr, "orgsim merge: " + error);
        }

        using (output)
        {
            try
            {
                string runsFolder = Path.Combine(output.Path, RunRecord.Folder);
                Directory.CreateDirectory(runsFolder);
                identity.Write(runsFolder);
                foreach (RunCoordinates run in all)
                {
                    File.Copy(Path.Combine(sources[run.FileName], RunRecord.Folder, run.FileName), Path.Combine(runsFolder, run.FileName), overwrite: true);
                }

                using var files = new AtomicFileSet(overwrite: true);
                ResultAssembler.Stage(files, output.Path, runsFolder, identity, all);

                // Every shard wrote the same run.json (it names no shard): take the first one's.
                files.Stage(Path.Combine(output.Path, "run.json"), w => w.Write(File.ReadAllText(Path.Combine(first!, "run.json"))));
                files.Commit();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail(stderr, $"orgsim merge: cannot write {output.Path}: {e.Message}; check the folder's permissions and free space");
            }

            var (_, reportError) = ReportFiles.Write(output.Path, png: false, stderr);
            if (reportError is not null)
            {
                stderr.WriteLine($"orgsim merge: the tables are written, but not the report: {reportError}");
            }

            stdout.WriteLine($"Merged {all.Count} runs from {folders.Count} folders into {output.Path}{Path.DirectorySeparatorChar}");
            return ExitCodes.Success;
        }
    }

    private static int Fail(TextWriter stderr, string line)
    {
        stderr.WriteLine(line);
        return ExitCodes.BadInput;
    }
}
