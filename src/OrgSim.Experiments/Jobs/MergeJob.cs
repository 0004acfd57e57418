using OrgSim.Experiments.Output;

namespace OrgSim.Experiments.Jobs;

/// <summary><c>orgsim merge</c>: the shards' folders into the folder a single machine would have written, report included.</summary>
public static class MergeJob
{
    /// <summary>Merges <paramref name="shardFolders"/> into <paramref name="target"/>; notes go to <paramref name="note"/>.</summary>
    public static JobOutcome Execute(IReadOnlyList<string> shardFolders, string target, bool overwrite, Action<string> note)
    {
        ArgumentNullException.ThrowIfNull(shardFolders);
        ArgumentNullException.ThrowIfNull(note);
        var (merged, runs, error) = ResultsFolder.Merge(shardFolders, target, overwrite);
        if (merged is null)
        {
            return JobOutcome.Bad("orgsim merge: " + error);
        }

        using (merged)
        {
            if (merged.RemovedRecords.Count > 0)
            {
                // A merge stopped half-way left them in the target; every record was copied again from the shards.
                note($"orgsim merge: {merged.RemovedRecords.Count} damaged run record(s) in {merged.Path} were removed and copied again from the shards: {string.Join(", ", merged.RemovedRecords.Take(5))}");
            }

            RunJob.DrawReport(merged, png: false, note);
            return JobOutcome.Done($"Merged {runs} runs from {shardFolders.Count} folders into {merged.Path}{Path.DirectorySeparatorChar}");
        }
    }
}
