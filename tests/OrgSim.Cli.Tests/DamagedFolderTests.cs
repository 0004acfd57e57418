using System.Globalization;
using System.Text;
using OrgSim.Experiments.Output;

namespace OrgSim.Cli.Tests;

/// <summary>
/// Output folders damaged on disk or by hand: <c>orgsim plot</c>, <c>orgsim run</c> resuming and
/// <c>orgsim merge</c> name the file, the line where it makes sense and what to do, exit 1 (never
/// 70) and write nothing; a damaged run record is redone and said so.
/// </summary>
public class DamagedFolderTests
{
    private const string Sweep = """
        name: damaged
        seed: 31
        horizon_weeks: 8
        replicates: 2
        organisation: {agents: 60, span: 6}
        sweep:
          grid:
            model.transmission: [0.02, 0.08]
        arms:
          - name: top-down
            seeding: {strategy: top-down, budget: 6}
          - name: bottom-up
            seeding: {strategy: bottom-up-teams, budget: 6}
        """;

    private const string Advice = "rerun the 'orgsim run' or 'orgsim merge' command that wrote the folder (it writes the file again from the run records), or rerun the scenario with --overwrite";

    // One file for the whole class, so that every run of it names the same file in run.json and its identity.
    private static readonly Lazy<string> ScenarioFile = new(() => CliHarness.WriteScenario(Sweep));

    // One undamaged folder, report included; every test damages a copy.
    private static readonly Lazy<string> Whole = new(() => RunInto(Path.Combine(CliHarness.TempDirectory(), "out")));

    public static TheoryData<string, string, string> DamagedFiles() => new()
    {
        // file, what is done to it, what the error says after "orgsim plot: FOLDER/FILE"
        { "summary.csv", "cut mid-line", ", line 85: truncated (the file ends inside this line)" },
        { "summary.csv", "empty", ": empty (no header)" },
        { "summary.csv", "n 99999999999999999999", ", line 2: n is '99999999999999999999', not a whole number from 0 to 2147483647" },
        { "summary.csv", "runs of an arm missing", ": no rows for point 1, arm bottom-up, which timeseries.csv holds (truncated?)" },
        { "timeseries.csv", "count 99999999999999999999", ", line 2: unconscious_incompetence is '99999999999999999999', not a whole number from 0 to 2147483647" },
        { "timeseries.csv", "count -3", ", line 2: unconscious_incompetence is '-3', not a whole number from 0 to 2147483647" },
        { "timeseries.csv", "last rows missing", ": truncated (the run point 1, arm bottom-up, replicate 1 has 26 of its 36 rows)" },
        { "timeseries.csv", "unknown competency", ", line 2: competency is 'charisma', not one of decisiveness, circularity, pacing, feedforward" },
        { "timeseries.csv", "tick beyond the horizon", ", line 2: tick is '9', not a whole number from 0 to 8" },
        { "timeseries.csv", "unknown arm", ", line 2: arm is 'sideways', not an arm of run.json (top-down, bottom-up)" },
        { "timeseries.csv", "point beyond the sweep", ", line 2: point is '7', not a whole number from 0 to 1" },
        { "timeseries.csv", "other header", ", line 1: the header is not the one orgsim writes for run.json's sweep" },
        { "outcomes.csv", "word for a number", ", line 2: effectiveness_agent_mean is 'abc', not a number" },
        { "levels.csv", "field missing", ", line 2: 7 fields where the header has 8" },
        { "levels.csv", "level 99999999999", ", line 2: level is '99999999999', not a whole number from 0 to 2147483647" },
        { "contrasts.csv", "field added", ", line 2: 13 fields where the header has 12" },
        { "run.json", "garbage", ", line 1: not valid JSON" },
        { "run.json", "horizon 99999999999999999999", ": horizon_weeks is '99999999999999999999', not a whole number from 1 to 5200" },
        { "run.json", "arms missing", ": arms is missing" },
        { "orgchart.json", "cut in half", ", line 1: not valid JSON" },
        { "orgchart.json", "null", ": holds no org chart" },
        { "orgchart.json", "teams of the wrong kind", ", line 1: the value of teams is not valid" },
        { "orgchart.json", "percent 300", ", line 1: the value of arms[0].weeks[0][0] is not valid" },
        { "orgchart.json", "parent out of range", ": teams[1].parent is 99, not -1 or a team from 0 to " },
        { "orgchart.json", "a week without its teams", ": arms[0].weeks[2] has 1 values where there are " },
    };

