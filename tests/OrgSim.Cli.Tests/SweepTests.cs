using System.Globalization;
using OrgSim.Experiments.Output;

namespace OrgSim.Cli.Tests;

/// <summary>Sweeps end to end: a run alone equals itself inside the sweep; resume and shards give the files of one uninterrupted run.</summary>
public class SweepTests
{
    private const string Sweep = """
        name: tiny-sweep
        seed: 77
        horizon_weeks: 15
        replicates: 3
        organisation: {agents: 150, span: 6}
        sweep:
          grid:
            model.transmission: [0.02, 0.08]
        arms:
          - name: top-down
            seeding: {strategy: top-down, budget: 10}
          - name: bottom-up
            seeding: {strategy: bottom-up-teams, budget: 10}
        """;

    private static readonly string[] Tables = [.. ResultsFolder.TableFileNames];

    [Fact]
    public void Run_WritesParameterColumnsRunsAndContrasts()
    {
        string outDir = RunInto(null);
        Assert.Equal("point,model.transmission,arm,replicate,seed,competent_share_final", string.Join(',', File.ReadLines(Path.Combine(outDir, "runs.csv")).First().Split(',').Take(6)));
        Assert.Equal(1 + (2 * 2 * 3), File.ReadLines(Path.Combine(outDir, "runs.csv")).Count());
        Assert.Contains("1,0.08,bottom-up,top-down,competent_share_final,", File.ReadAllText(Path.Combine(outDir, "contrasts.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Contrasts_AreThePairedDifferencesOfTheRunsMeanAndInterval()
    {
        string outDir = RunInto(null);
        string[][] runs = File.ReadLines(Path.Combine(outDir, "runs.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        double Share(string arm, int replicate) => double.Parse(runs.Single(r => r[0] == "1" && r[2] == arm && r[3] == replicate.ToString(CultureInfo.InvariantCulture))[5], CultureInfo.InvariantCulture);
        double[] d = Enumerable.Range(0, 3).Select(r => Share("bottom-up", r) - Share("top-down", r)).ToArray();

        // Hand-computed Student interval: mean ± t(0.975, 2) · s / √3, t = 4.302653.
        double mean = d.Average(), s = Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / 2), half = 4.302653 * s / Math.Sqrt(3);
        string[] row = File.ReadLines(Path.Combine(outDir, "contrasts.csv")).Select(l => l.Split(',')).Single(r => r[0] == "1" && r[2] == "bottom-up" && r[4] == "competent_share_final");
        Assert.Equal(mean, double.Parse(row[5], CultureInfo.InvariantCulture), 5);
        Assert.Equal(mean - half, double.Parse(row[6], CultureInfo.InvariantCulture), 5);
        Assert.Equal(mean + half, double.Parse(row[7], CultureInfo.InvariantCulture), 5);
    }

    [Fact]
    public void Only_ARunAloneGivesTheRowsItHasInsideTheSweep()
    {
        string whole = RunInto(null);
        string alone = RunInto(null, "--only", "point=1,arm=bottom-up,replicate=2");
        foreach (string table in new[] { "timeseries.csv", "outcomes.csv", "levels.csv", "runs.csv" })
        {
            string[] expected = File.ReadLines(Path.Combine(whole, table)).Where(l => l.StartsWith("1,0.08,bottom-up,2,", StringComparison.Ordinal)).ToArray();
            string[] actual = File.ReadLines(Path.Combine(alone, table)).Skip(1).ToArray();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Resume_AfterAnInterruptionWritesTheFilesOfAnUninterruptedRun()
    {
        string whole = RunInto(null);
        string resumed = RunInto(null);

        // Simulate a run killed half-way: half the records gone, a half-written record left behind, no tables.
        string runs = Path.Combine(resumed, ResultsFolder.RunsFolderName);
        string[] records = Directory.GetFiles(runs, "*.run").Order(StringComparer.Ordinal).ToArray();
        foreach (string record in records.Where((_, i) => i % 2 == 0))
        {
            File.Delete(record);
        }

        File.WriteAllText(Path.Combine(runs, "p000000-a000-r000000.run.tmp-999-1"), "#seed,1\n#metrics\ncompetent_");

        // And what a kill while the tables and the report were written leaves: their temporary files.
        File.WriteAllText(Path.Combine(resumed, "timeseries.csv.tmp-host-0a1b2c"), "point,arm");
        File.WriteAllText(Path.Combine(resumed, "report.html.tmp-host-0a1b2c"), "<html");
        File.WriteAllText(Path.Combine(resumed, "plots", "adoption.svg.tmp-host-0a1b2c"), "<svg");
        foreach (string table in Tables)
        {
            File.Delete(Path.Combine(resumed, table));
        }

        var (code, stdout, stderr) = CliHarness.Run("run", Scenario(), "--out", resumed);
        Assert.True(code == 0, stderr);
        Assert.Contains($"Resuming: {records.Length / 2} runs already done.", stdout, StringComparison.Ordinal);
        Assert.Contains($"{records.Length - (records.Length / 2)} runs in", stdout, StringComparison.Ordinal);
        OrgSim.Tests.Shared.FolderAssert.SameFiles(whole, resumed); // Every file, the half-written record's leftover gone.
    }

    [Fact]
    public void Shards_MergedEqualTheSingleMachineRun()
    {
        string whole = RunInto(null);
        string root = CliHarness.TempDirectory();
        string[] shards = Enumerable.Range(1, 3).Select(i => Path.Combine(root, $"shard-{i}")).ToArray();
        for (int i = 0; i < 3; i++)
        {
            var (code, _, stderr) = CliHarness.Run("run", Scenario(), "--out", shards[i], "--shard", $"{i + 1}/3");
            Assert.True(code == 0, stderr);
        }

        string merged = Path.Combine(root, "merged");
        var (mergeCode, mergeOut, mergeErr) = CliHarness.Run(["merge", .. shards, "--out", merged]);
        Assert.True(mergeCode == 0, mergeErr);
        Assert.Contains("Merged 12 runs from 3 folders", mergeOut, StringComparison.Ordinal);

        // Every file, not only the tables: the org chart, its parts, the report and every chart.
        Assert.True(File.Exists(Path.Combine(merged, "orgchart.json")));
        OrgSim.Tests.Shared.FolderAssert.SameFiles(whole, merged);
    }

    [Theory]
    [InlineData(false, "is given 2 times; give each shard's folder once")]
    [InlineData(true, "name the same shard folder; give each shard's folder once")]
    public void Merge_OfOneShardTwice_SaysSo(bool spelledTwoWays, string expected)
    {
        string shard = Path.Combine(CliHarness.TempDirectory(), "shard");
        Directory.CreateDirectory(shard);
        string again = spelledTwoWays ? shard + Path.DirectorySeparatorChar : shard;
        var (code, _, stderr) = CliHarness.Run("merge", shard, again, "--out", Path.Combine(CliHarness.TempDirectory(), "merged"));
        Assert.Equal(1, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_SeesALinkToAShardAsThatShard()
    {
        string root = CliHarness.TempDirectory();
        string[] shards = Enumerable.Range(1, 2).Select(i => Path.Combine(root, $"shard-{i}")).ToArray();
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(0, CliHarness.Run("run", Scenario(), "--out", shards[i], "--shard", $"{i + 1}/2", "--no-report").ExitCode);
        }

        string link = Path.Combine(root, "link");
        Directory.CreateSymbolicLink(link, shards[0]);
        var (code, _, stderr) = CliHarness.Run(["merge", .. shards, "--out", link, "--overwrite"]);
        Assert.Equal(1, code);
        Assert.Contains("is one of the shard folders", stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(shards[0], "runs.csv")));

        // The same shard reached through a linked parent folder.
        string parentLink = Path.Combine(CliHarness.TempDirectory(), "parent");
        Directory.CreateSymbolicLink(parentLink, root);
        var (throughParent, _, parentErr) = CliHarness.Run(["merge", .. shards, "--out", Path.Combine(parentLink, "shard-1"), "--overwrite"]);
        Assert.Equal(1, throughParent);
        Assert.Contains("is one of the shard folders", parentErr, StringComparison.Ordinal);

        var (missing, _, missingErr) = CliHarness.Run("merge", Path.Combine(root, "nowhere"), "--out", Path.Combine(root, "merged"));
        Assert.Equal(1, missing);
        Assert.Contains("nowhere is not a folder", missingErr, StringComparison.Ordinal);
        var (none, _, noneErr) = CliHarness.Run("merge", "--out", Path.Combine(root, "merged"));
        Assert.Equal(ExitCodes.BadUsage, none);
        Assert.Contains("orgsim merge: the shard folders are missing", noneErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_KilledBeforeItWroteItsIdentityRunsAgainAsTheSameCommand()
    {
        // A kill between creating the runs folder and writing identity.json leaves an empty runs folder.
        string outDir = Path.Combine(CliHarness.TempDirectory(), "out");
        Directory.CreateDirectory(Path.Combine(outDir, ".orgsim-runs"));
        File.WriteAllText(Path.Combine(outDir, ".orgsim-runs", "identity.json.tmp-host-0a1b2c"), "{");
        var (code, _, stderr) = CliHarness.Run("run", Scenario(), "--out", outDir, "--no-report");
        Assert.True(code == 0, stderr);
        Assert.False(File.Exists(Path.Combine(outDir, ".orgsim-runs", "identity.json.tmp-host-0a1b2c")));
    }

    [Fact]
    public void Plot_RemovesTheTemporaryFilesOfADrawingThatWasKilled()
    {
        string outDir = RunInto(null);
        File.WriteAllText(Path.Combine(outDir, "plots", "adoption.svg.tmp-host-0a1b2c"), "<svg");
        File.WriteAllText(Path.Combine(outDir, "report.html.tmp-host-0a1b2c"), "<html");
        var (code, _, stderr) = CliHarness.Run("plot", outDir);
        Assert.True(code == 0, stderr);
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp-*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Merge_StoppedHalfWayFinishesWhenRunAgainAsTheSameCommand()
    {
        string whole = RunInto(null);
        string root = CliHarness.TempDirectory();
        string[] shards = Enumerable.Range(1, 2).Select(i => Path.Combine(root, $"shard-{i}")).ToArray();
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(0, CliHarness.Run("run", Scenario(), "--out", shards[i], "--shard", $"{i + 1}/2").ExitCode);
        }

        // A merge killed after it copied some records: the identity and part of the records are there.
        string merged = Path.Combine(root, "merged");
        Assert.Equal(0, CliHarness.Run(["merge", .. shards, "--out", merged]).ExitCode);
        foreach (string table in Tables.Append("run.json").Append("report.html"))
        {
            File.Delete(Path.Combine(merged, table));
        }

        Directory.Delete(Path.Combine(merged, "plots"), recursive: true);
        File.Delete(Directory.GetFiles(Path.Combine(merged, ".orgsim-runs"), "*.run")[0]);

        var (code, _, stderr) = CliHarness.Run(["merge", .. shards, "--out", merged]);
        Assert.True(code == 0, stderr);
        OrgSim.Tests.Shared.FolderAssert.SameFiles(whole, merged);
    }

    [Fact]
    public void Resume_WithoutAReportRemovesTheReportOfFewerRuns()
    {
        string outDir = RunInto(null, "--only", "arm=top-down");
        Assert.True(File.Exists(Path.Combine(outDir, "report.html")));
        var (code, stdout, stderr) = CliHarness.Run("run", Scenario(), "--out", outDir, "--no-report");
        Assert.True(code == 0, stderr);
        Assert.Contains("Resuming", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(outDir, "report.html"))); // It showed top-down only; the tables now hold both arms.
        Assert.False(Directory.Exists(Path.Combine(outDir, "plots")));
    }

    [Fact]
    public void Shard_SummarySaysHowManyReplicatesItHolds()
    {
        var (code, stdout, stderr) = CliHarness.Run("run", Scenario(), "--out", Path.Combine(CliHarness.TempDirectory(), "out"), "--shard", "1/3", "--no-report");
        Assert.True(code == 0, stderr);
        Assert.Contains("replicates;", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("mean [95% CI], 3 replicates;", stdout, StringComparison.Ordinal);
        Assert.Matches(@"(mean \[95% CI\]|one run, so no 95% CI), [12] of 3 replicates;", stdout);
    }

    [Fact]
    public void Merge_RefusesAnIncompleteSetOfShards()
    {
        string root = CliHarness.TempDirectory();
        string one = Path.Combine(root, "shard-1");
        Assert.Equal(0, CliHarness.Run("run", Scenario(), "--out", one, "--shard", "1/3").ExitCode);
        var (code, _, stderr) = CliHarness.Run("merge", one, "--out", Path.Combine(root, "merged"));
        Assert.Equal(1, code);
        Assert.Contains("8 of 12 runs are in none of the folders", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, "merged", "summary.csv")));
    }

    [Fact]
    public void Set_OverridesTheSweepAndIsRecordedInRunJson()
    {
        string outDir = RunInto(null, "--set", "model.transmission=0.05", "--set", "arms.bottom-up.seeding.budget=12");
        string manifest = File.ReadAllText(Path.Combine(outDir, "run.json"));
        Assert.Contains("\"model.transmission=0.05\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"arms.bottom-up.seeding.budget=12\"", manifest, StringComparison.Ordinal);

        // --set wins over the sweep: both points now run at 0.05, so their rows are the same.
        string[] rows = File.ReadLines(Path.Combine(outDir, "runs.csv")).Skip(1).Select(l => string.Join(',', l.Split(',').Skip(2))).ToArray();
        Assert.Equal(rows[..6], rows[6..]);
    }

    [Theory]
    [InlineData("--set", "model.transmision=0.1", "unknown key 'transmision' in model; did you mean 'transmission'?")]
    [InlineData("--set", "model.transmission", "needs the form path.to.key=value")]
    [InlineData("--set", "arms.nobody.seeding.budget=3", "there is no arm named 'nobody'")]
    [InlineData("--only", "point=9", "--only point=9: the scenario has points 0 to 1")]
    [InlineData("--shard", "4/3", "--shard")]
    public void Run_BadSweepOptionsSayWhatToFixAndWriteNothing(string option, string value, string expected)
    {
        string outDir = Path.Combine(CliHarness.TempDirectory(), "out");
        var (code, _, stderr) = CliHarness.Run("run", Scenario(), "--out", outDir, option, value);
        Assert.Equal(1, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any());
    }

    [Fact]
    public void Run_WritesTheReportAndChartsUnlessAskedNot()
    {
        string outDir = RunInto(null);
        Assert.True(File.Exists(Path.Combine(outDir, "report.html")));
        Assert.Contains("heatmap.svg", Directory.GetFiles(Path.Combine(outDir, "plots")).Select(Path.GetFileName));

        string bare = RunInto(null, "--no-report");
        Assert.False(File.Exists(Path.Combine(bare, "report.html")));
        Assert.False(Directory.Exists(Path.Combine(bare, "plots")));
    }

    [Fact]
    public void Plot_RedrawsTheSameReportFromTheCsvFiles()
    {
        string outDir = RunInto(null);
        string report = File.ReadAllText(Path.Combine(outDir, "report.html"));
        string adoption = File.ReadAllText(Path.Combine(outDir, "plots", "adoption.svg"));
        File.Delete(Path.Combine(outDir, "report.html"));
        Directory.Delete(Path.Combine(outDir, "plots"), recursive: true);

        var (code, stdout, stderr) = CliHarness.Run("plot", outDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("report.html", stdout, StringComparison.Ordinal);
        Assert.Equal(report, File.ReadAllText(Path.Combine(outDir, "report.html")));
        Assert.Equal(adoption, File.ReadAllText(Path.Combine(outDir, "plots", "adoption.svg")));
    }

    [Fact]
    public void Plot_OnAFolderWithoutResultsSaysWhatToDo()
    {
        string empty = CliHarness.TempDirectory();
        var (code, _, stderr) = CliHarness.Run("plot", empty);
        Assert.Equal(1, code);
        Assert.Contains("run.json is missing; run the scenario with 'orgsim run' first", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    // One file for the whole class, so that every run of it names the same file in run.json and its identity.
    private static readonly Lazy<string> ScenarioFile = new(() => CliHarness.WriteScenario(Sweep));

    private static string Scenario() => ScenarioFile.Value;

    private static string RunInto(string? outDir, params string[] extra)
    {
        outDir ??= Path.Combine(CliHarness.TempDirectory(), "out");
        var (code, _, stderr) = CliHarness.Run(["run", Scenario(), "--out", outDir, "--threads", "2", .. extra]);
        Assert.True(code == 0, stderr);
        return outDir;
    }

    private static void AssertSameTables(string expected, string actual)
    {
        foreach (string table in Tables)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(expected, table)), File.ReadAllText(Path.Combine(actual, table)));
        }
    }
}
