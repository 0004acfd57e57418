using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Running;

/// <summary>
/// Where <see cref="RunScheduler"/> puts finished runs: a results folder on disk
/// (<see cref="Output.ResultsFolder"/>) or memory (<see cref="MemoryRunStore"/>, for tests and
/// benchmarks). The scheduler skips runs the store already holds, which is what makes a run resume.
/// </summary>
public interface IRunStore
{
    /// <summary>Whether the store already holds the finished run <paramref name="run"/>.</summary>
    bool Contains(RunCoordinates run);

    /// <summary>Keeps a finished run with its headline metrics; called from any worker thread, once per run.</summary>
    void Save(RunCoordinates run, RunResult result, IReadOnlyList<KeyValuePair<string, double?>> metrics);

    /// <summary>Keeps the org chart recorded for arm <paramref name="arm"/> (point 0, replicate 0).</summary>
    void SaveOrgChart(int arm, string armName, OrgChartRecorder recorder);
}
