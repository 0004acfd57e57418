using OrgSim.Core.Agents;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;
using OrgSim.Core.Model;

namespace OrgSim.Core.Tests.Engine;

/// <summary>
/// The fractional rule adopts when the share X/Σ reaches θ, equality included: for θ = m/k, an
/// agent with k contacts of one strength adopts when exactly m of them deploy and not when m − 1
/// do, whether or not m/k is a binary fraction (0.1, 0.3, 1/6 are not; 0.25, 0.375 are).
/// </summary>
public class ThresholdEqualityTests
{
    /// <summary>Classic mode, every adopter deploying every week, every relationship of strength 1 unless given.</summary>
    private static ModelParameters Watts(double theta, Relationship? manager = null) => new()
    {
        Learning = false,
        Adoption = AdoptionRule.FractionalThreshold,
        Threshold = ThresholdDistribution.Fixed(theta),
        DeployProbabilityHabit = 1,
        Relationships = new Relationships { TeamPeer = new(1, 1), Manager = manager ?? new(1, 1), Report = new(1, 1), CrossTeam = new(1, 1) },
    };

    public static TheoryData<int, int, double> SharesOnRings() => new()
    {
        { 10, 1, 0.1 }, { 10, 2, 0.2 }, { 10, 3, 0.3 }, { 10, 4, 0.4 }, { 10, 5, 0.5 },
        { 10, 6, 0.6 }, { 10, 7, 0.7 }, { 10, 8, 0.8 }, { 10, 9, 0.9 }, { 10, 10, 1.0 },
        { 4, 1, 0.25 }, { 4, 3, 0.75 },
        { 6, 1, 1.0 / 6 }, { 6, 2, 2.0 / 6 }, { 6, 5, 5.0 / 6 },
        { 8, 3, 0.375 }, { 8, 7, 0.875 },
        { 20, 3, 0.15 }, { 20, 7, 0.35 },
        { 50, 9, 0.18 }, { 50, 29, 0.58 },
    };

    [Theory]
    [MemberData(nameof(SharesOnRings))]
    public void FractionalThreshold_OnARing_AdoptsWithExactlyMOfKContactsDeploying(int k, int m, double theta)
    {
        OrgGraph ring = ClassicNetworks.RingLattice(4 * k, k);

        Assert.True(AdoptsAfterOneWeek(ring, Watts(theta), agent: 0, deploying: FirstContacts(ring, 0, m)), $"θ = {theta}: {m} of {k} contacts deploying should be enough");
        Assert.False(AdoptsAfterOneWeek(ring, Watts(theta), agent: 0, deploying: FirstContacts(ring, 0, m - 1)), $"θ = {theta}: {m - 1} of {k} contacts deploying should not be enough");
    }

    [Theory]
    [InlineData(1, 0.1)]
    [InlineData(3, 0.3)]
    [InlineData(7, 0.7)]
    public void FractionalThreshold_OnARingOfWeightedTies_AdoptsWithExactlyMOfKContactsDeploying(int m, double theta)
    {
        // Every tie of weight 0.3: the edge-by-edge path, every contact of one strength.
        const int n = 40, k = 10;
        var builder = new OrgGraphBuilder(n);
        for (int a = 0; a < n; a++)
        {
            for (int d = 1; d <= k / 2; d++)
            {
                builder.AddTie(a, (a + d) % n, EdgeType.TeamPeer, 0.3f);
            }
        }

        OrgGraph ring = builder.Build();

        Assert.True(AdoptsAfterOneWeek(ring, Watts(theta), agent: 0, deploying: FirstContacts(ring, 0, m)), $"θ = {theta}: {m} of {k} contacts deploying should be enough");
        Assert.False(AdoptsAfterOneWeek(ring, Watts(theta), agent: 0, deploying: FirstContacts(ring, 0, m - 1)), $"θ = {theta}: {m - 1} of {k} contacts deploying should not be enough");
    }

