using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OrgSim.Experiments.Running;

namespace OrgSim.Experiments.Output;

/// <summary>
/// The folder of one calibration (docs/calibration.md, "The output folder"): it alone knows the
/// names of the files in it. It claims the folder for one scenario and observed file (their
/// identity is kept in <c>calibration.json</c>), keeps one file of distances per round of runs in
/// <c>rounds/</c>, each written whole, and writes the outputs together at the end. A folder of
/// another calibration, or one holding other files, is only written with overwrite. Shards of one
/// calibration share the folder: each stores its part of a round as a part file beside the round
/// files (<c>gGGG-rRRR.part-I-of-N.csv</c>), and whoever finds every part merges them into the round file.
/// </summary>
public sealed partial class CalibrationFolder
{
    /// <summary>The file that says whose calibration the folder holds.</summary>
    public const string ManifestName = "calibration.json";

    /// <summary>The folder of the rounds' distances.</summary>
    public const string RoundsName = "rounds";

    /// <summary>The outputs, written together when the calibration ends.</summary>
    public static IReadOnlyList<string> Outputs { get; } = ["report.html", "calibration.csv", "posterior.csv", "generations.csv", "fitted.yaml", "fit.svg", "forecast.csv"];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private CalibrationFolder(string path) => Path = path;

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>
    /// Takes <paramref name="path"/> for the calibration whose identity is <paramref name="identity"/>:
    /// a new or empty folder, or one it already holds (to resume). Returns the folder, or why not.
    /// </summary>
    /// <param name="path">The folder; created when missing.</param>
    /// <param name="identity">A hash of what the calibration is of (scenario, its --set values, observed file).</param>
    /// <param name="description">What the manifest says the calibration is of, for a reader.</param>
    /// <param name="overwrite">Whether to replace another calibration's files, or write into a folder holding other files.</param>
    public static (CalibrationFolder? Folder, string? Problem) Claim(string path, string identity, IReadOnlyDictionary<string, string> description, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path))
        {
            return (null, $"--out {path} is a file; name a folder (it is created if missing)");
        }

        if (File.Exists(System.IO.Path.Combine(path, ResultsFolder.ManifestFileName)) || Directory.Exists(System.IO.Path.Combine(path, ResultsFolder.RunsFolderName)))
        {
            // --overwrite would replace the run's report.html and leave its tables beside the calibration's.
            return (null, $"--out {path} holds a run's results ({ResultsFolder.ManifestFileName}); a calibration goes in a folder of its own: choose another folder");
        }

        string manifest = System.IO.Path.Combine(path, ManifestName);
        bool ours = File.Exists(manifest);
        if (ours)
        {
            string? held = ReadIdentity(manifest);
            if (held == identity)
            {
                return (new CalibrationFolder(path), null);
            }

            if (!overwrite)
            {
                return (null, $"--out {path} holds a calibration of another scenario or observed file (or other --set values); choose another folder, or add --overwrite to replace it");
            }

            foreach (string name in Outputs.Append(ManifestName))
            {
                File.Delete(System.IO.Path.Combine(path, name));
            }

            string rounds = System.IO.Path.Combine(path, RoundsName);
            if (Directory.Exists(rounds))
            {
                foreach (string file in Directory.EnumerateFiles(rounds).Where(f => RoundOrPart().IsMatch(System.IO.Path.GetFileName(f))))
                {
                    File.Delete(file);
                }
            }
        }
        else if (Directory.Exists(path) && Outputs.Where(name => File.Exists(System.IO.Path.Combine(path, name))).ToList() is { Count: > 0 } clashing)
        {
            // --overwrite replaces a calibration's files, and these were written by someone else.
            return (null, $"--out {path} holds {string.Join(", ", clashing)}, which no calibration wrote there; choose another folder (--overwrite never replaces files a calibration did not write)");
        }
        else if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any(e => !IsClaimInProgress(e)) && !overwrite)
        {
            return (null, $"--out {path} already holds files that are not a calibration's; choose another folder, or add --overwrite to write into it (other files are left alone)");
        }

        Directory.CreateDirectory(System.IO.Path.Combine(path, RoundsName));
        var fields = new SortedDictionary<string, string>(description.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal) { ["identity"] = identity };
        AtomicFile.WriteText(manifest, JsonSerializer.Serialize(fields, Indented) + "\n");
        return (new CalibrationFolder(path), null);
    }

    /// <summary>The path of output <paramref name="name"/> (one of <see cref="Outputs"/>).</summary>
    public string Output(string name) => Outputs.Contains(name) ? System.IO.Path.Combine(Path, name) : throw new ArgumentException($"{name} is not an output of a calibration", nameof(name));

    /// <summary>The stored distances of a round, by candidate index with the values it ran; null when the round has not finished.</summary>
    public IReadOnlyList<(int Index, IReadOnlyList<string> Values, double Distance)>? ReadRound(int generation, int round)
    {
        string file = RoundFile(generation, round);
        return File.Exists(file) ? ReadRows(file) : null;
    }

    /// <summary>The stored parts of a round not merged yet, in the order of their file names; empty when there are none.</summary>
    public IReadOnlyList<RoundPart> ReadParts(int generation, int round)
    {
        string rounds = System.IO.Path.Combine(Path, RoundsName);
        if (!Directory.Exists(rounds))
        {
            return [];
        }

        string prefix = string.Create(CultureInfo.InvariantCulture, $"g{generation:D3}-r{round:D3}.");
        var parts = new List<RoundPart>();
        foreach (string file in Directory.EnumerateFiles(rounds, prefix + "part-*.csv").Order(StringComparer.Ordinal))
        {
            Match match = PartName().Match(System.IO.Path.GetFileName(file));
            if (!match.Success || !int.TryParse(match.Groups[3].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                || !int.TryParse(match.Groups[4].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1 || index < 1 || index > count)
            {
                throw new DamagedFileException(file, "is not named as a part of a round (gGGG-rRRR.part-I-of-N.csv with 1 ≤ I ≤ N); remove it");
            }

            parts.Add(new RoundPart(new ShardSpec(index, count), file, ReadRows(file)));
        }

        return parts;
    }

    /// <summary>Stores shard <paramref name="shard"/>'s part of a round, whole or not at all; the same format as a round file.</summary>
    public string WritePart(int generation, int round, ShardSpec shard, IReadOnlyList<string> parameters, IEnumerable<(int Index, IReadOnlyList<string> Values, double Distance)> rows)
    {
        string file = System.IO.Path.Combine(Path, RoundsName, string.Create(CultureInfo.InvariantCulture, $"g{generation:D3}-r{round:D3}.part-{shard.Index}-of-{shard.Count}.csv"));
        AtomicFile.WriteText(file, RoundText(parameters, rows));
        return file;
    }

    private static List<(int Index, IReadOnlyList<string> Values, double Distance)> ReadRows(string file)
    {
        var rows = new List<(int, IReadOnlyList<string>, double)>();
        string[] lines = OwnFile.ReadText(file, OwnFile.MaxSmallFileBytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (string line in lines.Skip(1))
        {
            string[] cells = line.Split(',');
            if (cells.Length < 2 || !int.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                || !double.TryParse(cells[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double distance)
                || double.IsNaN(distance) || distance < 0)
            {
                throw new DamagedFileException(file, $"the line \"{line}\" is not a candidate's index and distance; remove the file to run its round again");
            }

            rows.Add((index, cells[2..], distance));
        }

        return rows;
    }

    /// <summary>Stores a round's distances, whole or not at all.</summary>
    public void WriteRound(int generation, int round, IReadOnlyList<string> parameters, IEnumerable<(int Index, IReadOnlyList<string> Values, double Distance)> rows) =>
        AtomicFile.WriteText(RoundFile(generation, round), RoundText(parameters, rows));

    private static string RoundText(IReadOnlyList<string> parameters, IEnumerable<(int Index, IReadOnlyList<string> Values, double Distance)> rows)
    {
        var text = new StringBuilder("candidate,distance");
        foreach (string p in parameters)
        {
            text.Append(',').Append(p);
        }

        text.Append('\n');
        foreach (var (index, values, distance) in rows)
        {
            text.Append(index.ToString(CultureInfo.InvariantCulture)).Append(',').Append(distance.ToString("R", CultureInfo.InvariantCulture));
            foreach (string v in values)
            {
                text.Append(',').Append(v);
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Writes the outputs together: every one or none.</summary>
    public void WriteOutputs(IReadOnlyList<(string Name, Action<TextWriter> Write)> files)
    {
        using var set = new AtomicFileSet(overwrite: true);
        foreach (var (name, write) in files)
        {
            set.Stage(Output(name), write);
        }

        set.Commit();
    }

    private string RoundFile(int generation, int round) =>
        System.IO.Path.Combine(Path, RoundsName, string.Create(CultureInfo.InvariantCulture, $"g{generation:D3}-r{round:D3}.csv"));

    /// <summary>
    /// Whether <paramref name="entry"/> of a folder without a manifest is only another invocation
    /// claiming it at this moment (a shard started beside this one): an empty rounds folder, or the
    /// manifest's temporary file. Round and part files without a manifest are not: nothing says whose they are.
    /// </summary>
    private static bool IsClaimInProgress(string entry)
    {
        string name = System.IO.Path.GetFileName(entry);
        return name.StartsWith(ManifestName + ".tmp-", StringComparison.Ordinal)
            || (name == RoundsName && Directory.Exists(entry) && !Directory.EnumerateFileSystemEntries(entry).Any());
    }

    /// <summary>A round file, a part file, or a temporary file of either.</summary>
    [GeneratedRegex(@"^g\d{3,}-r\d{3,}(\.part-\d+-of-\d+)?\.csv(\.tmp-.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RoundOrPart();

    [GeneratedRegex(@"^g(\d{3,})-r(\d{3,})\.part-(\d+)-of-(\d+)\.csv$", RegexOptions.CultureInvariant)]
    private static partial Regex PartName();

    private static string? ReadIdentity(string manifest)
    {
        try
        {
            using JsonDocument json = JsonDocument.Parse(OwnFile.ReadText(manifest, OwnFile.MaxSmallFileBytes));
            return json.RootElement.TryGetProperty("identity", out JsonElement id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One shard's stored part of a round: which shard, its file, and its rows in the order it ran them.</summary>
public sealed record RoundPart(ShardSpec Shard, string File, IReadOnlyList<(int Index, IReadOnlyList<string> Values, double Distance)> Rows);
