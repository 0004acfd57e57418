using System.Globalization;
using OrgSim.Experiments.Report;
using OrgSim.Experiments.Running;

namespace OrgSim.Experiments.Output;

/// <content>The run records and org-chart parts: the folder as the scheduler's <see cref="IRunStore"/>.</content>
public sealed partial class ResultsFolder : IRunStore
{
    /// <inheritdoc/>
    public bool Contains(RunCoordinates run) => File.Exists(RecordPath(run));

    /// <inheritdoc/>
    public void Save(RunCoordinates run, RunResult result, IReadOnlyList<KeyValuePair<string, double?>> metrics) =>
        RunRecord.Write(RecordPath(run), run, Prefix(RequireIdentity(), run), result, metrics);

    /// <inheritdoc/>
    public void SaveOrgChart(int arm, string armName, OrgChartRecorder recorder) =>
        AtomicFile.WriteText(OrgChartPartPath(RunsFolder, arm), OrgChart.ForArm(armName, recorder).ToJson());

    /// <summary>Every run of the scenario whose record is in the folder, in canonical order.</summary>
    public IReadOnlyList<RunCoordinates> RecordedRuns() => RequireIdentity().AllRuns().Where(Contains).ToList();

    /// <summary>The seed and headline metrics of <paramref name="run"/>'s record.</summary>
    /// <exception cref="DamagedFileException">The record is damaged; nothing of it was read.</exception>
    public RunRecord.Contents ReadMetrics(RunCoordinates run) => RunRecord.ReadMetrics(RecordPath(run), run);

    /// <summary>The leading fields of a run's rows in every table.</summary>
    internal static string[] Prefix(RunIdentity identity, RunCoordinates run) =>
        RunTable.Prefix(run.Point, identity.Points[run.Point], identity.Arms[run.Arm], run.Replicate);

    private string RecordPath(RunCoordinates run) => System.IO.Path.Combine(RunsFolder, run.FileName);

    private static string OrgChartPartPath(string runsFolder, int arm) =>
        System.IO.Path.Combine(runsFolder, string.Create(CultureInfo.InvariantCulture, $"orgchart-a{arm:D3}.json"));

    private RunIdentity RequireIdentity() => Identity ?? throw new InvalidOperationException($"{Path} has no run identity; claim it for runs first");
}
