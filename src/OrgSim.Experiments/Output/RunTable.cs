using CsvHelper;

namespace OrgSim.Experiments.Output;

/// <summary>
/// The pattern of the per-run tables (<c>timeseries.csv</c>, <c>outcomes.csv</c>, <c>levels.csv</c>):
/// every row starts with the run's coordinates — <c>point</c>, the sweep's parameter columns,
/// <c>arm</c>, <c>replicate</c> — followed by the table's own columns. Every field is written
/// through <see cref="CsvFormat.WriteField"/>, so an arm name or a swept text value that a
/// spreadsheet would run as a formula is written as text, and numbers as they are.
/// </summary>
public static class RunTable
{
    /// <summary>The leading columns: point, the swept key paths, arm, replicate.</summary>
    public static IReadOnlyList<string> Coordinates(IReadOnlyList<string> parameterPaths) => ["point", .. parameterPaths, "arm", "replicate"];

    /// <summary>The fields of the leading columns for one run.</summary>
    public static string[] Prefix(int point, IEnumerable<string> parameterValues, string arm, int replicate) =>
        [Invariant(point), .. parameterValues, arm, Invariant(replicate)];

    /// <summary>Writes a header row.</summary>
    public static void WriteHeader(CsvWriter csv, IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(csv);
        foreach (string column in columns)
        {
            CsvFormat.WriteField(csv, column);
        }

        csv.EndRecord();
    }

    /// <summary>Writes <paramref name="prefix"/> then <paramref name="fields"/> as one row.</summary>
    public static void Row(CsvWriter csv, string[] prefix, params string[] fields)
    {
        ArgumentNullException.ThrowIfNull(csv);
        foreach (string field in prefix)
        {
            CsvFormat.WriteField(csv, field);
        }

        foreach (string field in fields)
        {
            CsvFormat.WriteField(csv, field);
        }

        csv.EndRecord();
    }

    /// <summary>A whole number in the invariant culture.</summary>
    public static string Invariant(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
