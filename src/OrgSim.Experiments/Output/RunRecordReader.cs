using System.Globalization;
using System.Text;
using OrgSim.Experiments.Running;

namespace OrgSim.Experiments.Output;

/// <summary>
/// Checks and reads a <see cref="RunRecord"/> in one streaming pass: the header first (empty, cut
/// short, an older or unknown format), then the checksum line at the end, then every byte before it
/// hashed while its lines are parsed. Nothing is returned unless the checksum matches, the lines
/// are the format's and the record holds the run asked for.
/// </summary>
internal static class RunRecordReader
{
    /// <summary>How much of a sound record to keep.</summary>
    public enum Depth
    {
        /// <summary>Nothing: only whether it is sound (every line is still parsed).</summary>
        Check,

        /// <summary>The seed and metrics; the table rows are only hashed.</summary>
        Metrics,

        /// <summary>Everything.</summary>
        Everything,
    }

    /// <summary>No record is this large (a 5,200-week run of a deep hierarchy is tens of megabytes); a larger file is not read.</summary>
    private const long MaxBytes = 1L << 30;

    /// <summary>Where to look for a checksum line followed by more bytes: the end of the file.</summary>
    private const int TailBytes = 4096;

    private static readonly System.Buffers.SearchValues<byte> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdef"u8);

    /// <summary>The record's contents, or what is wrong with it.</summary>
    public static (RunRecord.Contents? Contents, string? Problem) Read(string path, RunCoordinates run, Depth depth)
    {
        if (OwnFile.Problem(path, OwnFile.NoLimit) is { } notAFile)
        {
            return (null, notAFile); // A pipe in its place would block the read, and the folder's lock with it.
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024, FileOptions.SequentialScan);
        long length = file.Length;
        if (length == 0)
        {
            return (null, "empty");
        }

        if (length > MaxBytes)
        {
            return (null, "too large to be a run record");
        }

        if (HeaderProblem(file) is { } header)
        {
            return (null, header);
        }

        if (Checksum(file, length) is not { } expected)
        {
            return (null, ChecksumLineBefore(file, length) ? "bytes after its checksum"
                : EndsWithChecksumStart(file, length) ? "its checksum line is damaged"
                : "truncated (it does not end with its checksum)");
        }

        file.Position = 0;
        using var body = ChecksumStream.Reading(file, length - RunRecord.ChecksumLineBytes);
        var parser = new Parser(run, depth);
        using (var lines = new ByteLineReader(body))
        {
            parser.Parse(lines);
        }

        body.Drain(); // What the parser did not need is hashed all the same.
        if (!body.Hash().AsSpan().SequenceEqual(expected))
        {
            return (null, "checksum mismatch");
        }

        return parser.Problem is { } problem ? (null, problem) : (parser.Contents(), null);
    }

    /// <summary>What is wrong with the first line, or null if it is this format's header.</summary>
    private static string? HeaderProblem(FileStream file)
    {
        Span<byte> head = stackalloc byte[64];
        int read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        int end = head[..read].IndexOf((byte)'\n');
        string first = Encoding.UTF8.GetString(head[..(end < 0 ? read : end)]);
        if (first.StartsWith(RunRecord.SeedStart, StringComparison.Ordinal))
        {
            return "older format without a version, written by an earlier orgsim";
        }

        if (end < 0)
        {
            // The whole file is shorter than a header line: a record cut short, or something else.
            return read < head.Length && RunRecord.HeaderStart.StartsWith(first, StringComparison.Ordinal) ? "truncated (it ends in its first line)" : "not a run record";
        }

        if (!first.StartsWith(RunRecord.HeaderStart, StringComparison.Ordinal))
        {
            return "not a run record";
        }

        string version = first[RunRecord.HeaderStart.Length..];
        return version == RunRecord.Version.ToString(CultureInfo.InvariantCulture) ? null
            : version.Length is > 0 and < 10 && version.All(char.IsAsciiDigit) ? $"format version {version}; this orgsim reads version {RunRecord.Version}"
            : "not a run record";
    }

    /// <summary>The checksum the last line gives, or null if the file does not end with a checksum line.</summary>
    private static byte[]? Checksum(FileStream file, long length)
    {
        if (length < RunRecord.Header.Length + 1 + RunRecord.ChecksumLineBytes)
        {
            return null;
        }

        Span<byte> line = stackalloc byte[RunRecord.ChecksumLineBytes];
        file.Position = length - line.Length;
        file.ReadExactly(line);
        return ParseChecksumLine(line);
    }

    private static byte[]? ParseChecksumLine(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> start = "#sha256,"u8;
        ReadOnlySpan<byte> hex = line[start.Length..^1];
        if (!line.StartsWith(start) || line[^1] != (byte)'\n' || hex.ContainsAnyExcept(HexDigits))
        {
            return null;
        }

        return Convert.FromHexString(Encoding.ASCII.GetString(hex));
    }

    /// <summary>Whether the last line has the length of a checksum line and starts like one, but is not one: a changed byte, not a cut.</summary>
    private static bool EndsWithChecksumStart(FileStream file, long length)
    {
        if (length < RunRecord.ChecksumLineBytes + 1)
        {
            return false;
        }

        Span<byte> line = stackalloc byte[RunRecord.ChecksumLineBytes + 1];
        file.Position = length - line.Length;
        file.ReadExactly(line);
        return line[0] == (byte)'\n' && line[1..].StartsWith("#sha256,"u8) && line[^1] == (byte)'\n';
    }

