using OrgSim.Core.Graph;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Scenarios;

public class ScenarioLimitsTests
{
    [Theory]
    [InlineData(1, 8, 2.0)]
    [InlineData(1_000, 8, 2.0)]
    [InlineData(1_001, 10, 0.5)]
    [InlineData(5_000, 3, 4.0)]
    public void DirectedEdges_MatchesWhatTheGeneratorBuilds(int agents, int span, double crossTeam)
    {
        var options = new HierarchyOptions { Agents = agents, Span = span, CrossTeamTiesPerAgent = crossTeam };
        Assert.Equal(HierarchyGenerator.Generate(options, 3).EdgeCount, ScenarioLimits.DirectedEdges(options));
    }

    [Fact]
    public void Check_LocatesAnOrganisationWithTooManyEdgesAtItsSpan()
    {
        LoadedScenario scenario = ScenarioLoader.Parse(
            "organisation:\n  agents: 20000000\n  span: 1000\narms: [{name: a, seeding: {strategy: random, budget: 1}}]", "big.yaml");
        ScenarioError error = Assert.Single(ScenarioLimits.Check(scenario));
        Assert.Equal(3, error.Line);
        Assert.Contains("at most 2,147,483,591 fit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LocatesResultsTooLargeForMemoryAtReplicates()
    {
        LoadedScenario scenario = ScenarioLoader.Parse(
            "horizon_weeks: 5200\nreplicates: 100000\narms: [{name: a, seeding: {strategy: random, budget: 1}}]", "long.yaml");
        ScenarioError error = Assert.Single(ScenarioLimits.Check(scenario));
        Assert.Equal(2, error.Line);
        Assert.Contains("lower replicates or horizon_weeks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AcceptsTheQuickstart() =>
        Assert.Empty(ScenarioLimits.Check(ScenarioLoader.Load(TestPaths.Scenario("quickstart.yaml"))));
}
