namespace OrgSim.Cli.Tests;

/// <summary>What a run says when the disk refuses a write: one line, exit 1, the finished runs kept, no temporary file left.</summary>
public class WriteFailureTests
{
    private const string Small = """
        name: small
        horizon_weeks: 10
        replicates: 3
        organisation: {agents: 120}
        arms:
          - name: top-down
            seeding: {strategy: top-down, budget: 6}
        """;

    [Fact]
    public void ARunRecordThatCannotBeWritten_IsOneLineAndExit1_AndTheResumeFinishes()
    {
        // A full disk or a broken mount: here, a folder where the record of replicate 1 must go.
        string scenario = CliHarness.WriteScenario(Small);
        string folder = Path.Combine(CliHarness.TempDirectory(), "out");
        Assert.Equal(0, CliHarness.Run("run", scenario, "--out", folder, "--only", "replicate=0", "--no-report").ExitCode);
        string blocked = Path.Combine(folder, ".orgsim-runs", "p000000-a000-r000001.run");
        Directory.CreateDirectory(Path.Combine(blocked, "in-the-way"));

        var (code, _, stderr) = CliHarness.Run("run", scenario, "--out", folder, "--threads", "1", "--no-report");

        Assert.Equal(ExitCodes.BadInput, code);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"orgsim: cannot write a run's record into {folder}", line, StringComparison.Ordinal);
        Assert.EndsWith("the finished runs are kept and a rerun resumes", line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp-*", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(folder, ".orgsim-runs", "p000000-a000-r000002.run")) || File.Exists(Path.Combine(folder, ".orgsim-runs", "p000000-a000-r000000.run")));

        Directory.Delete(blocked, recursive: true);
        var (resumed, stdout, errors) = CliHarness.Run("run", scenario, "--out", folder, "--no-report");
        Assert.True(resumed == 0, errors);
        Assert.Contains("Resuming:", stdout, StringComparison.Ordinal);
        Assert.Equal(4, File.ReadLines(Path.Combine(folder, "runs.csv")).Count());
    }
}
