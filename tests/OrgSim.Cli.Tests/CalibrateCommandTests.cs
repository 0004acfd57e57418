using System.Text.RegularExpressions;

namespace OrgSim.Cli.Tests;

/// <summary><c>orgsim calibrate</c> end to end on a tiny organisation: the sentence and table, the files, determinism across threads, one-line errors.</summary>
public class CalibrateCommandTests
{
    private const string Scenario = """
        name: tiny-fit
        seed: 4
        horizon_weeks: 20
        organisation: {agents: 80, span: 5}
        arms:
          - name: champions
            seeding: {strategy: random, budget: 10}
        calibration:
          parameters:
            model.transmission: [0.01, 0.4]
          particles: 20
          max_generations: 2
        """;

    // Made up for the test: competent counts of 40 respondents in two waves.
    private const string Observed = """
        week,competency,respondents,competent
        10,all,40,30
        20,all,40,50
        """;

    private static string Folder()
    {
        string folder = CliHarness.TempDirectory();
        File.WriteAllText(Path.Combine(folder, "fit.yaml"), Scenario);
        File.WriteAllText(Path.Combine(folder, "observed.csv"), Observed);
        return folder;
    }

    private static string WithoutTime(string text) => Regex.Replace(text, @"Done in [\d.]+ s\.", "Done.");

    [Fact]
    public void Calibrate_PrintsTheFitAndItsTable_TheSameForAnyThreadCount()
    {
        string folder = Folder();
        var one = CliHarness.Run("calibrate", Path.Combine(folder, "fit.yaml"), "--observed", Path.Combine(folder, "observed.csv"), "--out", Path.Combine(folder, "one"), "--threads", "1", "--forecast");
        var two = CliHarness.Run("calibrate", Path.Combine(folder, "fit.yaml"), "--observed", Path.Combine(folder, "observed.csv"), "--out", Path.Combine(folder, "two"), "--threads", "2", "--forecast");

        Assert.True(one.ExitCode == 0, one.Stderr);
        Assert.Matches(new Regex(@"^Fitted model\.transmission = [\d.e-]+ \(95% [\d.e-]+–[\d.e-]+\) to .*observed\.csv with [\d,]+ runs over \d+ generations; stopped: .+\.$", RegexOptions.Multiline), one.Stdout);
        Assert.Matches(new Regex(@"^  parameter +estimate +median +95% interval +prior", RegexOptions.Multiline), one.Stdout);
        Assert.Matches(new Regex(@"^  champions +competent_share_final ", RegexOptions.Multiline), one.Stdout);
        Assert.Equal(WithoutTime(one.Stdout).Replace(Path.Combine(folder, "one"), "OUT", StringComparison.Ordinal), WithoutTime(two.Stdout).Replace(Path.Combine(folder, "two"), "OUT", StringComparison.Ordinal));
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "one", "forecast.csv")), File.ReadAllText(Path.Combine(folder, "two", "forecast.csv")));

        var run = CliHarness.Run("run", Path.Combine(folder, "one", "fitted.yaml"), "--replicates", "2", "--out", Path.Combine(folder, "run"), "--no-report");
        Assert.True(run.ExitCode == 0, run.Stderr);
    }

    [Fact]
    public void Rerun_IntoTheSameFolder_ReplaysEveryRound()
    {
        string folder = Folder();
        string[] args = ["calibrate", Path.Combine(folder, "fit.yaml"), "--observed", Path.Combine(folder, "observed.csv"), "--out", Path.Combine(folder, "out"), "--threads", "2"];
        var first = CliHarness.Run(args);
        var second = CliHarness.Run(args);
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain(": ran ", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(WithoutTime(first.Stdout.Replace(": ran ", ": replayed ", StringComparison.Ordinal)), WithoutTime(second.Stdout));
    }

    [Fact]
    public void Shards_SharingOneFolder_EndWithTheUnshardedFiles()
    {
        string folder = Folder();
        string[] common = [Path.Combine(folder, "fit.yaml"), "--observed", Path.Combine(folder, "observed.csv"), "--threads", "1"];
        Assert.Equal(0, CliHarness.Run(["calibrate", .. common, "--out", Path.Combine(folder, "whole")]).ExitCode);

        var first = CliHarness.Run(["calibrate", .. common, "--out", Path.Combine(folder, "sharded"), "--shard", "2/2"]);
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.StartsWith("Shard 2/2 (--shard): ", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("Generation 0, round 0: parts 2 of 2 are stored in ", first.Stdout, StringComparison.Ordinal);
        for (int pass = 0; pass < 10 && !File.Exists(Path.Combine(folder, "sharded", "calibration.csv")); pass++)
        {
            foreach (string shard in new[] { "1/2", "2/2" })
            {
                var result = CliHarness.Run(["calibrate", .. common, "--out", Path.Combine(folder, "sharded"), "--shard", shard]);
                Assert.True(result.ExitCode == 0, result.Stderr);
            }
        }

        foreach (string name in new[] { "calibration.csv", "posterior.csv", "generations.csv" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(folder, "whole", name)), File.ReadAllText(Path.Combine(folder, "sharded", name)));
        }

        var bad = CliHarness.Run(["calibrate", .. common, "--out", Path.Combine(folder, "sharded"), "--shard", "4/3"]);
        Assert.Equal(ExitCodes.BadInput, bad.ExitCode);
        Assert.Equal("orgsim calibrate: --shard is '4/3'; I must be from 1 to N, e.g. --shard 2/3", bad.Stderr.TrimEnd());
    }

    [Fact]
    public void Scenario_WithoutACalibrationSection_IsOneLine()
    {
        string folder = Folder();
        File.WriteAllText(Path.Combine(folder, "fit.yaml"), Scenario[..Scenario.IndexOf("calibration:", StringComparison.Ordinal)]);
        var result = CliHarness.Run("calibrate", Path.Combine(folder, "fit.yaml"), "--observed", Path.Combine(folder, "observed.csv"));
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal($"{Path.Combine(folder, "fit.yaml")}: has no calibration section; add one naming the parameters to fit and their prior ranges, e.g. 'calibration: {{parameters: {{model.transmission: [0.02, 0.2]}}}}' (docs/calibration.md)", result.Stderr.TrimEnd());
    }

    [Fact]
    public void ObservedFile_WithProblems_IsReportedByRow_AndNothingIsWritten()
    {
        string folder = Folder();
        File.WriteAllText(Path.Combine(folder, "observed.csv"), "week,competency,respondents,competent\n10,all,40,300\n");
        var result = CliHarness.Run("calibrate", Path.Combine(folder, "fit.yaml"), "--observed", Path.Combine(folder, "observed.csv"), "--out", Path.Combine(folder, "out"));
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.StartsWith($"{Path.Combine(folder, "observed.csv")}:2: ", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }

    [Fact]
    public void Observed_IsRequired()
    {
        var result = CliHarness.Run("calibrate", "scenario.yaml");
        Assert.Equal(ExitCodes.BadUsage, result.ExitCode);
        Assert.Equal("orgsim calibrate: --observed is missing; e.g. 'orgsim calibrate scenarios/calibrate.yaml --observed survey.csv'", result.Stderr.TrimEnd());
    }
}