    [Theory]
    [InlineData(1, 0.3)]  // the manager alone: 3 of 10
    [InlineData(2, 0.4)]  // the manager and one peer: 4 of 10
    [InlineData(3, 0.5)]
    [InlineData(8, 1.0)]
    public void FractionalThreshold_WithContactsOfDifferentStrengths_AdoptsWhenTheWeightedShareEqualsTheThreshold(int deploying, double theta)
    {
        // Agent 0 has a manager (agent 1) of strength 3 and seven peers of strength 1: Σ = 10.
        var builder = new OrgGraphBuilder(9);
        builder.SetNode(0, manager: 1, team: 0, level: 1, Role.FrontLine);
        builder.AddTie(0, 1, EdgeType.Manager);
        for (int peer = 2; peer < 9; peer++)
        {
            builder.AddTie(0, peer, EdgeType.TeamPeer);
        }

        OrgGraph graph = builder.Build();
        ModelParameters parameters = Watts(theta, manager: new(1, 3));
        int[] contacts = [.. Enumerable.Range(1, 8)];

        Assert.True(AdoptsAfterOneWeek(graph, parameters, 0, contacts[..deploying]), $"θ = {theta}: the share with {deploying} deploying should be enough");
        Assert.False(AdoptsAfterOneWeek(graph, parameters, 0, contacts[..(deploying - 1)]), $"θ = {theta}: the share with {deploying - 1} deploying should not be enough");
    }

    [Theory]
    [InlineData(2, 0.3)]  // 0.1 + 0.2 of 1.0
    [InlineData(3, 0.6)]  // 0.1 + 0.2 + 0.3 of 1.0
    [InlineData(4, 1.0)]
    public void FractionalThreshold_WithDecimalEdgeWeights_AdoptsWhenTheWeightedShareEqualsTheThreshold(int deploying, double theta)
    {
        // Edge weights are single precision: 0.1f + 0.2f is 0.3000000045, Σ = 1.0000000224, a
        // share of 0.2999999978 < 0.3. The tolerance on the share covers that rounding.
        var builder = new OrgGraphBuilder(5);
        float[] weights = [0.1f, 0.2f, 0.3f, 0.4f];
        for (int i = 0; i < weights.Length; i++)
        {
            builder.AddTie(0, i + 1, EdgeType.TeamPeer, weights[i]);
        }

        OrgGraph graph = builder.Build();
        int[] contacts = [1, 2, 3, 4];

        Assert.True(AdoptsAfterOneWeek(graph, Watts(theta), 0, contacts[..deploying]), $"θ = {theta}: {deploying} deploying should be enough");
        Assert.False(AdoptsAfterOneWeek(graph, Watts(theta), 0, contacts[..(deploying - 1)]), $"θ = {theta}: {deploying - 1} deploying should not be enough");
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(0.1, false)]
    public void FractionalThreshold_AnAgentWithoutContactsAdoptsOnlyAtThresholdZero(double theta, bool adopts)
    {
        OrgGraph graph = new OrgGraphBuilder(2).Build();

        Assert.Equal(adopts, AdoptsAfterOneWeek(graph, Watts(theta), agent: 0, deploying: [1]));
    }

    /// <summary>The first <paramref name="count"/> contacts of <paramref name="agent"/> in its row.</summary>
    private static int[] FirstContacts(OrgGraph graph, int agent, int count) => graph.Neighbours(agent)[..count].ToArray();

    /// <summary>Whether <paramref name="agent"/> has adopted after one week in which exactly <paramref name="deploying"/> deploy.</summary>
    private static bool AdoptsAfterOneWeek(OrgGraph graph, ModelParameters parameters, int agent, int[] deploying)
    {
        using var simulation = new Simulation(graph, parameters, seed: 7);
        simulation.Seed(deploying, CompetencySet.Of(Competency.Decisiveness), Stage.UnconsciousCompetence);
        simulation.Step();
        return simulation.State.GetStage(agent, Competency.Decisiveness) == Stage.UnconsciousCompetence;
    }
}
