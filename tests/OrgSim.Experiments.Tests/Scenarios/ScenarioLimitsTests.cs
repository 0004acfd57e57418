using OrgSim.Core.Graph;
using OrgSim.Experiments.Organisations;
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
        var spec = new OrganisationSpec { Hierarchy = options };
        Assert.Equal(HierarchyGenerator.Generate(options, 3).EdgeCount, OrganisationFactory.DirectedEdges(spec));
    }

    [Theory]
    [InlineData("complete", 0.0)]
    [InlineData("ring", 6.0)]
    [InlineData("grid", 0.0)]
    [InlineData("erdos-renyi", 5.0)]
    [InlineData("watts-strogatz", 4.0)]
    [InlineData("barabasi-albert", 0.0)]
    public void DirectedEdges_MatchesEveryClassicNetwork(string generator, double degree)
    {
        var spec = new OrganisationSpec
        {
            Kind = ScenarioNames.Generators[generator],
            Hierarchy = new HierarchyOptions { Agents = 400 },
            Degree = degree,
            Attachments = 3,
        };
        Assert.Equal(OrganisationFactory.Build(spec, 5).EdgeCount, OrganisationFactory.DirectedEdges(spec));
    }

    [Fact]
    public void Check_LocatesAnOrganisationWithTooManyEdgesAtItsSpan()
    {
        LoadedScenario scenario = ScenarioLoader.Parse(
            "organisation:\n  agents: 20000000\n  span: 1000\narms: [{name: a, seeding: {strategy: random, budget: 1}}]", "big.yaml");
        ScenarioError error = Assert.Single(ScenarioLimits.Check(scenario));
        Assert.Equal(3, error.Line);
        Assert.Contains("at most 2,147,483,591 fit", error.Message, StringComparison.Ordinal);
        Assert.Contains("hierarchy of 20,000,000 agents", error.Message, StringComparison.Ordinal);
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
