using OrgSim.Core.Agents;
using OrgSim.Core.Graph;
using OrgSim.Core.Metrics;

namespace OrgSim.Core.Tests.Metrics;

public class SpreadFrontTests
{
    [Fact]
    public void SeedDistances_OnARing_AreTheShorterWayRound()
    {
        OrgGraph ring = ClassicNetworks.RingLattice(10, 2);
        int[] distance = SeedDistances.From(ring, [0]);
        Assert.Equal([0, 1, 2, 3, 4, 5, 4, 3, 2, 1], distance);
    }

    [Fact]
    public void SeedDistances_FromSeveralSeeds_AreToTheNearest()
    {
        OrgGraph ring = ClassicNetworks.RingLattice(10, 2);
        Assert.Equal([0, 1, 2, 2, 1, 0, 1, 2, 2, 1], SeedDistances.From(ring, [0, 5]));
    }

    [Fact]
    public void SeedDistances_LeaveAgentsNoSeedReachesUnreachable()
    {
        OrgGraph twoPairs = new OrgGraphBuilder(4)
            .AddTie(0, 1, EdgeType.TeamPeer)
            .AddTie(2, 3, EdgeType.TeamPeer)
            .Build();
        Assert.Equal([0, 1, SeedDistances.Unreachable, SeedDistances.Unreachable], SeedDistances.From(twoPairs, [0]));
    }

    [Fact]
    public void OutcomeSeries_FrontIsTheMeanAndMaximumDistanceOfCompetentAgents()
    {
        OrgGraph ring = ClassicNetworks.RingLattice(10, 2);
        var state = new AgentState(10);
        var outcomes = new OutcomeSeries(ring, [0], new EffectivenessWeights(), horizon: 1);
        outcomes.Record(state);
        Assert.True(double.IsNaN(outcomes.FrontMean(0)));
        Assert.Equal(-1, outcomes.FrontMax(0));

        // Competent in one competency at distances 0, 3 and 4; only aware (stage 1) at distance 5: not on the front.
        state.SetStage(0, Competency.Decisiveness, Stage.ConsciousCompetence);
        state.SetStage(3, Competency.Pacing, Stage.UnconsciousCompetence);
        state.SetStage(6, Competency.Feedforward, Stage.ConsciousCompetence);
        state.SetStage(5, Competency.Feedforward, Stage.ConsciousIncompetence);
        outcomes.Record(state);
        Assert.Equal((0 + 3 + 4) / 3.0, outcomes.FrontMean(1), 12);
        Assert.Equal(4, outcomes.FrontMax(1));
        Assert.Equal(3, outcomes.CompetentAgents(1));
    }
}