    /// <summary>Whether a checksum line ends somewhere near the end of the file other than at its end: bytes were added after it.</summary>
    private static bool ChecksumLineBefore(FileStream file, long length)
    {
        int tail = (int)Math.Min(length, TailBytes);
        byte[] bytes = new byte[tail];
        file.Position = length - tail;
        file.ReadExactly(bytes);
        for (int at = bytes.AsSpan().LastIndexOf("\n#sha256,"u8); at >= 0; at = bytes.AsSpan(0, at).LastIndexOf("\n#sha256,"u8))
        {
            if (at + 1 + RunRecord.ChecksumLineBytes <= tail && ParseChecksumLine(bytes.AsSpan(at + 1, RunRecord.ChecksumLineBytes)) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lines of a record's body, as the format has them; the first problem is kept, not thrown, so a bad checksum can take precedence.</summary>
    private sealed class Parser(RunCoordinates run, Depth depth)
    {
        private readonly List<string> _timeseries = [], _outcomes = [], _levels = [];
        private readonly List<KeyValuePair<string, double?>> _metrics = [];
        private ulong _seed;

        public string? Problem { get; private set; }

        public RunRecord.Contents Contents() => new(_timeseries, _outcomes, _levels, _metrics, _seed);

        public void Parse(ByteLineReader lines)
        {
            int number = 1;
            bool more = true;
            string? Next()
            {
                number++;
                more = lines.TryRead(out ReadOnlySpan<byte> line);
                return more ? Encoding.UTF8.GetString(line) : null;
            }

            lines.TryRead(out _); // The header, already checked.
            if (!RunLine(Next()) || !SeedLine(Next()) || !Expect(Next(), RunRecord.MetricsSection, number))
            {
                return;
            }

            string? section;
            for (section = Next(); section is not null && !section.StartsWith('#'); section = Next())
            {
                if (!MetricLine(section, number))
                {
                    return;
                }
            }

            if (!Expect(section, RunRecord.TimeseriesSection, number) || depth == Depth.Metrics)
            {
                return;
            }

            // The table rows: kept as text only when asked for; otherwise only their first byte is looked at.
            bool keep = depth == Depth.Everything;
            foreach (var (next, rows) in new[] { (RunRecord.OutcomesSection, _timeseries), (RunRecord.LevelsSection, _outcomes), (null, _levels) })
            {
                section = null;
                while (more)
                {
                    number++;
                    more = lines.TryRead(out ReadOnlySpan<byte> line);
                    if (!more)
                    {
                        break;
                    }

                    if (line.Length > 0 && line[0] == (byte)'#')
                    {
                        section = Encoding.UTF8.GetString(line);
                        break;
                    }

                    if (keep)
                    {
                        rows.Add(Encoding.UTF8.GetString(line));
                    }
                }

                if (next is not null && !Expect(section, next, number))
                {
                    return;
                }
            }

            if (section is not null)
            {
                Fail(number, $"'{Shortened(section)}' after the last section");
            }
        }

        private bool RunLine(string? line)
        {
            string[] parts = line?.StartsWith(RunRecord.RunStart, StringComparison.Ordinal) == true ? line[RunRecord.RunStart.Length..].Split(',') : [];
            if (parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int point)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int arm)
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int replicate))
            {
                return Fail(2, "no #run line with the run's point, arm and replicate");
            }

            var held = new RunCoordinates(point, arm, replicate);
            if (held != run)
            {
                // Renamed or copied onto another run's name: its checksum is right, its rows are another run's.
                Problem = $"holds the run {Path.GetFileNameWithoutExtension(held.FileName)}";
                return false;
            }

            return true;
        }

        private bool SeedLine(string? line)
        {
            if (line?.StartsWith(RunRecord.SeedStart, StringComparison.Ordinal) != true || !ulong.TryParse(line.AsSpan(RunRecord.SeedStart.Length), NumberStyles.None, CultureInfo.InvariantCulture, out _seed))
            {
                return Fail(3, "no #seed line with a whole number");
            }

            return true;
        }

        private bool MetricLine(string line, int number)
        {
            int comma = line.LastIndexOf(',');
            string value = comma < 0 ? string.Empty : line[(comma + 1)..];
            if (comma <= 0)
            {
                return Fail(number, $"'{Shortened(line)}' is not a metric and its value");
            }

            if (value.Length == 0)
            {
                _metrics.Add(new(line[..comma], null));
                return true;
            }

            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed))
            {
                return Fail(number, $"the metric {Shortened(line[..comma])} is '{Shortened(value)}', not a number");
            }

            _metrics.Add(new(line[..comma], parsed));
            return true;
        }

        private bool Expect(string? line, string section, int number) =>
            line == section || Fail(number, line is null ? $"the section {section} is missing" : $"'{Shortened(line)}' where {section} belongs");

        private bool Fail(int number, string problem)
        {
            Problem ??= string.Create(CultureInfo.InvariantCulture, $"unparseable: line {number}: {problem}");
            return false;
        }

        /// <summary>A line as a message can show it: short, and no control character reaches the terminal.</summary>
        private static string Shortened(string text) => new([.. (text.Length <= 40 ? text : text[..40] + "…").Select(c => char.IsControl(c) ? '?' : c)]);
    }
}
