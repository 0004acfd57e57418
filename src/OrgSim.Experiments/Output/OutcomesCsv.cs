using System.Globalization;
using OrgSim.Core.Metrics;
using OrgSim.Experiments.Running;

namespace OrgSim.Experiments.Output;

/// <summary>
/// <c>outcomes.csv</c>: one row per arm, replicate and tick with the outcomes that need the agents
/// themselves — competent agents, effectiveness of agents and teams, and the spread front.
/// </summary>
public static class OutcomesCsv
{
    /// <summary>The header, in order.</summary>
    public static IReadOnlyList<string> Header { get; } =
        ["arm", "replicate", "tick", "competent_agents", "effectiveness_agent_mean", "effectiveness_team_mean", "front_mean", "front_max"];

    /// <summary>Writes every run of <paramref name="result"/> in arm, replicate, tick order; an undefined front is an empty field.</summary>
    public static void Write(TextWriter writer, ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var csv = CsvFormat.Writer(writer);
        foreach (string column in Header)
        {
            csv.WriteField(column);
        }

        csv.EndRecord();
        foreach (RunResult run in result.Runs)
        {
            OutcomeSeries outcomes = run.Outcomes ?? throw new ArgumentException($"run {run.Arm}/{run.Replicate} has no outcomes", nameof(result));
            string replicate = run.Replicate.ToString(CultureInfo.InvariantCulture);
            for (int tick = 0; tick < outcomes.RecordedTicks; tick++)
            {
                double front = outcomes.FrontMean(tick);
                int farthest = outcomes.FrontMax(tick);
                csv.WriteField(run.Arm);
                csv.WriteField(replicate);
                csv.WriteField(tick.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(outcomes.CompetentAgents(tick).ToString(CultureInfo.InvariantCulture));
                csv.WriteField(CsvFormat.Number(outcomes.EffectivenessAgentMean(tick)));
                csv.WriteField(CsvFormat.Number(outcomes.EffectivenessTeamMean(tick)));
                csv.WriteField(double.IsNaN(front) ? string.Empty : CsvFormat.Number(front));
                csv.WriteField(farthest < 0 ? string.Empty : farthest.ToString(CultureInfo.InvariantCulture));
                csv.EndRecord();
            }
        }
    }
}
