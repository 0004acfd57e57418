using OrgSim.Experiments.Running;

namespace OrgSim.Experiments.Output;

/// <content>Merging the folders of shards into the folder a single machine would have written.</content>
public sealed partial class ResultsFolder
{
    /// <summary>
    /// Gathers the run records and org-chart parts of <paramref name="shardFolders"/> into
    /// <paramref name="target"/> and assembles the tables there. Every shard must come from the same
    /// scenario and overrides and have finished, and every run must be in exactly one of them.
    /// </summary>
    /// <returns>The merged folder (claimed; the caller disposes it) and its run count, or an error line.</returns>
    public static (ResultsFolder? Folder, int Runs, string? Error) Merge(IReadOnlyList<string> shardFolders, string target, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(shardFolders);
        ArgumentNullException.ThrowIfNull(target);
        if (shardFolders.Count == 0)
        {
            return Fail("no folders given; e.g. 'orgsim merge results/sweep-shard-* --out results/sweep'");
        }

        string targetFull = Normalised(target);
        if (shardFolders.Any(f => Normalised(f) == targetFull))
        {
            return Fail($"--out {target} is one of the shard folders; merge into a new folder");
        }

        if (shardFolders.FirstOrDefault(f => !Directory.Exists(f)) is { } missingFolder)
        {
            return Fail($"{missingFolder} is not a folder; name the --out folders of the shards' runs");
        }

        if (shardFolders.GroupBy(Normalised).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            List<string> spellings = twice.Distinct().ToList();
            return Fail(spellings.Count == 1
                ? $"{spellings[0]} is given {twice.Count()} times; give each shard's folder once"
                : $"{string.Join(" and ", spellings)} name the same shard folder; give each shard's folder once");
        }

        // The shards are held while they are read: a shard that a run (a retried task, a resume) is
        // writing is said to be busy, and none can change under the merge.
        var held = new List<FileStream>();
        try
        {
            foreach (string folder in shardFolders)
            {
                if (TryLockToRead(folder) is not (true, var stream))
                {
                    return Fail($"{folder} is being written by another orgsim run; wait for it to finish, then merge");
                }

                if (stream is not null)
                {
                    held.Add(stream);
                }
            }

            return MergeHeld(shardFolders, target, overwrite);
        }
        finally
        {
            held.ForEach(s => s.Dispose());
        }
    }

    /// <summary>Takes a shard's lock to read it; a folder where no lock can be made (read-only) is read without one.</summary>
    private static (bool Free, FileStream? Lock) TryLockToRead(string folder)
    {
        try
        {
            return TryLock(folder) is { } stream ? (true, stream) : (false, null);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return (true, null);
        }
    }

