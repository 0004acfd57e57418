using System.Diagnostics;
using OrgSim.Experiments.Jobs;

namespace OrgSim.Cli.Tests;

/// <summary>
/// Two runs into one folder, in two processes: the second is refused while the first holds the
/// folder, on one machine and across PID namespaces (each container of the Kubernetes recipe is
/// process 1 in its own), and the first one's results come out whole. No test waits on time: the
/// second process runs while the first is provably between its claim and its first run (inside the
/// listener's call), or while a holder has echoed that it holds the lock.
/// </summary>
[Trait("Category", "Slow")] // Each test starts .NET processes: 1–3 s.
public class ConcurrentRunTests
{
    private const string Scenario = """
        name: concurrent
        horizon_weeks: 12
        replicates: 3
        organisation: {agents: 120}
        arms:
          - name: top-down
            seeding: {strategy: top-down, budget: 6}
          - name: bottom-up
            seeding: {strategy: bottom-up-teams, budget: 6}
        """;

    public static TheoryData<bool, string[]> SecondRuns => new()
    {
        { false, [] },
        { false, ["--overwrite", "--set", "replicates=2"] },
        { true, [] },
        { true, ["--overwrite", "--set", "replicates=2"] },
    };

    [SkippableTheory]
    [MemberData(nameof(SecondRuns))]
    public void ASecondProcess_IsRefusedWhileARunWritesTheFolder_AndTheFirstRunsResultsAreWhole(bool ownPidNamespace, string[] secondOptions)
    {
        if (ownPidNamespace)
        {
            ChildProcess.SkipUnlessPidNamespaces();
        }

        string scenario = CliHarness.WriteScenario(Scenario);
        string folder = Path.Combine(CliHarness.TempDirectory(), "out");
        string[] second = ChildProcess.Orgsim(["run", scenario, "--out", folder, "--no-report", .. secondOptions]);
        var listener = new SecondRunWhileClaimed(ownPidNamespace ? ChildProcess.InOwnPidNamespace(second) : second);

        RunOutcome first = RunJob.Execute(Request(scenario, folder), listener);

        Assert.Equal(JobStatus.Success, first.Status);
        var (code, _, stderr) = listener.Second ?? throw new InvalidOperationException("the listener never ran the second process");
        Assert.True(code == ExitCodes.BadInput, $"the second run exited {code}: {stderr}");
        Assert.Contains($"--out {folder} is being written by another orgsim run", stderr, StringComparison.Ordinal);
        AssertSameTables(RunAlone(scenario), folder);
    }

    [SkippableFact]
    public void ALockHeldInAnotherPidNamespace_HoldsTheFolder_UntilItsHolderEnds()
    {
        ChildProcess.SkipUnlessPidNamespaces();
        string scenario = CliHarness.WriteScenario(Scenario);
        string folder = Path.Combine(CliHarness.TempDirectory(), "out");
        Directory.CreateDirectory(folder);
        string[] run = ChildProcess.InOwnPidNamespace(ChildProcess.Orgsim("run", scenario, "--out", folder, "--no-report"));

        // flock(1) takes the same kernel lock orgsim takes, then echoes its input while it holds it.
        using (Process holder = ChildProcess.Start(ChildProcess.InOwnPidNamespace(["flock", "--exclusive", "--nonblock", Path.Combine(folder, ".orgsim-lock"), "cat"])))
        {
            holder.StandardInput.WriteLine("holding");
            holder.StandardInput.Flush();
            Assert.Equal("holding", holder.StandardOutput.ReadLine());

            var (refused, _, refusal) = ChildProcess.Run(run);
            Assert.True(refused == ExitCodes.BadInput, refusal);
            Assert.Contains("is being written by another orgsim run", refusal, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "summary.csv")));

            holder.StandardInput.Close();
            Assert.True(holder.WaitForExit(TestWaits.HangGuard), "the lock holder did not end");
        }

        var (code, _, stderr) = ChildProcess.Run(run);
        Assert.True(code == ExitCodes.Success, stderr);
        AssertSameTables(RunAlone(scenario), folder);
    }

    private static RunRequest Request(string scenario, string folder) =>
        new() { Scenario = new ScenarioInput(scenario, []), Out = folder, NoReport = true };

    private static string RunAlone(string scenario)
    {
        string folder = Path.Combine(CliHarness.TempDirectory(), "alone");
        Assert.Equal(JobStatus.Success, RunJob.Execute(Request(scenario, folder), new RunListener()).Status);
        return folder;
    }

    private static void AssertSameTables(string expected, string actual)
    {
        foreach (string table in new[] { "timeseries.csv", "outcomes.csv", "levels.csv", "runs.csv", "summary.csv", "contrasts.csv" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(expected, table)), File.ReadAllText(Path.Combine(actual, table)));
        }
    }

    /// <summary>Runs the second process from inside the first run, after its claim and before its first run.</summary>
    private sealed class SecondRunWhileClaimed(string[] second) : RunListener
    {
        public (int ExitCode, string Stdout, string Stderr)? Second { get; private set; }

        public override void Say(string line) => Second ??= ChildProcess.Run(second);
    }
}
