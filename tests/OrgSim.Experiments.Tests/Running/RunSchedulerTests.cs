using OrgSim.Experiments.Output;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Running;

public class RunSchedulerTests
{
    [Fact]
    public void Execute_HoldsEveryRunInCanonicalOrderAndRecordsEveryTick()
    {
        ScenarioSpec spec = TestScenarios.Small().Spec;
        MemoryRunStore result = TestRuns.InMemory(spec, threads: 2);
        Assert.Equal(
            spec.Arms.SelectMany(a => Enumerable.Range(0, spec.Replicates).Select(r => (a.Name, r))),
            result.Results.Select(r => (r.Arm, r.Replicate)));
        Assert.All(result.Results, r => Assert.Equal(spec.HorizonWeeks + 1, r.Series.RecordedTicks));
        Assert.NotNull(result.OrgChart(0));
        Assert.NotNull(result.OrgChart(1));
    }

    [Fact]
    public void Execute_SkipsTheRunsTheStoreHolds()
    {
        LoadedScenario scenario = TestScenarios.Small(replicates: 2);
        RunPlan plan = RunPlan.For(scenario, ShardSpec.All);
        var store = new MemoryRunStore();
        RunScheduler.Execute(RunPlan.For(scenario, ShardSpec.All, RunSelection.Parse("arm=bottom-up", scenario).Selection), store, threads: 1);
        Assert.Equal(2, store.Runs.Count);
        Assert.Equal(2, RunScheduler.Pending(plan, store).Count());

        int done = 0;
        RunScheduler.Execute(plan, store, threads: 2, () => Interlocked.Increment(ref done));
        Assert.Equal(2, done);
        Assert.Equal(plan.Runs, store.Runs);
    }

    [Fact]
    public void Execute_WithTheSameSeedWritesIdenticalTimeseries()
    {
        string text = TestScenarios.SmallText();
        Assert.Equal(Timeseries(text, 1), Timeseries(text, 1));
        Assert.NotEqual(Timeseries(text, 1), Timeseries(TestScenarios.SmallText(seed: 6), 1));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Execute_WritesIdenticalFilesWhateverTheThreadCount(int threads)
    {
        string one = TestRuns.InFolder(TestScenarios.SmallText(), threads: 1, report: true);
        string many = TestRuns.InFolder(TestScenarios.SmallText(), threads, report: true);
        OrgSim.Tests.Shared.FolderAssert.SameFiles(one, many);
    }

    [Fact]
    public void Execute_OfALargeOrganisationSplitsTicksAcrossThreadsWithIdenticalResults()
    {
        string text = TestScenarios.SmallText(agents: RunScheduler.ParallelTickThreshold, replicates: 1, horizon: 8);
        Assert.Equal(Timeseries(text, 1), Timeseries(text, 3));
    }

    [Fact]
    public void RunOne_ArmsOfAReplicateShareTheOrganisationAndAReplicateCanBeRerunAlone()
    {
        ScenarioSpec spec = TestScenarios.Small().Spec;
        MemoryRunStore all = TestRuns.InMemory(spec, threads: 2);
        var graph = OrgSim.Experiments.Organisations.OrganisationFactory.Build(spec.Organisation, RunSeeds.Organisation(spec.Seed, 2));
        RunResult alone = RunScheduler.RunOne(spec, spec.Arms[1], graph, replicate: 2, threads: 1);
        RunResult inside = all.Result(new RunCoordinates(0, 1, 2));
        for (int t = 0; t <= spec.HorizonWeeks; t++)
        {
            Assert.Equal(inside.Series.CompetentShare(t), alone.Series.CompetentShare(t));
        }
    }

    [Fact]
    public void RunOne_StopsWithinAWeekOfACancellation()
    {
        // SIGTERM must stop a long run mid-way: Slurm and Kubernetes wait 30 s, a run can take minutes.
        ScenarioSpec spec = TestScenarios.Small(horizon: 40).Spec;
        var graph = OrgSim.Experiments.Organisations.OrganisationFactory.Build(spec.Organisation, RunSeeds.Organisation(spec.Seed, 0));
        using var cancellation = new CancellationTokenSource();
        int lastWeek = -1;
        Assert.Throws<OperationCanceledException>(() => RunScheduler.RunOne(spec, spec.Arms[0], graph, replicate: 0, threads: 1, (week, _) =>
        {
            lastWeek = week;
            if (week == 3)
            {
                cancellation.Cancel();
            }
        }, cancellation: cancellation.Token));
        Assert.Equal(3, lastWeek);
    }

    [Fact]
    public void Execute_CancelledDuringARun_KeepsOnlyTheRunsThatFinished()
    {
        LoadedScenario scenario = TestScenarios.Small(replicates: 3, horizon: 30);
        RunPlan plan = RunPlan.For(scenario, ShardSpec.All);
        var store = new MemoryRunStore();
        using var cancellation = new CancellationTokenSource();
        int done = 0;
        // Cancelled as the first run finishes: the run the single thread takes next stops at its first week.
        Assert.ThrowsAny<OperationCanceledException>(() => RunScheduler.Execute(plan, store, threads: 1, () =>
        {
            if (Interlocked.Increment(ref done) == 1)
            {
                cancellation.Cancel();
            }
        }, cancellation: cancellation.Token));
        Assert.Single(store.Runs);
        Assert.Equal(plan.Count - 1, RunScheduler.Pending(plan, store).LongCount());
    }

    [Fact]
    public void RunPlan_IsNotHeldAsAList_HoweverManyRunsItHas()
    {
        // 2 arms x 100,000 replicates: a list of them would take 2.4 MB; the plan is a rule, enumerated when needed.
        LoadedScenario scenario = TestScenarios.Small(replicates: 100_000, horizon: 1);
        long before = GC.GetAllocatedBytesForCurrentThread();
        RunPlan plan = RunPlan.For(scenario, ShardSpec.All);
        RunPlan shard = RunPlan.For(scenario, new ShardSpec(Index: 1, Count: 3));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(200_000, plan.Count);
        Assert.Equal(66_667, shard.Count);
        Assert.True(allocated < 100_000, $"planning allocated {allocated:N0} bytes");
        Assert.Equal(new RunCoordinates(0, 1, 99_999), plan.Runs.Last());
        Assert.Equal([new RunCoordinates(0, 0, 7), new RunCoordinates(0, 1, 7)], plan.Groups().ElementAt(7));
    }

    [Fact]
    public void Preflight_LocatesABudgetLargerThanTheEligibleAgents()
    {
        LoadedScenario scenario = ScenarioLoader.Parse(
            "organisation: {agents: 100, span: 9}\narms:\n  - name: a\n    seeding:\n      strategy: bottom-up-teams\n      budget: 95\n",
            "big-budget.yaml");
        ScenarioError error = Assert.Single(Preflight.Check(scenario));
        Assert.Equal(6, error.Line);
        Assert.Contains("can choose from only", error.Message, StringComparison.Ordinal);
        Assert.Contains("lower the budget to at most", error.Message, StringComparison.Ordinal);
    }

    private static string Timeseries(string scenarioText, int threads) =>
        File.ReadAllText(Path.Combine(TestRuns.InFolder(scenarioText, threads), ResultsFolder.TimeseriesFileName));
}
