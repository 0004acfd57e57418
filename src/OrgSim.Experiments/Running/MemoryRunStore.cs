using System.Collections.Concurrent;
using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Running;

/// <summary>
/// A run store in memory: what the tests and benchmarks give <see cref="RunScheduler"/>, so they
/// exercise the same scheduling as <c>orgsim run</c> without touching a disk.
/// </summary>
public sealed class MemoryRunStore : IRunStore
{
    private readonly ConcurrentDictionary<RunCoordinates, (RunResult Result, IReadOnlyList<KeyValuePair<string, double?>> Metrics)> _runs = new();
    private readonly ConcurrentDictionary<int, OrgChart> _charts = new();

    /// <summary>The runs held, in canonical order (point, arm, replicate).</summary>
    public IReadOnlyList<RunResult> Results => _runs.OrderBy(kv => kv.Key.Point).ThenBy(kv => kv.Key.Arm).ThenBy(kv => kv.Key.Replicate).Select(kv => kv.Value.Result).ToList();

    /// <summary>The coordinates of the runs held, in canonical order.</summary>
    public IReadOnlyList<RunCoordinates> Runs => _runs.Keys.OrderBy(r => r.Point).ThenBy(r => r.Arm).ThenBy(r => r.Replicate).ToList();

    /// <summary>The result of <paramref name="run"/>.</summary>
    public RunResult Result(RunCoordinates run) => _runs[run].Result;

    /// <summary>The headline metrics of <paramref name="run"/>, as its record holds them.</summary>
    public IReadOnlyList<KeyValuePair<string, double?>> Metrics(RunCoordinates run) => _runs[run].Metrics;

    /// <summary>The org chart recorded for arm <paramref name="arm"/>, or null.</summary>
    public OrgChart? OrgChart(int arm) => _charts.GetValueOrDefault(arm);

    /// <inheritdoc/>
    public bool Contains(RunCoordinates run) => _runs.ContainsKey(run);

    /// <inheritdoc/>
    public void Save(RunCoordinates run, RunResult result, IReadOnlyList<KeyValuePair<string, double?>> metrics)
    {
        if (!_runs.TryAdd(run, (result, metrics)))
        {
            throw new InvalidOperationException($"run {run} was saved twice");
        }
    }

    /// <inheritdoc/>
    public void SaveOrgChart(int arm, string armName, OrgChartRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        _charts[arm] = Report.OrgChart.ForArm(armName, recorder);
    }
}
