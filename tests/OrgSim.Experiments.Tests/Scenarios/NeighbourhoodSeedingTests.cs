using OrgSim.Core.Agents;
using OrgSim.Core.Seeding;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Scenarios;

/// <summary>The neighbourhood strategies in a scenario: how they are written, checked and run.</summary>
public class NeighbourhoodSeedingTests
{
    private static string Scenario(string seeding) => $$$"""
        seed: 3
        horizon_weeks: 2
        replicates: 1
        organisation: {generator: ring, agents: 40, degree: 4}
        model:
          learning: false
          adoption: {rule: fractional-threshold, threshold: {value: 1}}
        arms: [{name: a, seeding: {{{seeding}}}}]
        """;

    [Fact]
    public void Neighbourhood_SeedsTheCentreAndItsFourContacts()
    {
        ScenarioSpec spec = ScenarioLoader.Parse(Scenario("{strategy: neighbourhood, centre: 10, stage: 3}"), "n.yaml").Spec;
        Assert.Equal(new SeedingPlan(SeedingStrategy.Neighbourhood, 1, CompetencySet.All, Stage.UnconsciousCompetence, 0, 10), spec.Arms[0].Seeding);
        RunResult run = TestRuns.InMemory(spec, threads: 1).Results.Single();
        Assert.Equal(5, run.Series.Count(0, Competency.Pacing, Stage.UnconsciousCompetence));
    }

    [Fact]
    public void RandomNeighbourhoods_ReadsItsCount()
    {
        ScenarioSpec spec = ScenarioLoader.Parse(Scenario("{strategy: random-neighbourhoods, neighbourhoods: 3}"), "n.yaml").Spec;
        Assert.Equal((SeedingStrategy.RandomNeighbourhoods, 3), (spec.Arms[0].Seeding.Strategy, spec.Arms[0].Seeding.Budget));
        RunResult run = TestRuns.InMemory(spec, threads: 1).Results.Single();
        Assert.InRange(run.Series.Count(0, Competency.Pacing, Stage.ConsciousCompetence), 3 + 4, 15);
    }

    [Theory]
    [InlineData("{strategy: neighbourhood}", "arms[0].seeding.centre is missing; strategy neighbourhood needs it, e.g. 'centre: 0', the id of the agent whose neighbourhood is trained")]
    [InlineData("{strategy: neighbourhood, centre: 1, budget: 5}", "arms[0].seeding.budget does not apply to strategy neighbourhood, which seeds one agent and its contacts; remove it")]
    [InlineData("{strategy: random-neighbourhoods}", "arms[0].seeding.neighbourhoods is missing; strategy random-neighbourhoods needs it, e.g. 'neighbourhoods: 5', how many neighbourhoods are drawn")]
    [InlineData("{strategy: random-neighbourhoods, neighbourhoods: 2, share: 0.1}", "arms[0].seeding.share does not apply to strategy random-neighbourhoods, which seeds neighbourhoods (count them with neighbourhoods); remove it")]
    [InlineData("{strategy: random-neighbourhoods, neighbourhoods: 0}", "arms[0].seeding.neighbourhoods is 0; must be in range [1, ")]
    [InlineData("{strategy: random, budget: 2, centre: 3}", "arms[0].seeding.centre does not apply to strategy random, which seeds a budget of agents; remove it")]
    public void Parse_ReportsNeighbourhoodMistakesOnTheirLine(string seeding, string expected)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse($"arms: [{{name: a, seeding: {seeding}}}]", "s.yaml"));
        ScenarioError only = Assert.Single(error.Errors);
        Assert.StartsWith(expected, only.Message, StringComparison.Ordinal);
        Assert.Equal(1, only.Line);
    }

    [Theory]
    [InlineData("{strategy: neighbourhood, centre: 40}", "arms[0].seeding.centre is 40, but the organisation's agents are 0 … 39; choose an agent id in that range")]
    [InlineData("{strategy: random-neighbourhoods, neighbourhoods: 41}", "arms[0].seeding.neighbourhoods is 41, but only 40 employees can be a centre in this organisation; lower it to at most 40")]
    public void Preflight_ChecksTheCentresAgainstTheOrganisation(string seeding, string expected)
    {
        LoadedScenario scenario = ScenarioLoader.Parse(Scenario(seeding), "n.yaml");
        ScenarioError only = Assert.Single(Preflight.CheckAllPoints(scenario));
        Assert.Equal(expected, only.Message);
        Assert.Equal(8, only.Line);
    }
}
