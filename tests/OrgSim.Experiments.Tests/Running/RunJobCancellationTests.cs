using OrgSim.Experiments.Jobs;
using OrgSim.Experiments.Output;

namespace OrgSim.Experiments.Tests.Running;

public class RunJobCancellationTests
{
    [Fact]
    public void ACancelAfterTheLastRunFinished_StillWritesTheTables_AndSaysSo()
    {
        // A scheduler's SIGTERM can arrive as the last run ends: the results are whole, so the tables must be written.
        string text = TestScenarios.SmallText(replicates: 2, horizon: 10);
        string folder = Path.Combine(TestPaths.TempDirectory(), "out");
        using var cancellation = new CancellationTokenSource();
        var listener = new CancelAfter(runs: 4, cancellation);

        RunOutcome outcome = RunJob.Execute(new RunRequest { Scenario = new ScenarioInput(TestRuns.ScenarioFile(text), []), Out = folder, Threads = 1 }, listener, cancellation.Token);

        Assert.Equal(JobStatus.Cancelled, outcome.Status);
        Assert.Contains("the tables are written", Assert.Single(outcome.Errors), StringComparison.Ordinal);
        string uninterrupted = TestRuns.InFolder(text, threads: 1);
        foreach (string table in ResultsFolder.TableFileNames)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(uninterrupted, table)), File.ReadAllText(Path.Combine(folder, table)));
        }

        Assert.False(File.Exists(Path.Combine(folder, ResultsFolder.ReportFileName)));
    }

    [Fact]
    public void ACancelBeforeTheLastRun_WritesNoTable_AndSaysHowToResume()
    {
        string text = TestScenarios.SmallText(replicates: 2, horizon: 10);
        string folder = Path.Combine(TestPaths.TempDirectory(), "out");
        using var cancellation = new CancellationTokenSource();

        RunOutcome outcome = RunJob.Execute(new RunRequest { Scenario = new ScenarioInput(TestRuns.ScenarioFile(text), []), Out = folder, Threads = 1 }, new CancelAfter(runs: 1, cancellation), cancellation.Token);

        Assert.Equal(JobStatus.Cancelled, outcome.Status);
        Assert.Contains("1 of 4 runs are saved", Assert.Single(outcome.Errors), StringComparison.Ordinal);
        Assert.DoesNotContain(ResultsFolder.TableFileNames, t => File.Exists(Path.Combine(folder, t)));
    }

    [Fact]
    public void ACancelWhileTheOrganisationIsGenerated_StopsTheGenerator_AndWritesNothing()
    {
        // Watts–Strogatz looks at the token while it rewires: at 10^7 agents that takes seconds,
        // before any run and before the output folder is claimed. Cancelled before generation, the
        // job stops there, so the folder is never made; a generator that ignored the token would
        // let the job claim it and start the runs.
        const string text = """
            name: small-world
            seed: 3
            horizon_weeks: 5
            replicates: 1
            organisation: {generator: watts-strogatz, agents: 2000, degree: 4, rewire: 0.1}
            arms:
              - name: random
                seeding: {strategy: random, budget: 10}
            """;
        string folder = Path.Combine(TestPaths.TempDirectory(), "out");

        Assert.Throws<OperationCanceledException>(() => RunJob.Execute(
            new RunRequest { Scenario = new ScenarioInput(TestRuns.ScenarioFile(text), []), Out = folder, Threads = 1 }, new RunListener(), new CancellationToken(canceled: true)));
        Assert.False(Directory.Exists(folder));
    }

    private sealed class CancelAfter(int runs, CancellationTokenSource cancellation) : RunListener
    {
        private int _done;

        public override void RunCompleted()
        {
            if (Interlocked.Increment(ref _done) == runs)
            {
                cancellation.Cancel();
            }
        }
    }
}
