using OrgSim.Core.Graph;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Scenarios;

/// <summary><c>organisation.tie_probability</c>: Erdős–Rényi as G(n, p) instead of G(n, m).</summary>
public class ErdosRenyiGnpScenarioTests
{
    private const string Arm = "arms: [{name: a, seeding: {strategy: random, budget: 2}}]";

    [Fact]
    public void TieProbability_BuildsGnp()
    {
        OrganisationSpec spec = ScenarioLoader.Parse("organisation: {generator: erdos-renyi, agents: 400, tie_probability: 0.02}\n" + Arm, "g.yaml").Spec.Organisation;
        Assert.Equal(0.02, spec.TieProbability);
        OrgGraph graph = OrganisationFactory.Build(spec, 11);
        OrgGraph expected = ClassicNetworks.ErdosRenyiGnp(400, 0.02, 11);
        Assert.Equal(expected.EdgeCount, graph.EdgeCount);
        Assert.All(Enumerable.Range(0, 400), v => Assert.Equal(expected.Neighbours(v).ToArray(), graph.Neighbours(v).ToArray()));
        Assert.Equal(2 * 1_596, OrganisationFactory.DirectedEdges(spec)); // 0.02 · 400 · 399 / 2 = 1,596 expected ties
    }

    [Fact]
    public void Degree_StillBuildsGnm()
    {
        OrganisationSpec spec = ScenarioLoader.Parse("organisation: {generator: erdos-renyi, agents: 400, degree: 6}\n" + Arm, "g.yaml").Spec.Organisation;
        Assert.Null(spec.TieProbability);
        Assert.Equal(400 * 6, OrganisationFactory.Build(spec, 11).EdgeCount);
    }

    [Theory]
    [InlineData(
        "organisation: {generator: erdos-renyi, agents: 100, degree: 4, tie_probability: 0.1}",
        "organisation.tie_probability and organisation.degree both size the Erdős–Rényi network; give degree for G(n, m) (exactly n·degree/2 ties) or tie_probability for G(n, p) (each pair tied independently), not both")]
    [InlineData("organisation: {generator: erdos-renyi, agents: 100, tie_probability: 1.5}", "organisation.tie_probability is 1.5; must be in range [0, 1]")]
    [InlineData("organisation: {generator: ring, agents: 100, tie_probability: 0.1}", "organisation.tie_probability does not apply to generator ring; remove it")]
    public void Parse_ReportsTieProbabilityMistakesOnTheirLine(string organisation, string expected)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(organisation + "\n" + Arm, "g.yaml"));
        ScenarioError only = Assert.Single(error.Errors);
        Assert.Equal(expected, only.Message);
        Assert.Equal(1, only.Line);
    }

    [Fact]
    public void TieProbability_WithFewAgents_IsNotCheckedAgainstTheDefaultDegree()
    {
        // The default degree 4 needs 5 agents; G(n, p) does not read it.
        OrganisationSpec spec = ScenarioLoader.Parse("organisation: {generator: erdos-renyi, agents: 3, tie_probability: 0.5}\narms: [{name: a, seeding: {strategy: random, budget: 1}}]", "g.yaml").Spec.Organisation;
        Assert.Equal(3, OrganisationFactory.Build(spec, 1).NodeCount);
    }
}
