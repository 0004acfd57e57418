using OrgSim.Experiments.Report;
using OrgSim.Experiments.Running;

namespace OrgSim.Experiments.Output;

/// <content>
/// Damaged files of the runs folder. A resume checks every record and org-chart part and removes
/// a damaged one, so its run is done again like any run without a record (a run is deterministic:
/// redoing it writes the same record); a merge checks those of every shard and refuses a damaged
/// one, since only the shard's own command can redo it. Neither ever reads a damaged record.
/// </content>
public sealed partial class ResultsFolder
{
    /// <summary>The damaged records removed when this folder was claimed to resume, in canonical order.</summary>
    public IReadOnlyList<DamagedRecord> RemovedRecords { get; private set; } = [];

    /// <summary>A line naming <paramref name="folder"/>'s run identity and how it is damaged, or null if it is sound or absent.</summary>
    public static string? IdentityDamage(string folder) => ReadIdentity(folder).Damage;

    /// <summary>
    /// Removes every damaged record of this folder's runs, and the record of an arm's point 0,
    /// replicate 0 whose org-chart part is damaged or missing (the part is written with that run, just
    /// before its record), into <see cref="RemovedRecords"/>. One streaming pass over each record.
    /// </summary>
    private void RemoveDamagedRecords()
    {
        var removed = new List<DamagedRecord>();
        foreach (RunCoordinates run in RecordedRuns())
        {
            if (RunRecord.Check(RecordPath(run), run) is { } problem)
            {
                File.Delete(RecordPath(run));
                removed.Add(new DamagedRecord(run, problem));
            }
        }

        for (int arm = 0; arm < RequireIdentity().Arms.Count; arm++)
        {
            string part = OrgChartPartPath(RunsFolder, arm);
            var owner = new RunCoordinates(0, arm, 0);
            string? problem = OrgChartPartProblem(part);
            if (problem is null)
            {
                continue;
            }

            File.Delete(part);
            if (File.Exists(RecordPath(owner)))
            {
                File.Delete(RecordPath(owner));
                removed.Add(new DamagedRecord(owner, $"its org chart {System.IO.Path.GetFileName(part)} is {problem}"));
            }
        }

        RemovedRecords = [.. removed.OrderBy(r => r.Run.Point).ThenBy(r => r.Run.Arm).ThenBy(r => r.Run.Replicate)];
    }

    /// <summary>What is wrong with the org-chart part at <paramref name="part"/> ("missing", "damaged (…)"), or null if it is sound.</summary>
    private static string? OrgChartPartProblem(string part)
    {
        try
        {
            return OrgChart.ReadFile(part) is null ? "missing" : null;
        }
        catch (DamagedFileException e)
        {
            return $"damaged ({e.Described})";
        }
    }

    /// <summary>
    /// The first damaged file of a shard's runs that a merge would copy — a record of
    /// <paramref name="runs"/> or the org-chart part of an arm whose point 0, replicate 0 is among
    /// them — as an error line that says what to do, or null if all are sound.
    /// </summary>
    private string? ShardDamage(IReadOnlyList<RunCoordinates> runs)
    {
        foreach (RunCoordinates run in runs)
        {
            if (RunRecord.Check(RecordPath(run), run) is { } problem)
            {
                return $"{RecordPath(run)} is damaged ({problem}); rerun that shard's 'orgsim run' command (it redoes the damaged run), then merge again";
            }

            string part = OrgChartPartPath(RunsFolder, run.Arm);
            if (run is { Point: 0, Replicate: 0 } && OrgChartPartProblem(part) is { } partProblem)
            {
                return $"{part} is {partProblem}; rerun that shard's 'orgsim run' command (it redoes the run that draws it), then merge again";
            }
        }

        return null;
    }
}
