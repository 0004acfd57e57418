using System.Security.Cryptography;
using System.Text;
using OrgSim.Experiments.Jobs;
using OrgSim.Experiments.Output;

namespace OrgSim.Experiments.Tests.Output;

/// <summary>
/// The run record's format — a header with its version, a trailer with the checksum of everything
/// before it — and what a resume does with a record that fails them: removes it, redoes the run and
/// says so, so the files are those of an undamaged run.
/// </summary>
public class RunRecordTests
{
    private const string Damaged = "p000000-a001-r000001.run";
    private const string TrailerStart = "#sha256,";
    private const int TrailerBytes = 73; // "#sha256," + 64 hex digits + "\n"

    private static readonly string Text = TestScenarios.SmallText(agents: 60, replicates: 2, horizon: 8);

    // One undamaged run of the scenario: every test damages a copy of it and resumes the copy.
    private static readonly Lazy<string> Whole = new(() => TestRuns.InFolder(Text));

    public static TheoryData<string, string> Damages() => new()
    {
        { "empty", "(empty)" },
        { "cut after one byte", "(truncated" },
        { "cut after the header", "(truncated" },
        { "cut in the metrics", "(truncated" },
        { "cut in the timeseries", "(truncated" },
        { "cut before the checksum", "(truncated" },
        { "cut in the checksum", "(truncated" },
        { "cut before the last line end", "(truncated" },
        { "bytes after the checksum", "(bytes after its checksum" },
        { "flipped digit", "(checksum mismatch)" },
        { "flipped checksum digit", "(checksum mismatch)" },
        { "older format without a header", "(older format" },
        { "unknown version", "(format version 2" },
        { "not a record", "(not a run record" },
        { "another run's record", "(holds the run p000000-a000-r000000" },
        { "nonsense with a right checksum", "(unparseable" },
    };

