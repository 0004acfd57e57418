using System.Globalization;
using System.Text;
using CsvHelper;
using OrgSim.Experiments.Running;

namespace OrgSim.Experiments.Output;

/// <summary>
/// The file format of a finished run: its rows of the three per-tick tables and its headline
/// metrics, in one file. <see cref="ResultsFolder"/> names the files and decides where they go;
/// a record is written with <see cref="AtomicFile"/>, so a record that exists was whole when it was
/// written: that is what makes a rerun resume (finished runs are skipped, an interrupted one is
/// redone) and shards mergeable. Results stream to disk run by run; nothing accumulates in memory.
/// </summary>
/// <remarks>
/// A record opens with its format and version (<see cref="Header"/>) and the run it holds, and ends
/// with the SHA-256 of every byte before that last line, so that a record damaged after it was
/// written — emptied, cut short, a byte changed, renamed onto another run, or written by another
/// version — is recognised, and never read:
/// <code>
/// #orgsim-run-record,1
/// #run,POINT,ARM,REPLICATE
/// #seed,SEED
/// #metrics
/// NAME,VALUE          (one per metric; VALUE empty where undefined)
/// #timeseries
/// ROWS                (of timeseries.csv, without header)
/// #outcomes
/// ROWS
/// #levels
/// ROWS
/// #sha256,HEX         (64 lowercase hex digits, then a line end)
/// </code>
/// </remarks>
public static class RunRecord
{
    /// <summary>The version of the format this orgsim writes and reads.</summary>
    public const int Version = 1;

    /// <summary>The first line of every record: the format's name and version.</summary>
    public const string Header = "#orgsim-run-record,1";

    /// <summary>The first line up to the version.</summary>
    internal const string HeaderStart = "#orgsim-run-record,";

    /// <summary>The start of the second line, followed by the run's point, arm and replicate.</summary>
    internal const string RunStart = "#run,";

    /// <summary>The start of the seed's line.</summary>
    internal const string SeedStart = "#seed,";

    /// <summary>The start of the last line, followed by the checksum.</summary>
    internal const string ChecksumStart = "#sha256,";

    /// <summary>The length of the last line in bytes: its start, 64 hex digits and the line end.</summary>
    internal const int ChecksumLineBytes = 8 + 64 + 1;

    internal const string TimeseriesSection = "#timeseries", OutcomesSection = "#outcomes", LevelsSection = "#levels", MetricsSection = "#metrics";

    /// <summary>The sections of a record: CSV rows of each table (without header) and the metrics.</summary>
    /// <param name="Timeseries">Rows of timeseries.csv.</param>
    /// <param name="Outcomes">Rows of outcomes.csv.</param>
    /// <param name="Levels">Rows of levels.csv.</param>
    /// <param name="Metrics">The run's headline metrics, in order; null where undefined.</param>
    /// <param name="Seed">The seed of the run's dynamics.</param>
    public sealed record Contents(IReadOnlyList<string> Timeseries, IReadOnlyList<string> Outcomes, IReadOnlyList<string> Levels, IReadOnlyList<KeyValuePair<string, double?>> Metrics, ulong Seed);

    /// <summary>Writes the record of <paramref name="run"/>, whose result is <paramref name="result"/>, to <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, RunCoordinates run, string[] prefix, RunResult result, IReadOnlyList<KeyValuePair<string, double?>> metrics)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(metrics);
        AtomicFile.WriteBytes(path, file =>
        {
            using var hashed = ChecksumStream.Writing(file);
            using (var writer = new StreamWriter(hashed, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" })
            {
                writer.WriteLine(Header);
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{RunStart}{run.Point},{run.Arm},{run.Replicate}"));

                // The seed and metrics come first: summaries parse only the head of each record.
                writer.WriteLine(SeedStart + result.Seed.ToString(CultureInfo.InvariantCulture));
                writer.WriteLine(MetricsSection);
                foreach (var (name, value) in metrics)
                {
                    // Full precision ("R"): the summaries are computed from these, and must not depend on rounding.
                    writer.WriteLine($"{name},{(value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty)}");
                }

                Section(writer, TimeseriesSection, csv => TimeseriesCsv.WriteRows(csv, prefix, result));
                Section(writer, OutcomesSection, csv => OutcomesCsv.WriteRows(csv, prefix, result));
                Section(writer, LevelsSection, csv => LevelsCsv.WriteRows(csv, prefix, result));
            }

            file.Write(Encoding.ASCII.GetBytes(ChecksumStart + Convert.ToHexStringLower(hashed.Hash()) + "\n"));
        });
    }

    /// <summary>Reads the record of <paramref name="run"/> at <paramref name="path"/>, after checking it.</summary>
    /// <exception cref="DamagedFileException">The record is damaged; nothing of it was used.</exception>
    public static Contents Read(string path, RunCoordinates run) => Require(path, RunRecordReader.Read(path, run, RunRecordReader.Depth.Everything));

    /// <summary>Reads only the seed and metrics of the record of <paramref name="run"/> at <paramref name="path"/>, after checking the whole record.</summary>
    /// <exception cref="DamagedFileException">The record is damaged; nothing of it was used.</exception>
    public static Contents ReadMetrics(string path, RunCoordinates run) => Require(path, RunRecordReader.Read(path, run, RunRecordReader.Depth.Metrics));

    /// <summary>What is wrong with the record of <paramref name="run"/> at <paramref name="path"/> ("checksum mismatch"), or null if it is sound.</summary>
    public static string? Check(string path, RunCoordinates run) => RunRecordReader.Read(path, run, RunRecordReader.Depth.Check).Problem;

    private static Contents Require(string path, (Contents? Contents, string? Problem) read) =>
        read.Contents ?? throw new DamagedFileException(path, read.Problem!);

    private static void Section(TextWriter writer, string name, Action<CsvWriter> rows)
    {
        writer.WriteLine(name);
        using CsvWriter csv = CsvFormat.Writer(writer);
        rows(csv);
        csv.Flush();
    }
}
