using OrgSim.Experiments.Jobs;

namespace OrgSim.Experiments.Tests.Calibration;

/// <summary>A calibration's results: the same for any thread count, the same after a resume, and refusing what it cannot compare.</summary>
public class CalibrateJobRunTests
{
    private static readonly string[] Outputs = ["calibration.csv", "posterior.csv", "generations.csv", "fitted.yaml", "fit.svg"];

    [Fact]
    [Trait("Category", "Slow")]
    public void Results_AreByteIdentical_ForAnyThreadCount()
    {
        string folder = CalibrationFixture.Folder(particles: 30, maxGenerations: 3);
        Assert.Equal(JobStatus.Success, CalibrateJob.Execute(CalibrationFixture.Request(folder, "one", threads: 1), _ => { }).Status);
        Assert.Equal(JobStatus.Success, CalibrateJob.Execute(CalibrationFixture.Request(folder, "three", threads: 3), _ => { }).Status);
        foreach (string name in Outputs)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "one", name)), File.ReadAllBytes(Path.Combine(folder, "three", name)));
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Resume_AfterCancellation_GivesTheUninterruptedResults()
    {
        string folder = CalibrationFixture.Folder(particles: 30, maxGenerations: 3);
        var whole = new List<string>();
        Assert.Equal(JobStatus.Success, CalibrateJob.Execute(CalibrationFixture.Request(folder, "whole"), whole.Add).Status);

        using var cancel = new CancellationTokenSource();
        int rounds = 0;
        JobOutcome stopped = CalibrateJob.Execute(CalibrationFixture.Request(folder, "resumed"), _ =>
        {
            if (++rounds == 2)
            {
                cancel.Cancel();
            }
        }, cancel.Token);
        Assert.Equal(JobStatus.Cancelled, stopped.Status);
        Assert.False(File.Exists(Path.Combine(folder, "resumed", "calibration.csv")));

        var again = new List<string>();
        JobOutcome resumed = CalibrateJob.Execute(CalibrationFixture.Request(folder, "resumed"), again.Add);
        Assert.Equal(JobStatus.Success, resumed.Status);
        Assert.Contains(again, l => l.Contains("replayed", StringComparison.Ordinal));
        foreach (string name in Outputs)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "whole", name)), File.ReadAllBytes(Path.Combine(folder, "resumed", name)));
        }
    }

    [Fact]
    public void Folder_OfAnotherObservedFile_IsRefused_UnlessOverwrite()
    {
        string folder = CalibrationFixture.Folder(particles: 10, maxGenerations: 1);
        Assert.Equal(JobStatus.Success, CalibrateJob.Execute(CalibrationFixture.Request(folder), _ => { }).Status);
        File.AppendAllText(Path.Combine(folder, "observed.csv"), "25,pacing,10,5,3,1,1\n");

        JobOutcome refused = CalibrateJob.Execute(CalibrationFixture.Request(folder), _ => { });
        Assert.Equal($"orgsim calibrate: --out {Path.Combine(folder, "out")} holds a calibration of another scenario or observed file (or other --set values); choose another folder, or add --overwrite to replace it", Assert.Single(refused.Errors));
        Assert.Equal(JobStatus.Success, CalibrateJob.Execute(CalibrationFixture.Request(folder) with { Overwrite = true }, _ => { }).Status);
    }

    [Fact]
    public void Folder_WithOtherFiles_IsRefused()
    {
        string folder = CalibrationFixture.Folder(particles: 10, maxGenerations: 1);
        Directory.CreateDirectory(Path.Combine(folder, "out"));
        File.WriteAllText(Path.Combine(folder, "out", "notes.txt"), "mine");
        JobOutcome refused = CalibrateJob.Execute(CalibrationFixture.Request(folder), _ => { });
        Assert.Contains("already holds files that are not a calibration's", Assert.Single(refused.Errors), StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(folder, "out", "notes.txt")));
    }

    [Fact]
    public void RunAndCalibrationFolders_AreNeverMixed_EvenWithOverwrite()
    {
        // A calibration into a run's folder would replace its report.html and leave its tables beside
        // the calibration's; a run into a calibration's folder the same the other way round.
        string folder = CalibrationFixture.Folder(particles: 10, maxGenerations: 1);
        string runFolder = Path.Combine(folder, "run");
        Assert.Equal(JobStatus.Success, RunJob.Execute(new RunRequest { Scenario = new ScenarioInput(Path.Combine(folder, "tiny.yaml"), [], Replicates: 1), Out = runFolder, Threads = 1, NoReport = true }, new RunListener()).Status);
        string[] before = [.. Directory.EnumerateFiles(runFolder).Order(StringComparer.Ordinal).Select(File.ReadAllText)];
        JobOutcome refused = CalibrateJob.Execute(CalibrationFixture.Request(folder, outName: "run") with { Overwrite = true }, _ => { });
        Assert.Equal($"orgsim calibrate: --out {runFolder} holds a run's results (run.json); a calibration goes in a folder of its own: choose another folder", Assert.Single(refused.Errors));
        Assert.Equal(before, Directory.EnumerateFiles(runFolder).Order(StringComparer.Ordinal).Select(File.ReadAllText));

        Assert.Equal(JobStatus.Success, CalibrateJob.Execute(CalibrationFixture.Request(folder), _ => { }).Status);
        string calibrationFolder = Path.Combine(folder, "out");
        JobOutcome run = RunJob.Execute(new RunRequest { Scenario = new ScenarioInput(Path.Combine(folder, "tiny.yaml"), [], Replicates: 1), Out = calibrationFolder, Overwrite = true, Threads = 1, NoReport = true }, new RunListener());
        Assert.Contains($"--out {calibrationFolder} holds a calibration (calibration.json); a run's results go in a folder of their own", Assert.Single(run.Errors), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(calibrationFolder, "run.json")));
    }

    [Fact]
    public void FilesOfTheSameNames_ThatNoCalibrationWrote_AreNeverReplaced()
    {
        string folder = CalibrationFixture.Folder(particles: 10, maxGenerations: 1);
        string output = Path.Combine(folder, "out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "report.html"), "mine");
        JobOutcome refused = CalibrateJob.Execute(CalibrationFixture.Request(folder) with { Overwrite = true }, _ => { });
        Assert.Contains("holds report.html, which no calibration wrote there", Assert.Single(refused.Errors), StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "report.html")));
        Assert.False(File.Exists(Path.Combine(output, "calibration.json")));
    }

    [Fact]
    public void Prior_ThatTheOrganisationCannotRun_IsRefusedBeforeTheFolderIsClaimed()
    {
        // Budgets up to 500 in a 150-agent organisation: the priors' high corner cannot run.
        string folder = CalibrationFixture.Folder(particles: 10, maxGenerations: 1);
        JobOutcome refused = CalibrateJob.Execute(CalibrationFixture.Request(folder, sets: ["calibration.parameters.arms.bottom-up.seeding.budget=[5, 500]"]), _ => { });
        Assert.Contains("the priors' high ends (", Assert.Single(refused.Errors), StringComparison.Ordinal);
        Assert.Contains("seeding.budget is 500", refused.Errors[0], StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }

    [Fact]
    public void Round_WithADistanceNoRunCanGive_IsDamaged_NamingTheFile()
    {
        string folder = CalibrationFixture.Folder(particles: 10, maxGenerations: 2);
        Assert.Equal(JobStatus.Success, CalibrateJob.Execute(CalibrationFixture.Request(folder), _ => { }).Status);
        string round = Path.Combine(folder, "out", "rounds", "g000-r000.csv");
        string[] lines = File.ReadAllLines(round);
        string[] cells = lines[1].Split(',');
        cells[1] = "-1";
        lines[1] = string.Join(',', cells);
        File.WriteAllLines(round, lines);
        JobOutcome damaged = CalibrateJob.Execute(CalibrationFixture.Request(folder), _ => { });
        Assert.NotEqual(JobStatus.Success, damaged.Status);
        Assert.Contains(round, string.Join("\n", damaged.Errors), StringComparison.Ordinal);
        Assert.Contains("is not a candidate's index and distance", string.Join("\n", damaged.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("31,pacing,10,5,3,1,1\n", "observed.csv:14: week 31 is past the scenario's horizon of 30 weeks; raise horizon_weeks to at least 31, or leave the wave out")]
    public void Survey_ThatTheScenarioCannotMatch_IsOneLineBeforeAnyRun(string row, string expected)
    {
        string folder = CalibrationFixture.Folder(particles: 10, maxGenerations: 1);
        File.AppendAllText(Path.Combine(folder, "observed.csv"), row);
        JobOutcome outcome = CalibrateJob.Execute(CalibrationFixture.Request(folder), _ => { });
        Assert.Equal(Path.Combine(folder, expected), Assert.Single(outcome.Errors));
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }

    [Fact]
    public void Units_OfAGeneratedOrganisation_CannotBeMatched()
    {
        string folder = CalibrationFixture.Folder(particles: 10, maxGenerations: 1);
        File.WriteAllText(Path.Combine(folder, "observed.csv"), "week,competency,unit,respondents,competent\n10,pacing,Sales,10,3\n");
        JobOutcome outcome = CalibrateJob.Execute(CalibrationFixture.Request(folder), _ => { });
        Assert.Contains("unit \"Sales\" cannot be matched: the scenario's organisation has no team names", Assert.Single(outcome.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Level_NotInTheOrganisation_IsRefused_AndStagesNeedStageColumns()
    {
        string folder = CalibrationFixture.Folder(particles: 10, maxGenerations: 1, extra: "  compare: stages");
        File.WriteAllText(Path.Combine(folder, "observed.csv"), "week,competency,level,respondents,competent\n10,pacing,1,10,3\n");
        Assert.Contains("calibration.compare is stages, but", Assert.Single(CalibrateJob.Execute(CalibrationFixture.Request(folder), _ => { }).Errors), StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "observed.csv"), "week,competency,level,respondents,stage_0,stage_1,stage_2,stage_3\n10,pacing,9,10,3,3,3,1\n");
        Assert.Contains("level 9 is not a level of the scenario's organisation", Assert.Single(CalibrateJob.Execute(CalibrationFixture.Request(folder), _ => { }).Errors), StringComparison.Ordinal);
    }
}