    [Fact]
    public void Record_OpensWithItsFormatAndVersionAndClosesWithTheChecksumOfEverythingBefore()
    {
        byte[] record = File.ReadAllBytes(RecordPath(Whole.Value, Damaged));
        string text = Encoding.UTF8.GetString(record);
        Assert.StartsWith("#orgsim-run-record,1\n", text, StringComparison.Ordinal);
        string trailer = text[^TrailerBytes..];
        Assert.Equal(TrailerStart + Convert.ToHexStringLower(SHA256.HashData(record.AsSpan(0, record.Length - TrailerBytes))) + "\n", trailer);
        Assert.Equal(1, CountOf(text, TrailerStart));
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void Resume_RedoesADamagedRecordSaysSoAndWritesTheFilesOfAnUndamagedRun(string damage, string reason)
    {
        string folder = CopyOfWhole();
        string path = RecordPath(folder, Damaged);
        File.WriteAllBytes(path, Damage(damage, File.ReadAllBytes(path), folder));

        var (outcome, notes) = Resume(folder);

        Assert.True(outcome.Status == JobStatus.Success, string.Join('\n', outcome.Errors));
        Assert.Equal(1, outcome.RunsExecuted);
        string note = Assert.Single(notes);
        Assert.StartsWith($"orgsim: 1 damaged run record was removed and will be redone: {Damaged} {reason}", note, StringComparison.Ordinal);
        OrgSim.Tests.Shared.FolderAssert.SameFiles(Whole.Value, folder);
    }

    [Fact]
    public void Resume_RedoesTheRecordWhereverItIsCutOrAByteChanged()
    {
        byte[] original = File.ReadAllBytes(RecordPath(Whole.Value, Damaged));
        var failures = new List<string>();
        for (int i = 1; i <= 24; i++)
        {
            // Cuts at 12 places, then 12 bytes changed, spread over the record, the checksum line included; the same places on every run.
            int at = (int)((long)original.Length * (i % 12) / 12) + (i > 12 ? 5 : 0);
            byte[] damaged = i <= 12 ? original[..at] : [.. original];
            if (i > 12)
            {
                damaged[at] = damaged[at] == (byte)'7' ? (byte)'#' : (byte)'7';
            }

            string folder = CopyOfWhole();
            File.WriteAllBytes(RecordPath(folder, Damaged), damaged);
            var (outcome, notes) = Resume(folder);
            if (outcome.Status != JobStatus.Success || outcome.RunsExecuted != 1 || notes.Count != 1 || !notes[0].Contains(Damaged, StringComparison.Ordinal))
            {
                failures.Add($"{(i <= 12 ? "cut" : "changed")} at {at}: {outcome.Status}, {outcome.RunsExecuted} runs, {string.Join(" | ", [.. notes, .. outcome.Errors])}");
            }
            else
            {
                OrgSim.Tests.Shared.FolderAssert.SameFiles(Whole.Value, folder);
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void Resume_RedoesADamagedRecordLargerThanTheReadBuffer()
    {
        // 2,000 weeks: a record of several hundred kilobytes, read in several pieces.
        string text = TestScenarios.SmallText(agents: 60, replicates: 1, horizon: 2000);
        string whole = TestRuns.InFolder(text);
        string copy = Path.Combine(TestPaths.TempDirectory(), "out");
        foreach (string file in Directory.GetFiles(whole, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(copy, Path.GetRelativePath(whole, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        string record = RecordPath(copy, "p000000-a001-r000000.run");
        byte[] bytes = File.ReadAllBytes(record);
        Assert.True(bytes.Length > 256 * 1024, $"the record has only {bytes.Length} bytes");
        File.WriteAllBytes(record, Flipped(bytes, bytes.Length - 1000));

        var listener = new RecordingListener();
        RunOutcome outcome = RunJob.Execute(new RunRequest { Scenario = new ScenarioInput(TestRuns.ScenarioFile(text), []), Out = copy, Threads = 2, NoReport = true }, listener);

        Assert.True(outcome.Status == JobStatus.Success, string.Join('\n', outcome.Errors));
        Assert.Equal(["orgsim: 1 damaged run record was removed and will be redone: p000000-a001-r000000.run (checksum mismatch)"], listener.Notes);
        OrgSim.Tests.Shared.FolderAssert.SameFiles(whole, copy);
    }

    [Fact]
    public void Resume_NamesEveryDamagedRecordAndRedoesThemAll()
    {
        string folder = CopyOfWhole();
        File.WriteAllBytes(RecordPath(folder, "p000000-a000-r000001.run"), []);
        string flipped = RecordPath(folder, Damaged);
        File.WriteAllBytes(flipped, Damage("flipped digit", File.ReadAllBytes(flipped), folder));

        var (outcome, notes) = Resume(folder);

        Assert.True(outcome.Status == JobStatus.Success, string.Join('\n', outcome.Errors));
        Assert.Equal(2, outcome.RunsExecuted);
        Assert.Equal(["orgsim: 2 damaged run records were removed and will be redone: p000000-a000-r000001.run (empty), p000000-a001-r000001.run (checksum mismatch)"], notes);
        OrgSim.Tests.Shared.FolderAssert.SameFiles(Whole.Value, folder);
    }

    [Fact]
    public void Resume_RemovesADamagedRecordThisCommandDoesNotRunAndSaysHowToRedoIt()
    {
        string folder = CopyOfWhole();
        File.WriteAllBytes(RecordPath(folder, Damaged), []); // A bottom-up run; this command runs top-down only.

        var (outcome, notes) = Resume(folder, only: "arm=top-down");

        Assert.True(outcome.Status == JobStatus.Success, string.Join('\n', outcome.Errors));
        Assert.Equal(0, outcome.RunsExecuted);
        Assert.Equal([$"orgsim: 1 damaged run record was removed: {Damaged} (empty); this command does not run it (--only or --shard), so run the command that does to redo it"], notes);
        Assert.False(File.Exists(RecordPath(folder, Damaged)));
        Assert.DoesNotContain(File.ReadLines(Path.Combine(folder, ResultsFolder.RunsFileName)), l => l.StartsWith("0,bottom-up,1,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("cut")]
    [InlineData("garbage")]
    [InlineData("wrong shape")]
    public void Resume_RedoesTheRunWhoseOrgChartPartIsDamaged(string damage)
    {
        string folder = CopyOfWhole();
        string part = RecordPath(folder, "orgchart-a001.json");
        string json = File.ReadAllText(part);
        File.WriteAllText(part, damage switch
        {
            "cut" => json[..(json.Length / 2)],
            "garbage" => "garbage",
            _ => "{\"teams\":5}",
        });

        var (outcome, notes) = Resume(folder);

        Assert.True(outcome.Status == JobStatus.Success, string.Join('\n', outcome.Errors));
        Assert.Equal(1, outcome.RunsExecuted);
        string note = Assert.Single(notes);
        Assert.StartsWith("orgsim: 1 damaged run record was removed and will be redone: p000000-a001-r000000.run (its org chart orgchart-a001.json is damaged", note, StringComparison.Ordinal);
        OrgSim.Tests.Shared.FolderAssert.SameFiles(Whole.Value, folder);
    }

    [Fact]
    public void Run_ThatCannotWriteARecordSaysSoNamingTheFolderAndLeavesNoTemporaryFile()
    {
        // A folder where the record belongs: renaming the finished record onto it fails, as a full disk
        // would fail the write (a test running as root cannot take the permission away instead).
        string folder = CopyOfWhole();
        string blocked = RecordPath(folder, Damaged);
        File.Delete(blocked);
        Directory.CreateDirectory(blocked);

        var (outcome, _) = Resume(folder);

        Assert.Equal(JobStatus.BadInput, outcome.Status);
        Assert.StartsWith($"orgsim: cannot write a run's record into {folder}: ", Assert.Single(outcome.Errors), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp-*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Assemble_RefusesADamagedRecordNamingItAndReplacesNothing()
    {
        string folder = CopyOfWhole();
        var before = Directory.GetFiles(folder).ToDictionary(f => f, File.ReadAllBytes);
        var identity = RunIdentity.FromJson(File.ReadAllText(Path.Combine(folder, ResultsFolder.RunsFolderName, ResultsFolder.IdentityFileName)))!;
        var (claimed, _, error) = ResultsFolder.ClaimForRuns(folder, "small", identity, overwrite: false);
        Assert.True(claimed is not null, error);
        using (claimed)
        {
            // Damaged after the claim checked the records: Assemble must still never read it.
            File.WriteAllBytes(RecordPath(folder, Damaged), Damage("flipped digit", File.ReadAllBytes(RecordPath(folder, Damaged)), folder));
            Exception? thrown = Record.Exception(() => claimed.Assemble(w => w.Write("{}")));
            DamagedFileException damaged = Assert.IsType<DamagedFileException>(thrown);
            Assert.Equal($"{RecordPath(folder, Damaged)}: checksum mismatch", damaged.Message);
        }

        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(folder).Order(StringComparer.Ordinal));
        Assert.All(before, kv => Assert.Equal(kv.Value, File.ReadAllBytes(kv.Key)));
    }

    /// <summary>The record <paramref name="record"/> of a run damaged as <paramref name="damage"/> says.</summary>
    internal static byte[] Damage(string damage, byte[] record, string folder)
    {
        string text = Encoding.UTF8.GetString(record);
        int Cut(int at) => Math.Clamp(at, 0, record.Length);
        int trailer = Math.Max(0, text.LastIndexOf(TrailerStart, StringComparison.Ordinal));
        return damage switch
        {
            "empty" => [],
            "cut after one byte" => record[..1],
            "cut after the header" => record[..Cut(text.IndexOf('\n', StringComparison.Ordinal) + 1)],
            "cut in the metrics" => record[..Cut(text.IndexOf("competent_share_final_pacing,", StringComparison.Ordinal) + 20)],
            "cut in the timeseries" => record[..Cut(text.IndexOf("#timeseries", StringComparison.Ordinal) + 200)],
            "cut before the checksum" => record[..trailer],
            "cut in the checksum" => record[..(trailer + 30)],
            "cut before the last line end" => record[..^1],
            "bytes after the checksum" => [.. record, .. "0,bottom-up,1,8,pacing,0,0,0,0\n"u8],
            "flipped digit" => Flipped(record, text.IndexOf("#timeseries", StringComparison.Ordinal) + 40),
            "flipped checksum digit" => Flipped(record, record.Length - 5),
            "older format without a header" => Encoding.UTF8.GetBytes(string.Concat(text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("#orgsim-run-record", StringComparison.Ordinal) && !l.StartsWith("#run,", StringComparison.Ordinal) && !l.StartsWith(TrailerStart, StringComparison.Ordinal)).Select(l => l + "\n"))),
            "unknown version" => WithChecksum(text.Replace("#orgsim-run-record,1\n", "#orgsim-run-record,2\n", StringComparison.Ordinal)[..^TrailerBytes]),
            "not a record" => "<html>not a record</html>\n"u8.ToArray(),
            "another run's record" => File.ReadAllBytes(RecordPath(folder, "p000000-a000-r000000.run")),
            "nonsense with a right checksum" => WithChecksum("#orgsim-run-record,1\n#seed,not a seed\n#metrics\nnonsense\n"),
            _ => throw new ArgumentException(damage, nameof(damage)),
        };
    }

    /// <summary>A copy of the undamaged folder, at a new path.</summary>
    internal static string CopyOfWhole()
    {
        string copy = Path.Combine(TestPaths.TempDirectory(), "out");
        foreach (string file in Directory.GetFiles(Whole.Value, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(copy, Path.GetRelativePath(Whole.Value, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    internal static string RecordPath(string folder, string name) => Path.Combine(folder, ResultsFolder.RunsFolderName, name);

    /// <summary>Runs the scenario into <paramref name="folder"/> again, as the same command would; returns what it said on standard error.</summary>
    private static (RunOutcome Outcome, List<string> Notes) Resume(string folder, string? only = null)
    {
        var listener = new RecordingListener();
        RunOutcome outcome = RunJob.Execute(new RunRequest { Scenario = new ScenarioInput(TestRuns.ScenarioFile(Text), []), Out = folder, Only = only, Threads = 2, NoReport = true }, listener);
        return (outcome, listener.Notes);
    }

    private static byte[] Flipped(byte[] record, int at)
    {
        byte[] copy = [.. record];
        int digit = Array.FindIndex(copy, at, b => b is >= (byte)'0' and <= (byte)'9');
        copy[digit] = copy[digit] == (byte)'9' ? (byte)'8' : (byte)(copy[digit] + 1);
        return copy;
    }

    private static byte[] WithChecksum(string body)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        return [.. bytes, .. Encoding.UTF8.GetBytes(TrailerStart + Convert.ToHexStringLower(SHA256.HashData(bytes)) + "\n")];
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private sealed class RecordingListener : RunListener
    {
        public List<string> Notes { get; } = [];

        public override void Note(string line)
        {
            lock (Notes)
            {
                Notes.Add(line);
            }
        }
    }
}
