using OrgSim.Core.Agents;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;
using OrgSim.Core.Model;

namespace OrgSim.Core.Tests.Graph;

/// <summary>A complete graph is stored implicitly, and behaves exactly as one stored edge by edge.</summary>
public class CompleteGraphTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void Complete_RowsHoldEveryOtherAgentOnceAsATeamPeer(int n)
    {
        OrgGraph graph = ClassicNetworks.Complete(n);
        Assert.True(graph.IsComplete);
        Assert.Equal(n * (n - 1), graph.EdgeCount);
        for (int v = 0; v < n; v++)
        {
            Assert.Equal(Enumerable.Range(0, n).Where(u => u != v), graph.Neighbours(v).ToArray().Order());
            Assert.Equal(n - 1, graph.Degree(v));
            Assert.All(graph.EdgeTypesOf(v).ToArray(), t => Assert.Equal(EdgeType.TeamPeer, t));
            Assert.All(graph.EdgeWeightsOf(v).ToArray(), w => Assert.Equal(1f, w));
        }
    }

    [Fact]
    public void Complete_OfTenThousandAgentsHoldsKilobytesNotItsHundredMillionEdges()
    {
        OrgGraph graph = ClassicNetworks.Complete(10_000);
        Assert.Equal(99_990_000, graph.EdgeCount);

        // Stored edge by edge it would hold 5 bytes per directed edge: 500 MB.
        Assert.InRange(graph.SizeInBytes, 1, 1_000_000);
    }

    [Fact]
    public void Complete_RefusesMoreAgentsThanItsEdgesCanBeCounted()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassicNetworks.Complete(OrgGraph.MaxCompleteAgents + 1));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Complete_GivesTheSameRunsAsACompleteGraphStoredEdgeByEdge(bool learning)
    {
        // The full model (learning, pacing follow-ups, feedforward) and classic simple contagion.
        const int n = 120;
        OrgGraph implicitGraph = ClassicNetworks.Complete(n);
        var builder = new OrgGraphBuilder(n);
        for (int v = 0; v < n; v++)
        {
            builder.SetNode(v, manager: -1, team: 0, level: 0, Role.FrontLine);
        }

        for (int a = 0; a < n; a++)
        {
            for (int b = a + 1; b < n; b++)
            {
                builder.AddTie(a, b, EdgeType.TeamPeer);
            }
        }

        OrgGraph storedGraph = builder.Build();
        ModelParameters model = learning
            ? new ModelParameters { Transmission = 0.002 }
            : new ModelParameters { Learning = false, DeployProbabilityHabit = 1, Transmission = 0.001 };
        using var implicitRun = new Simulation(implicitGraph, model, seed: 8, threads: 2, path: EnginePath.General);
        using var storedRun = new Simulation(storedGraph, model, seed: 8, threads: 1);
        using var kernelRun = new Simulation(implicitGraph, model, seed: 8);
        Assert.Equal(!learning, kernelRun.UsesClassicKernel);
        int[] seeds = [3, 50, 99];
        foreach (Simulation s in new[] { implicitRun, storedRun, kernelRun })
        {
            s.Seed(seeds, CompetencySet.All, learning ? Stage.ConsciousCompetence : Stage.UnconsciousCompetence);
        }

        for (int t = 0; t < 60; t++)
        {
            implicitRun.Step();
            storedRun.Step();
            kernelRun.Step();
            Assert.Equal(storedRun.State.CopyStages(), implicitRun.State.CopyStages());
            Assert.Equal(storedRun.State.CopyStages(), kernelRun.State.CopyStages());
        }

        Assert.True(storedRun.StageCounts[(int)Stage.UnconsciousCompetence] > seeds.Length, "the run should spread");
    }
}
