using OrgSim.Experiments.Output;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Running;

public class ExperimentRunnerTests
{
    [Fact]
    public void Run_OrdersRunsByArmThenReplicateAndRecordsEveryTick()
    {
        ScenarioSpec spec = TestScenarios.Small().Spec;
        ExperimentResult result = ExperimentRunner.Run(spec, threads: 2);
        Assert.Equal(
            spec.Arms.SelectMany(a => Enumerable.Range(0, spec.Replicates).Select(r => (a.Name, r))),
            result.Runs.Select(r => (r.Arm, r.Replicate)));
        Assert.All(result.Runs, r => Assert.Equal(spec.HorizonWeeks + 1, r.Series.RecordedTicks));
    }

    [Fact]
    public void Run_WithTheSameSeedWritesIdenticalTimeseries()
    {
        ScenarioSpec spec = TestScenarios.Small().Spec;
        Assert.Equal(Timeseries(spec, 1), Timeseries(spec, 1));
        Assert.NotEqual(Timeseries(spec, 1), Timeseries(spec with { Seed = 6 }, 1));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Run_WritesIdenticalTimeseriesWhateverTheThreadCount(int threads)
    {
        ScenarioSpec spec = TestScenarios.Small().Spec;
        Assert.Equal(Timeseries(spec, 1), Timeseries(spec, threads));
    }

    [Fact]
    public void Run_OfALargeOrganisationSplitsTicksAcrossThreadsWithIdenticalResults()
    {
        ScenarioSpec spec = TestScenarios.Small(agents: ExperimentRunner.ParallelTickThreshold, replicates: 1, horizon: 8).Spec;
        Assert.Equal(Timeseries(spec, 1), Timeseries(spec, 3));
    }

    [Fact]
    public void Run_ArmsOfAReplicateShareTheOrganisationAndAReplicateCanBeRerunAlone()
    {
        ScenarioSpec spec = TestScenarios.Small().Spec;
        ExperimentResult all = ExperimentRunner.Run(spec, threads: 2);
        var graph = OrgSim.Experiments.Organisations.OrganisationFactory.Build(spec.Organisation, RunSeeds.Organisation(spec.Seed, 2));
        RunResult alone = ExperimentRunner.RunOne(spec, spec.Arms[1], graph, replicate: 2, threads: 1);
        RunResult inside = all.Runs.Single(r => r.Arm == spec.Arms[1].Name && r.Replicate == 2);
        for (int t = 0; t <= spec.HorizonWeeks; t++)
        {
            Assert.Equal(inside.Series.CompetentShare(t), alone.Series.CompetentShare(t));
        }
    }

    [Fact]
    public void Preflight_LocatesABudgetLargerThanTheEligibleAgents()
    {
        LoadedScenario scenario = ScenarioLoader.Parse(
            "organisation: {agents: 100, span: 9}\narms:\n  - name: a\n    seeding:\n      strategy: bottom-up-teams\n      budget: 95\n",
            "big-budget.yaml");
        ScenarioError error = Assert.Single(ExperimentRunner.Preflight(scenario));
        Assert.Equal(6, error.Line);
        Assert.Contains("can choose from only", error.Message, StringComparison.Ordinal);
        Assert.Contains("lower the budget to at most", error.Message, StringComparison.Ordinal);
    }

    private static string Timeseries(ScenarioSpec spec, int threads)
    {
        var writer = new StringWriter();
        TimeseriesCsv.Write(writer, ExperimentRunner.Run(spec, threads));
        return writer.ToString();
    }
}
