using System.Globalization;
using CsvHelper;
using OrgSim.Experiments.Running;

namespace OrgSim.Experiments.Output;

/// <summary>
/// The file format of a finished run: its rows of the three per-tick tables and its headline
/// metrics, in one file. <see cref="ResultsFolder"/> names the files and decides where they go;
/// a record is written with <see cref="AtomicFile"/>, so a record that exists is whole: that is
/// what makes a rerun resume (finished runs are skipped, an interrupted one is redone) and shards
/// mergeable. Results stream to disk run by run; nothing accumulates in memory.
/// </summary>
public static class RunRecord
{
    private const string TimeseriesSection = "#timeseries", OutcomesSection = "#outcomes", LevelsSection = "#levels", MetricsSection = "#metrics";

    /// <summary>The sections of a record: CSV rows of each table (without header) and the metrics.</summary>
    /// <param name="Timeseries">Rows of timeseries.csv.</param>
    /// <param name="Outcomes">Rows of outcomes.csv.</param>
    /// <param name="Levels">Rows of levels.csv.</param>
    /// <param name="Metrics">The run's headline metrics, in order; null where undefined.</param>
    /// <param name="Seed">The seed of the run's dynamics.</param>
    public sealed record Contents(IReadOnlyList<string> Timeseries, IReadOnlyList<string> Outcomes, IReadOnlyList<string> Levels, IReadOnlyList<KeyValuePair<string, double?>> Metrics, ulong Seed);

    /// <summary>Writes the record of <paramref name="run"/> to <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, string[] prefix, RunResult run, IReadOnlyList<KeyValuePair<string, double?>> metrics)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(metrics);
        AtomicFile.Write(path, writer =>
        {
            // The seed and metrics come first: summaries read only the head of each record.
            writer.WriteLine($"#seed,{run.Seed.ToString(CultureInfo.InvariantCulture)}");
            writer.WriteLine(MetricsSection);
            foreach (var (name, value) in metrics)
            {
                // Full precision ("R"): the summaries are computed from these, and must not depend on rounding.
                writer.WriteLine($"{name},{(value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty)}");
            }

            Section(writer, TimeseriesSection, csv => TimeseriesCsv.WriteRows(csv, prefix, run));
            Section(writer, OutcomesSection, csv => OutcomesCsv.WriteRows(csv, prefix, run));
            Section(writer, LevelsSection, csv => LevelsCsv.WriteRows(csv, prefix, run));
        });
    }

    /// <summary>Reads the record at <paramref name="path"/>.</summary>
    public static Contents Read(string path) => Parse(File.ReadLines(path), metricsOnly: false);

    /// <summary>Reads only the seed and metrics of the record at <paramref name="path"/>: the head of the file.</summary>
    public static Contents ReadMetrics(string path) => Parse(File.ReadLines(path), metricsOnly: true);

    private static Contents Parse(IEnumerable<string> lines, bool metricsOnly)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        ulong seed = 0;
        foreach (string line in lines)
        {
            if (line.StartsWith("#seed,", StringComparison.Ordinal))
            {
                seed = ulong.Parse(line.AsSpan(6), CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith('#'))
            {
                if (metricsOnly && line != MetricsSection)
                {
                    break;
                }

                sections[line] = current = [];
            }
            else
            {
                current?.Add(line);
            }
        }

        List<KeyValuePair<string, double?>> metrics = sections.GetValueOrDefault(MetricsSection, []).Select(l =>
        {
            int comma = l.LastIndexOf(',');
            string value = l[(comma + 1)..];
            return new KeyValuePair<string, double?>(l[..comma], value.Length == 0 ? null : double.Parse(value, CultureInfo.InvariantCulture));
        }).ToList();
        return new Contents(
            sections.GetValueOrDefault(TimeseriesSection, []), sections.GetValueOrDefault(OutcomesSection, []),
            sections.GetValueOrDefault(LevelsSection, []), metrics, seed);
    }

    private static void Section(TextWriter writer, string name, Action<CsvWriter> rows)
    {
        writer.WriteLine(name);
        using CsvWriter csv = CsvFormat.Writer(writer);
        rows(csv);
        csv.Flush();
    }
}
