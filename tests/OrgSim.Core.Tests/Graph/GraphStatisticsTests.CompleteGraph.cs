using OrgSim.Core.Graph;

namespace OrgSim.Core.Tests.Graph;

/// <summary>A complete graph's statistics come from closed forms: the same report the searches give, without walking its n(n − 1) edges.</summary>
public partial class GraphStatisticsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(40)]
    public void CompleteGraph_ClosedFormsEqualTheSearchesOnTheSameGraphStoredEdgeByEdge(int n)
    {
        // Top = n + 1 lists every agent in both rankings, so ties in the ranking are compared too.
        GraphStatisticsOptions options = Exact with { Top = n + 1, Threads = 2 };
        OrgGraph stored = StoredCompleteGraph(n);
        Assert.False(stored.IsComplete);

        GraphStatisticsReport searched = GraphStatistics.Compute(stored, options);
        GraphStatisticsReport closed = GraphStatistics.Compute(ClassicNetworks.Complete(n), options);

        Assert.Equal(Describe(searched), Describe(closed));
    }

    [Fact]
    public void CompleteGraph_AboveTheExactSizeIsStillExactNotSampled()
    {
        // The searches sampled 5 sources and 5 agents here; the closed forms have nothing to estimate.
        GraphStatisticsOptions sampling = new() { ExactUpTo = 10, SampleSources = 5, ClusteringSample = 5 };
        GraphStatisticsReport stored = GraphStatistics.Compute(StoredCompleteGraph(40), sampling);
        Assert.True(stored.PathSampled && stored.BetweennessSampled && stored.ClusteringSampled);

        GraphStatisticsReport closed = GraphStatistics.Compute(ClassicNetworks.Complete(40), sampling);

        Assert.Equal(Describe(GraphStatistics.Compute(StoredCompleteGraph(40), Exact)), Describe(closed));
    }

    [Fact]
    public void CompleteGraph_OfTheLargestSizeIsMeasuredWithoutItsTwoBillionEdges()
    {
        // The searches cost O(n³) here (10,000 agents took 884 s); the closed forms O(n).
        const int n = OrgGraph.MaxCompleteAgents;
        GraphStatisticsReport report = GraphStatistics.Compute(ClassicNetworks.Complete(n), new GraphStatisticsOptions());

        Assert.Equal((n, (long)n * (n - 1) / 2), (report.NodeCount, report.TieCount));
        Assert.Equal([new TieTypeCount(EdgeType.TeamPeer, "team_peer", (long)n * (n - 1) / 2)], report.TiesByType);
        Assert.Equal((1.0, 1.0, 1, n), (report.Clustering, report.MeanPathLength, report.ComponentCount, report.LargestComponent));
        Assert.Equal((n - 1, n - 1, n - 1.0), (report.Degrees.Min, report.Degrees.Max, report.Degrees.Mean));
        Assert.False(report.PathSampled || report.BetweennessSampled || report.ClusteringSampled);
        Assert.Equal(Enumerable.Range(0, 10), report.TopByBetweenness.Select(a => a.Agent));
        Assert.All(report.TopByBetweenness, a => Assert.Equal(0, a.Value));
    }

    /// <summary>The complete graph on <paramref name="n"/> agents as the classic networks describe it, but stored tie by tie.</summary>
    private static OrgGraph StoredCompleteGraph(int n)
    {
        var builder = new OrgGraphBuilder(n);
        for (int a = 0; a < n; a++)
        {
            for (int b = a + 1; b < n; b++)
            {
                builder.AddTie(a, b, EdgeType.TeamPeer);
            }
        }

        return builder.Build();
    }
}
