using CsvHelper;
using OrgSim.Experiments.Statistics;

namespace OrgSim.Experiments.Output;

/// <summary><c>summary.csv</c>: one row per point, arm and metric with mean, 95% interval and the runs that contributed.</summary>
public static class SummaryCsv
{
    /// <summary>The columns after the point's coordinates (point, parameters).</summary>
    public static IReadOnlyList<string> Columns { get; } = ["arm", "metric", "mean", "ci_low", "ci_high", "n"];

    /// <summary>Writes one row after the point's fields.</summary>
    public static void WriteRow(CsvWriter csv, string[] point, SummaryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        RunTable.Row(csv, point, row.Arm, row.Metric,
            CsvFormat.Number(row.Estimate.Mean), CsvFormat.Number(row.Estimate.Low), CsvFormat.Number(row.Estimate.High), RunTable.Invariant(row.Estimate.N));
    }
}
