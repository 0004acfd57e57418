using System.Globalization;
using OrgSim.Experiments.Statistics;

namespace OrgSim.Experiments.Output;

/// <summary><c>summary.csv</c>: one row per arm and metric with mean, 95% interval and the runs that contributed.</summary>
public static class SummaryCsv
{
    /// <summary>The header, in order.</summary>
    public static IReadOnlyList<string> Header { get; } = ["arm", "metric", "mean", "ci_low", "ci_high", "n"];

    /// <summary>Writes <paramref name="rows"/>; undefined values are empty fields.</summary>
    public static void Write(TextWriter writer, IEnumerable<SummaryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = CsvFormat.Writer(writer);
        foreach (string column in Header)
        {
            csv.WriteField(column);
        }

        csv.EndRecord();
        foreach (SummaryRow row in rows)
        {
            csv.WriteField(row.Arm);
            csv.WriteField(row.Metric);
            csv.WriteField(CsvFormat.Number(row.Estimate.Mean));
            csv.WriteField(CsvFormat.Number(row.Estimate.Low));
            csv.WriteField(CsvFormat.Number(row.Estimate.High));
            csv.WriteField(row.Estimate.N.ToString(CultureInfo.InvariantCulture));
            csv.EndRecord();
        }
    }
}
