using CsvHelper;
using OrgSim.Core.Metrics;
using OrgSim.Experiments.Running;

namespace OrgSim.Experiments.Output;

/// <summary>
/// <c>levels.csv</c>: one row per run, tick and hierarchy level (0 = the top) with the level's
/// agents and its share of agent–competency pairs at stage ≥ 2 — did top-down reach the front
/// line, did bottom-up reach the executives?
/// </summary>
public static class LevelsCsv
{
    /// <summary>The table's own columns, after the run's coordinates.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["tick", "level", "agents", "competent_share"];

    /// <summary>Writes the rows of one run, each starting with <paramref name="prefix"/>.</summary>
    public static void WriteRows(CsvWriter csv, string[] prefix, RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        OutcomeSeries outcomes = run.Outcomes ?? throw new ArgumentException($"run {run.Arm}/{run.Replicate} has no outcomes", nameof(run));
        for (int tick = 0; tick < outcomes.RecordedTicks; tick++)
        {
            string tickText = RunTable.Invariant(tick);
            for (int level = 0; level < outcomes.LevelCount; level++)
            {
                RunTable.Row(csv, prefix, tickText, RunTable.Invariant(level), RunTable.Invariant(outcomes.LevelAgents(level)), CsvFormat.Number(outcomes.LevelCompetentShare(tick, level)));
            }
        }
    }
}
