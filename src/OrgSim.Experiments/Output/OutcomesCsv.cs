using CsvHelper;
using OrgSim.Core.Metrics;
using OrgSim.Experiments.Running;

namespace OrgSim.Experiments.Output;

/// <summary>
/// <c>outcomes.csv</c>: one row per run and tick with the outcomes that need the agents
/// themselves — competent agents, effectiveness of agents and teams, the spread front — and
/// the retention curve of the trained cohort, whose row is the week since training rather than
/// the week of the run.
/// </summary>
public static class OutcomesCsv
{
    /// <summary>The table's own columns, after the run's coordinates.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["tick", "competent_agents", "effectiveness_agent_mean", "effectiveness_team_mean", "front_mean", "front_max", "cohort_competent_share"];

    /// <summary>Writes the rows of one run, each starting with <paramref name="prefix"/>.</summary>
    public static void WriteRows(CsvWriter csv, string[] prefix, RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        OutcomeSeries outcomes = run.Outcomes ?? throw new ArgumentException($"run {run.Arm}/{run.Replicate} has no outcomes", nameof(run));
        for (int tick = 0; tick < outcomes.RecordedTicks; tick++)
        {
            double front = outcomes.FrontMean(tick);
            int farthest = outcomes.FrontMax(tick);
            double cohort = outcomes.Cohort.CompetentShare(tick);
            RunTable.Row(csv, prefix,
                RunTable.Invariant(tick),
                RunTable.Invariant(outcomes.CompetentAgents(tick)),
                CsvFormat.Number(outcomes.EffectivenessAgentMean(tick)),
                CsvFormat.Number(outcomes.EffectivenessTeamMean(tick)),
                double.IsNaN(front) ? string.Empty : CsvFormat.Number(front),
                farthest < 0 ? string.Empty : RunTable.Invariant(farthest),
                double.IsNaN(cohort) ? string.Empty : CsvFormat.Number(cohort));
        }
    }
}
