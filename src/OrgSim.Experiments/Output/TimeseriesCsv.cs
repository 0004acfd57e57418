using System.Globalization;
using OrgSim.Core.Agents;
using OrgSim.Experiments.Running;

namespace OrgSim.Experiments.Output;

/// <summary>
/// <c>timeseries.csv</c>: tidy long form, one row per arm, replicate, tick (0 = start, through
/// the horizon) and competency, with the number of agents at each of the four stages.
/// </summary>
public static class TimeseriesCsv
{
    /// <summary>The header, in order.</summary>
    public static IReadOnlyList<string> Header { get; } =
        ["arm", "replicate", "tick", "competency", .. Stages.All.Select(Stages.Name)];

    /// <summary>Writes every run of <paramref name="result"/> in arm, replicate, tick, competency order.</summary>
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
            string replicate = run.Replicate.ToString(CultureInfo.InvariantCulture);
            for (int tick = 0; tick < run.Series.RecordedTicks; tick++)
            {
                string tickText = tick.ToString(CultureInfo.InvariantCulture);
                foreach (Competency competency in Competencies.All)
                {
                    csv.WriteField(run.Arm);
                    csv.WriteField(replicate);
                    csv.WriteField(tickText);
                    csv.WriteField(Competencies.Name(competency));
                    foreach (Stage stage in Stages.All)
                    {
                        csv.WriteField(run.Series.Count(tick, competency, stage).ToString(CultureInfo.InvariantCulture));
                    }

                    csv.EndRecord();
                }
            }
        }
    }
}
