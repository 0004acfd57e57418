using OrgSim.Core.Graph;

namespace OrgSim.Core.Tests.Graph;

public class OrgGraphBuilderTests
{
    [Fact]
    public void Build_StoresEachTieInBothDirectionsWithMirroredTypes()
    {
        OrgGraph graph = new OrgGraphBuilder(3)
            .SetNode(0, -1, 0, 0, Role.Executive)
            .SetNode(1, 0, 1, 1, Role.FrontLine)
            .SetNode(2, 0, 1, 1, Role.FrontLine)
            .AddTie(1, 0, EdgeType.Manager)
            .AddTie(2, 0, EdgeType.Manager)
            .AddTie(1, 2, EdgeType.TeamPeer, 0.5f)
            .Build();

        Assert.Equal(3, graph.NodeCount);
        Assert.Equal(6, graph.EdgeCount);
        Assert.Equal([1, 2], graph.Neighbours(0).ToArray());
        Assert.Equal([EdgeType.Report, EdgeType.Report], graph.EdgeTypesOf(0).ToArray());
        Assert.Equal([0, 2], graph.Neighbours(1).ToArray());
        Assert.Equal([EdgeType.Manager, EdgeType.TeamPeer], graph.EdgeTypesOf(1).ToArray());
        Assert.Equal([1f, 0.5f], graph.EdgeWeightsOf(1).ToArray());
        Assert.Equal(2, graph.TeamCount);
        Assert.Equal(2, graph.LevelCount);
        Assert.Equal(-1, graph.Manager(0));
    }

    [Fact]
    public void Build_GroupsEachRowByType_KeepingTheOrderOfAddingWithinAType()
    {
        OrgGraph graph = new OrgGraphBuilder(5)
            .AddTie(0, 4, EdgeType.CrossTeam, 0.5f)
            .AddTie(0, 3, EdgeType.TeamPeer)
            .AddTie(0, 1, EdgeType.Mentor)
            .AddTie(0, 2, EdgeType.TeamPeer, 0.25f)
            .AddTie(2, 3, EdgeType.CrossTeam)
            .Build();

        Assert.Equal([3, 2, 4, 1], graph.Neighbours(0).ToArray());
        Assert.Equal([EdgeType.TeamPeer, EdgeType.TeamPeer, EdgeType.CrossTeam, EdgeType.Mentor], graph.EdgeTypesOf(0).ToArray());
        Assert.Equal([1f, 0.25f, 0.5f, 1f], graph.EdgeWeightsOf(0).ToArray());
        Assert.Equal([0, 3], graph.Neighbours(2).ToArray());
        Assert.Equal([EdgeType.Mentee], graph.EdgeTypesOf(1).ToArray());
    }

    [Fact]
    public void Build_StoresNoWeightsWhenEveryWeightIsOne()
    {
        OrgGraph graph = new OrgGraphBuilder(3).AddTie(0, 1, EdgeType.TeamPeer).AddTie(1, 2, EdgeType.TeamPeer).Build();
        Assert.True(graph.HasUnitWeights);
        Assert.Empty(graph.Weights);
        Assert.Equal([1f, 1f], graph.EdgeWeightsOf(1).ToArray());
        // offsets, targets, unit row, types; managers, supporters, teams, functions, sites (4 B each), levels, roles, remote flags (1 B each).
        Assert.Equal((4L * 4) + (4 * 4) + (2 * 4) + 4 + (5 * 3 * 4) + (3 * 3), graph.SizeInBytes);
    }

    [Fact]
    public void Build_KeepsEveryTiesWeightOnceOneIsNotOne()
    {
        // Weights are stored only from the first that is not 1; the ties before it must read 1.
        OrgGraph graph = new OrgGraphBuilder(4)
            .AddTie(0, 1, EdgeType.TeamPeer)
            .AddTie(0, 2, EdgeType.TeamPeer)
            .AddTie(0, 3, EdgeType.CrossTeam, 0.25f)
            .AddTie(1, 2, EdgeType.TeamPeer)
            .AddTie(2, 3, EdgeType.CrossTeam, 0.5f)
            .Build();

        Assert.False(graph.HasUnitWeights);
        Assert.Equal([1f, 1f, 0.25f], graph.EdgeWeightsOf(0).ToArray());
        Assert.Equal([1f, 1f], graph.EdgeWeightsOf(1).ToArray());
        Assert.Equal([1f, 1f, 0.5f], graph.EdgeWeightsOf(2).ToArray());
        Assert.Equal([0.25f, 0.5f], graph.EdgeWeightsOf(3).ToArray());
    }

    [Fact]
    public void AddTie_RejectsSelfLoop()
    {
        var builder = new OrgGraphBuilder(2);
        Assert.Throws<ArgumentException>(() => builder.AddTie(1, 1, EdgeType.TeamPeer));
    }

    [Fact]
    public void Build_RejectsTheSamePairTiedTwice()
    {
        var builder = new OrgGraphBuilder(2).AddTie(0, 1, EdgeType.TeamPeer).AddTie(1, 0, EdgeType.CrossTeam);
        var error = Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Contains("tied more than once", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void AddTie_RejectsUnknownAgent(int agent)
    {
        var builder = new OrgGraphBuilder(2);
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddTie(0, agent, EdgeType.TeamPeer));
    }

    [Theory]
    [InlineData(-0.1f)]
    [InlineData(1.5f)]
    [InlineData(float.NaN)]
    public void AddTie_RejectsWeightOutsideUnitInterval(float weight)
    {
        var builder = new OrgGraphBuilder(2);
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddTie(0, 1, EdgeType.TeamPeer, weight));
    }
}