    [Theory]
    [MemberData(nameof(DamagedFiles))]
    public void Plot_OfADamagedFileNamesItAndWhatIsWrongAndWritesNothing(string file, string damage, string expected)
    {
        string folder = CopyOfWhole();
        string path = Path.Combine(folder, file);
        File.WriteAllText(path, Damage(damage, File.ReadAllText(path)));
        var before = Snapshot(folder);

        var (code, _, stderr) = CliHarness.Run("plot", folder);

        Assert.Equal(ExitCodes.BadInput, code);
        string line = Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"orgsim plot: {path}{expected}", line, StringComparison.Ordinal);
        Assert.EndsWith("; " + Advice, line, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(folder));
    }

    [Fact]
    public void Plot_OfAFolderWhoseIdentityIsDamagedDrawsFromTheTablesAndSaysTheFolderCannotBeResumed()
    {
        string folder = CopyOfWhole();
        string identity = Path.Combine(folder, ResultsFolder.RunsFolderName, ResultsFolder.IdentityFileName);
        File.WriteAllText(identity, "garbage");
        File.Delete(Path.Combine(folder, "report.html"));

        var (code, _, stderr) = CliHarness.Run("plot", folder);

        Assert.True(code == 0, stderr);
        Assert.Equal($"orgsim plot: note: {identity} is damaged (line 1: not valid JSON); the charts are drawn from the tables, but the folder cannot be resumed or merged: rerun the scenario with --overwrite to rebuild it", stderr.TrimEnd('\n'));
        Assert.True(File.Exists(Path.Combine(folder, "report.html")));
    }

    [Theory]
    [InlineData("garbage", "(line 1: not valid JSON)")]
    [InlineData("cut in half", "(line 5: not valid JSON)")]
    [InlineData("null", "(holds no identity)")]
    [InlineData("{}", "(scenario_file is missing)")]
    [InlineData("replicates 99999999999999999999", "(line 21: the value of replicates is not valid)")]
    [InlineData("replicates 0", "(replicates is 0; must be in [1, 100000])")]
    [InlineData("a point without its value", "(points[1] has 0 values where parameter_paths has 1)")]
    public void Run_IntoAFolderWhoseIdentityIsDamagedNamesItAndNeedsOverwrite(string damage, string expected)
    {
        string folder = CopyOfWhole();
        string identity = Path.Combine(folder, ResultsFolder.RunsFolderName, ResultsFolder.IdentityFileName);
        File.WriteAllText(identity, Damage(damage, File.ReadAllText(identity)));
        var before = Snapshot(folder);

        var (code, _, stderr) = CliHarness.Run("run", ScenarioFile.Value, "--out", folder, "--threads", "2");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"orgsim: --out {folder}: {identity} is damaged {expected}; add --overwrite to run the scenario afresh into it, or choose another folder", stderr.TrimEnd('\n'));
        Assert.Equal(before, Snapshot(folder));

        var (again, _, againErr) = CliHarness.Run("run", ScenarioFile.Value, "--out", folder, "--threads", "2", "--overwrite");
        Assert.True(again == 0, againErr);
        OrgSim.Tests.Shared.FolderAssert.SameFiles(Whole.Value, folder);
    }

    [Fact]
    public void Run_ResumingRedoesADamagedRecordAndSaysSoOnStandardError()
    {
        string folder = CopyOfWhole();
        File.WriteAllBytes(Path.Combine(folder, ResultsFolder.RunsFolderName, "p000001-a001-r000000.run"), []);

        var (code, stdout, stderr) = CliHarness.Run("run", ScenarioFile.Value, "--out", folder, "--threads", "2");

        Assert.True(code == 0, stderr);
        Assert.Equal("orgsim: 1 damaged run record was removed and will be redone: p000001-a001-r000000.run (empty)", stderr.TrimEnd('\n'));
        Assert.Contains("Resuming: 7 runs already done.", stdout, StringComparison.Ordinal);
        Assert.Contains("1 run in ", stdout, StringComparison.Ordinal);
        OrgSim.Tests.Shared.FolderAssert.SameFiles(Whole.Value, folder);
    }

    [Fact]
    [Trait("Category", "Slow")] // About 200 redraws of a small folder: 10 to 20 s.
    public void Plot_NeverFailsInternallyWhereverAFileIsCutOrAByteReplaced()
    {
        string folder = CopyOfWhole();
        string[] files = ["run.json", "orgchart.json", "timeseries.csv", "outcomes.csv", "levels.csv", "summary.csv", "contrasts.csv", Path.Combine(ResultsFolder.RunsFolderName, ResultsFolder.IdentityFileName)];
        byte[] replacements = "9-,\"\nx{\0"u8.ToArray();
        var failures = new List<string>();
        foreach (string file in files)
        {
            string path = Path.Combine(folder, file);
            byte[] original = File.ReadAllBytes(path);
            for (int i = 1; i <= 24; i++)
            {
                // Cuts at 12 places, then 12 bytes replaced, spread over the file; the same places on every run.
                int at = (int)((long)original.Length * (i % 12) / 12);
                byte[] damaged = i <= 12 ? original[..at] : [.. original[..at], replacements[i % replacements.Length], .. original[Math.Min(original.Length, at + 1)..]];
                File.WriteAllBytes(path, damaged);
                var (code, _, stderr) = CliHarness.Run("plot", folder);
                string[] lines = stderr.TrimEnd('\n').Split('\n');
                bool understood = code == 0 || (code == ExitCodes.BadInput && lines.Length == 1 && lines[0].StartsWith("orgsim plot: ", StringComparison.Ordinal));
                if (!understood)
                {
                    failures.Add(string.Create(CultureInfo.InvariantCulture, $"{file} {(i <= 12 ? "cut" : "byte replaced")} at {at}: exit {code}: {stderr.Trim()}"));
                }
            }

            File.WriteAllBytes(path, original);
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static string Damage(string damage, string text)
    {
        string[] lines = text.Split('\n');
        string Field(int line, int field, string value)
        {
            string[] copy = [.. lines];
            string[] fields = copy[line].Split(',');
            fields[field] = value;
            copy[line] = string.Join(',', fields);
            return string.Join('\n', copy);
        }

        return damage switch
        {
            "cut mid-line" => text[..(text.Length - 10)],
            "empty" => string.Empty,
            "n 99999999999999999999" => Field(1, 7, "99999999999999999999"),
            "runs of an arm missing" => string.Join('\n', lines.Where(l => !l.StartsWith("1,0.08,bottom-up,", StringComparison.Ordinal))),
            "count 99999999999999999999" => Field(1, 6, "99999999999999999999"),
            "count -3" => Field(1, 6, "-3"),
            "last rows missing" => string.Join('\n', lines[..^11]) + "\n",
            "unknown competency" => Field(1, 5, "charisma"),
            "tick beyond the horizon" => Field(1, 4, "9"),
            "unknown arm" => Field(1, 2, "sideways"),
            "point beyond the sweep" => Field(1, 0, "7"),
            "other header" => Field(0, 1, "model.span"),
            "word for a number" => Field(1, 6, "abc"),
            "field missing" => string.Join('\n', lines.Select((l, i) => i == 1 ? l[..l.LastIndexOf(',')] : l)),
            "level 99999999999" => Field(1, 5, "99999999999"),
            "field added" => string.Join('\n', lines.Select((l, i) => i == 1 ? l + ",1" : l)),
            "garbage" => "garbage",
            "horizon 99999999999999999999" => text.Replace("\"horizon_weeks\": 8", "\"horizon_weeks\": 99999999999999999999", StringComparison.Ordinal),
            "arms missing" => text.Replace("\"arms\":", "\"arms_gone\":", StringComparison.Ordinal),
            "cut in half" => text[..(text.Length / 2)],
            "null" => "null",
            "{}" => "{}",
            "teams of the wrong kind" => "{\"teams\":5}",
            "percent 300" => Replace(text, "\"weeks\":[[", "\"weeks\":[[300,"),
            "parent out of range" => Replace(text, "\"parent\":0,", "\"parent\":99,"),
            "a week without its teams" => WeekWithOneTeam(text),
            "replicates 99999999999999999999" => text.Replace("\"replicates\": 2", "\"replicates\": 99999999999999999999", StringComparison.Ordinal),
            "replicates 0" => text.Replace("\"replicates\": 2", "\"replicates\": 0", StringComparison.Ordinal),
            "a point without its value" => text.Replace("[\n      \"0.08\"\n    ]", "[]", StringComparison.Ordinal),
            _ => throw new ArgumentException(damage, nameof(damage)),
        };
    }

    /// <summary>Replaces the first occurrence of <paramref name="old"/> only.</summary>
    private static string Replace(string text, string old, string replacement)
    {
        int at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{old} is not in the file");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }

    /// <summary>The org chart with the third week of the first arm cut down to one team.</summary>
    private static string WeekWithOneTeam(string json)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        root["arms"]![0]!["weeks"]![2] = new System.Text.Json.Nodes.JsonArray(50);
        return root.ToJsonString();
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(File.ReadAllBytes(f)));

    private static string CopyOfWhole()
    {
        string copy = Path.Combine(CliHarness.TempDirectory(), "out");
        foreach (string file in Directory.GetFiles(Whole.Value, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(copy, Path.GetRelativePath(Whole.Value, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    private static string RunInto(string folder)
    {
        var (code, _, stderr) = CliHarness.Run("run", ScenarioFile.Value, "--out", folder, "--threads", "2");
        Assert.True(code == 0, stderr);
        return folder;
    }
}
