using CsvHelper;
using OrgSim.Core.Agents;
using OrgSim.Experiments.Running;

namespace OrgSim.Experiments.Output;

/// <summary>
/// <c>timeseries.csv</c>: tidy long form, one row per run (point, parameters, arm, replicate), tick
/// (0 = start, through the horizon) and competency, with the number of agents at each of the four stages.
/// </summary>
public static class TimeseriesCsv
{
    /// <summary>The table's own columns, after the run's coordinates.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["tick", "competency", .. Stages.All.Select(Stages.Name)];

    /// <summary>Writes the rows of one run, each starting with <paramref name="prefix"/>.</summary>
    public static void WriteRows(CsvWriter csv, string[] prefix, RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        for (int tick = 0; tick < run.Series.RecordedTicks; tick++)
        {
            string tickText = RunTable.Invariant(tick);
            foreach (Competency competency in Competencies.All)
            {
                RunTable.Row(csv, prefix, [tickText, Competencies.Name(competency), .. Stages.All.Select(s => RunTable.Invariant(run.Series.Count(tick, competency, s)))]);
            }
        }
    }
}