    private static (ResultsFolder? Folder, int Runs, string? Error) MergeHeld(IReadOnlyList<string> shardFolders, string target, bool overwrite)
    {
        if (shardFolders.FirstOrDefault(f => !File.Exists(System.IO.Path.Combine(f, ManifestFileName))) is { } unfinished)
        {
            return Fail($"{unfinished} has no {ManifestFileName}, so its run did not finish; resume it (rerun the same command), then merge");
        }

        RunIdentity? identity = null;
        string first = shardFolders[0];
        var sources = new Dictionary<RunCoordinates, string>(); // run → the shard folder that holds its record
        foreach (string folder in shardFolders)
        {
            var (shard, damage) = ReadIdentity(folder);
            if (damage is not null)
            {
                return Fail($"{damage}; rerun that shard's 'orgsim run' command with --overwrite, then merge again");
            }

            if (shard is null)
            {
                return Fail($"{folder} holds no runs of orgsim run (no {RunsFolderName}/{IdentityFileName}); name the shards' --out folders");
            }

            identity ??= shard;
            if (!identity.SameRunsAs(shard))
            {
                return Fail($"{folder} comes from another scenario or other overrides than {first}; merge only the shards of one run (compare their {ManifestFileName})");
            }

            var shardFolder = new ResultsFolder(folder, created: false, claim: null) { Identity = shard };
            IReadOnlyList<RunCoordinates> recorded = shardFolder.RecordedRuns();
            foreach (RunCoordinates run in recorded)
            {
                if (!sources.TryAdd(run, folder))
                {
                    return Fail($"the run {run.FileName} is in both {sources[run]} and {folder}; give each shard's folder once");
                }
            }

            // Checked before anything is written: a damaged record is never copied, and only its shard's command can redo it.
            if (shardFolder.ShardDamage(recorded) is { } damaged)
            {
                return Fail(damaged);
            }
        }

        List<RunCoordinates> all = identity!.AllRuns().ToList();
        List<RunCoordinates> missing = all.Where(r => !sources.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            RunCoordinates m = missing[0];
            return Fail($"{missing.Count} of {all.Count} runs are in none of the folders (the first: point {m.Point}, arm {identity.Arms[m.Arm]}, replicate {m.Replicate}); run or resume the shard that owns them, then merge again");
        }

        // Every shard wrote the same run.json (it names no shard): the first one's is taken, so it must be sound.
        string manifestPath = System.IO.Path.Combine(first, ManifestFileName);
        string manifest;
        try
        {
            if (OwnFile.Problem(manifestPath, OwnFile.MaxSmallFileBytes) is { } problem)
            {
                return Fail($"{manifestPath} {problem}; rerun the first shard's 'orgsim run' command with --overwrite, then merge again");
            }

            manifest = File.ReadAllText(manifestPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot read {manifestPath}: {e.Message}; check the folder's permissions");
        }

        if (ManifestDamage(manifestPath, manifest) is { } manifestDamage)
        {
            return Fail($"{manifestPath} is damaged ({manifestDamage}); rerun that shard's 'orgsim run' command (it writes {ManifestFileName} again), then merge again");
        }

        var (merged, _, error) = ClaimForRuns(target, "merged", identity, overwrite);
        if (merged is null)
        {
            return Fail(error!);
        }

        // Into a folder of the same runs (a merge that was stopped, or one done before) it simply
        // finishes: every record and part is copied again and the tables assembled anew.
        try
        {
            foreach (RunCoordinates run in all)
            {
                AtomicFile.Copy(System.IO.Path.Combine(sources[run], RunsFolderName, run.FileName), merged.RecordPath(run));
            }

            // Each arm's org-chart part was written by the shard that ran its point 0, replicate 0.
            for (int arm = 0; arm < identity.Arms.Count; arm++)
            {
                string part = OrgChartPartPath(System.IO.Path.Combine(sources[new RunCoordinates(0, arm, 0)], RunsFolderName), arm);
                if (File.Exists(part))
                {
                    AtomicFile.Copy(part, OrgChartPartPath(merged.RunsFolder, arm));
                }
            }

            merged.Assemble(w => w.Write(manifest));
            return (merged, all.Count, null);
        }
        catch (DamagedFileException e)
        {
            // Damaged after the checks above, while being copied: nothing was replaced.
            merged.Dispose();
            return Fail($"{e.Message}; nothing was replaced; merge again");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            merged.Dispose();
            return Fail($"cannot write {target}: {e.Message}; check the folder's permissions and free space");
        }
    }

    /// <summary>What makes <paramref name="text"/>, read from <paramref name="path"/>, not the JSON of a <c>run.json</c>, or null.</summary>
    private static string? ManifestDamage(string path, string text)
    {
        try
        {
            using var document = JsonFile.Parse(path, text);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object ? null : "not a JSON object";
        }
        catch (DamagedFileException e)
        {
            return e.Described;
        }
    }

    private static (ResultsFolder?, int, string?) Fail(string error) => (null, 0, error);

    /// <summary>
    /// The folder's full path with every symbolic link on the way resolved, so a link to a shard, or a
    /// path through a linked parent folder, is seen as that shard.
    /// </summary>
    private static string Normalised(string folder)
    {
        string full = System.IO.Path.GetFullPath(folder).TrimEnd(System.IO.Path.DirectorySeparatorChar);
        string resolved = System.IO.Path.GetPathRoot(full) ?? string.Empty;
        foreach (string part in full[resolved.Length..].Split(System.IO.Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            string next = System.IO.Path.Combine(resolved, part);
            try
            {
                resolved = new DirectoryInfo(next).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? next;
            }
            catch (IOException)
            {
                resolved = next;
            }
        }

        return resolved.TrimEnd(System.IO.Path.DirectorySeparatorChar);
    }
}
