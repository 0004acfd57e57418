using System.Globalization;
using OrgSim.Core.Metrics;
using OrgSim.Experiments.Running;

namespace OrgSim.Experiments.Output;

/// <summary>
/// <c>levels.csv</c>: one row per arm, replicate, tick and hierarchy level (0 = the top) with the
/// level's agents and its share of agent–competency pairs at stage ≥ 2 — did top-down reach the
/// front line, did bottom-up reach the executives?
/// </summary>
public static class LevelsCsv
{
    /// <summary>The header, in order.</summary>
    public static IReadOnlyList<string> Header { get; } = ["arm", "replicate", "tick", "level", "agents", "competent_share"];

    /// <summary>Writes every run of <paramref name="result"/> in arm, replicate, tick, level order.</summary>
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
                string tickText = tick.ToString(CultureInfo.InvariantCulture);
                for (int level = 0; level < outcomes.LevelCount; level++)
                {
                    csv.WriteField(run.Arm);
                    csv.WriteField(replicate);
                    csv.WriteField(tickText);
                    csv.WriteField(level.ToString(CultureInfo.InvariantCulture));
                    csv.WriteField(outcomes.LevelAgents(level).ToString(CultureInfo.InvariantCulture));
                    csv.WriteField(CsvFormat.Number(outcomes.LevelCompetentShare(tick, level)));
                    csv.EndRecord();
                }
            }
        }
    }
}
