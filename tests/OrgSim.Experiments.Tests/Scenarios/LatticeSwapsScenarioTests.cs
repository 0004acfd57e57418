using OrgSim.Core.Graph;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Scenarios;

/// <summary><c>organisation.swaps_per_tie</c>: degree-preserving rewiring of a ring or a grid.</summary>
public class LatticeSwapsScenarioTests
{
    private const string Arm = "arms: [{name: a, seeding: {strategy: random, budget: 2}}]";

    private static int[][] Ties(OrgGraph g) => Enumerable.Range(0, g.NodeCount).Select(v => g.Neighbours(v).ToArray()).ToArray();

    [Theory]
    [InlineData("organisation: {generator: ring, agents: 300, degree: 6, swaps_per_tie: 0.2}")]
    [InlineData("organisation: {generator: grid, agents: 300, width: 20, swaps_per_tie: 0.2}")]
    public void SwapsPerTie_RewiresTheLatticeKeepingEveryDegree(string organisation)
    {
        OrganisationSpec spec = ScenarioLoader.Parse(organisation + "\n" + Arm, "s.yaml").Spec.Organisation;
        Assert.Equal(0.2, spec.SwapsPerTie);
        OrgGraph lattice = OrganisationFactory.Build(spec with { SwapsPerTie = 0 }, 11);
        OrgGraph rewired = OrganisationFactory.Build(spec, 11);
        Assert.Equal(Enumerable.Range(0, 300).Select(lattice.Degree), Enumerable.Range(0, 300).Select(rewired.Degree));
        Assert.Equal(Ties(DegreePreservingRewiring.Rewire(lattice, 0.2, 11)), Ties(rewired));
        Assert.NotEqual(Ties(lattice), Ties(rewired));
        Assert.Equal(OrganisationFactory.DirectedEdges(spec), rewired.EdgeCount);
    }

    [Fact]
    public void NoSwapsPerTie_BuildsThePlainLattice()
    {
        OrganisationSpec spec = ScenarioLoader.Parse("organisation: {generator: ring, agents: 100, degree: 4}\n" + Arm, "s.yaml").Spec.Organisation;
        Assert.Equal(0, spec.SwapsPerTie);
        Assert.Equal(Ties(ClassicNetworks.RingLattice(100, 4)), Ties(OrganisationFactory.Build(spec, 3)));
    }

    [Theory]
    [InlineData("organisation: {generator: ring, agents: 100, swaps_per_tie: -1}", "organisation.swaps_per_tie is -1; must be in range [0, 100]")]
    [InlineData("organisation: {generator: grid, agents: 100, swaps_per_tie: 101}", "organisation.swaps_per_tie is 101; must be in range [0, 100]")]
    [InlineData("organisation: {generator: watts-strogatz, agents: 100, swaps_per_tie: 0.1}", "organisation.swaps_per_tie does not apply to generator watts-strogatz; remove it")]
    [InlineData("organisation: {generator: hierarchy, agents: 100, swaps_per_tie: 0.1}", "organisation.swaps_per_tie does not apply to generator hierarchy; remove it")]
    public void Parse_ReportsSwapsMistakesOnTheirLine(string organisation, string expected)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(organisation + "\n" + Arm, "s.yaml"));
        ScenarioError only = Assert.Single(error.Errors);
        Assert.Equal(expected, only.Message);
        Assert.Equal(1, only.Line);
    }

    [Theory]
    [InlineData("organisation: {generator: ring, agents: 60, degree: 4, swaps_per_tie: 0.3}", 0.3)]
    [InlineData("organisation: {generator: grid, agents: 60, swaps_per_tie: 1.5, width: 6}", 1.5)]
    [InlineData("organisation: {generator: grid, agents: 64}", 0)]
    public void RunJson_RoundTripsSwapsPerTie(string organisation, double swaps)
    {
        string scenario = Path.Combine(TestPaths.TempDirectory(), "swaps.yaml");
        File.WriteAllText(scenario, "horizon_weeks: 4\nreplicates: 1\n" + organisation + "\n" + Arm);
        LoadedScenario original = ScenarioLoader.Load(scenario);
        string json = Path.Combine(TestPaths.TempDirectory(), "results", original.Spec.Name, "run.json");
        Directory.CreateDirectory(Path.GetDirectoryName(json)!);
        using (var writer = new StreamWriter(json))
        {
            RunManifest.Write(writer, original);
        }

        string first = File.ReadAllText(json);
        Assert.Equal(swaps > 0, first.Contains("\"swaps_per_tie\"", StringComparison.Ordinal));
        LoadedScenario reloaded = ScenarioLoader.Load(json);
        Assert.Equal(original.Spec.Organisation, reloaded.Spec.Organisation);
        var again = new StringWriter();
        RunManifest.Write(again, reloaded);
        Assert.Equal(first, again.ToString());
    }

    [Fact]
    public void ComplexContagion_SpreadsOnTheLatticeAndStallsOnceItIsRewired()
    {
        // Centola & Macy (2007): a contagion that needs two adopting contacts crosses a clustered
        // ring from one seeded neighbourhood, but not the same ring with a few of its ties swapped,
        // though every agent keeps its four contacts: a swapped tie breaks the overlapping
        // neighbourhoods the front needs, and the front stops at the first break on either side.
        // Measured on 1,000 agents, 3 replicates, seed 7: the lattice reaches 1.0; 0.02 swaps per
        // tie 0.017, 0.05 0.008, 0.2 0.005 and 1 0.005 (the 5 seeds alone).
        double Reach(double swaps)
        {
            string text = $$$"""
                seed: 7
                horizon_weeks: 600
                replicates: 3
                stop_at_quiescence: true
                organisation: {generator: ring, agents: 1000, degree: 4, swaps_per_tie: {{{swaps.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}}
                model:
                  learning: false
                  deploy_probability: {unconscious_competence: 1}
                  relationships: {team_peer: {weight: 1, interactions_per_week: 1}}
                  adoption: {rule: absolute-threshold, threshold: {distribution: fixed, value: 2}}
                arms: [{name: a, seeding: {strategy: random-neighbourhoods, neighbourhoods: 1, competencies: all, stage: unconscious_competence}}]
                """;
            LoadedScenario scenario = ScenarioLoader.Parse(text, "cc.yaml");
            return TestRuns.InMemory(scenario, threads: 2).Results.Average(r => r.Series.CompetentShare(scenario.Spec.HorizonWeeks));
        }

        Assert.Equal(1.0, Reach(0), 9);
        Assert.InRange(Reach(0.02), 0.005, 0.1);
        Assert.Equal(0.005, Reach(1), 9);
    }
}
