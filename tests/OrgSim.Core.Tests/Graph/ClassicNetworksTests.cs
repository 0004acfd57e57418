using OrgSim.Core.Graph;

namespace OrgSim.Core.Tests.Graph;

public class ClassicNetworksTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(50)]
    public void Complete_TiesEveryPair(int n)
    {
        OrgGraph graph = ClassicNetworks.Complete(n);
        Assert.Equal((long)n * (n - 1), graph.EdgeCount);
        Assert.All(Enumerable.Range(0, n), v => Assert.Equal(n - 1, graph.Degree(v)));
    }

    [Theory]
    [InlineData(10, 2)]
    [InlineData(100, 6)]
    public void RingLattice_GivesEveryAgentDegreeKAndItsNearestNeighbours(int n, int k)
    {
        OrgGraph graph = ClassicNetworks.RingLattice(n, k);
        Assert.Equal(n * k, graph.EdgeCount);
        for (int v = 0; v < n; v++)
        {
            var expected = Enumerable.Range(1, k / 2).SelectMany(j => new[] { (v + j) % n, (v - j + n) % n }).ToHashSet();
            Assert.Equal(expected, graph.Neighbours(v).ToArray().ToHashSet());
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 3)]
    [InlineData(20, 20)]
    public void Grid_TiesOrthogonalNeighbours(int width, int height)
    {
        OrgGraph graph = ClassicNetworks.Grid(width, height);
        Assert.Equal(2 * (((width - 1) * height) + (width * (height - 1))), graph.EdgeCount);
        for (int v = 0; v < width * height; v++)
        {
            Assert.All(graph.Neighbours(v).ToArray(), u =>
                Assert.Equal(1, Math.Abs((u % width) - (v % width)) + Math.Abs((u / width) - (v / width))));
        }
    }

    [Theory]
    [InlineData(1_000, 4.0)]
    [InlineData(5_000, 10.0)]
    public void ErdosRenyi_HasExactlyTheMeanDegreeAndVariesWithTheSeed(int n, double meanDegree)
    {
        OrgGraph a = ClassicNetworks.ErdosRenyi(n, meanDegree, 1);
        Assert.Equal(Math.Round(n * meanDegree / 2) * 2, a.EdgeCount);
        Assert.Equal(a.Targets, ClassicNetworks.ErdosRenyi(n, meanDegree, 1).Targets);
        Assert.NotEqual(a.Targets, ClassicNetworks.ErdosRenyi(n, meanDegree, 2).Targets);

        // Degrees of G(n, m) are close to Poisson(meanDegree): their variance is near the mean.
        // Over 1,000+ agents the sample variance's relative standard error is below 5%; allow 25%.
        double variance = Enumerable.Range(0, n).Select(v => Math.Pow(a.Degree(v) - meanDegree, 2)).Average();
        Assert.InRange(variance, meanDegree * 0.75, meanDegree * 1.25);
    }

    [Fact]
    public void WattsStrogatz_WithoutRewiringIsTheRingAndWithRewiringKeepsTheTieCount()
    {
        OrgGraph ring = ClassicNetworks.RingLattice(500, 4);
        Assert.Equal(ring.Targets, ClassicNetworks.WattsStrogatz(500, 4, 0.0, 9).Targets);
        OrgGraph rewired = ClassicNetworks.WattsStrogatz(500, 4, 0.2, 9);
        Assert.Equal(ring.EdgeCount, rewired.EdgeCount);

        // Each of the 1,000 ties moves with probability 0.2: expect 200 long-range ties, SD 12.6; allow 5 SD.
        int moved = 0;
        for (int v = 0; v < 500; v++)
        {
            moved += rewired.Neighbours(v).ToArray().Count(u => Math.Min(Math.Abs(u - v), 500 - Math.Abs(u - v)) > 2);
        }

        Assert.InRange(moved / 2, 200 - 63, 200 + 63);
    }

    [Fact]
    public void WattsStrogatz_StopsWhenCancelled()
    {
        // SIGTERM while a large small world is generated: the generator must stop, not finish first.
        Assert.Throws<OperationCanceledException>(() => ClassicNetworks.WattsStrogatz(10_000, 4, 0.1, 9, new CancellationToken(canceled: true)));
        Assert.Equal(10_000, ClassicNetworks.WattsStrogatz(5_000, 4, 0.1, 9, CancellationToken.None).EdgeCount / 2);
    }

    [Theory]
    [InlineData(1_000, 1)]
    [InlineData(2_000, 3)]
    public void BarabasiAlbert_AddsMTiesPerAgentAndGrowsHubs(int n, int m)
    {
        OrgGraph graph = ClassicNetworks.BarabasiAlbert(n, m, 4);
        Assert.Equal(2L * ((m * (m + 1) / 2) + ((long)(n - m - 1) * m)), graph.EdgeCount);
        Assert.All(Enumerable.Range(0, n), v => Assert.True(graph.Degree(v) >= m));

        // Preferential attachment makes hubs: the largest degree is far above the mean (about 2m).
        // For these sizes it is about m·sqrt(n) in expectation; require at least 5 times the mean.
        Assert.True(Enumerable.Range(0, n).Max(graph.Degree) > 5 * 2 * m);
        Assert.Equal(graph.Targets, ClassicNetworks.BarabasiAlbert(n, m, 4).Targets);
    }

    [Fact]
    public void ClassicNetworks_AreFlat()
    {
        OrgGraph graph = ClassicNetworks.ErdosRenyi(100, 3, 1);
        Assert.All(Enumerable.Range(0, 100), v =>
        {
            Assert.Equal(0, graph.Level(v));
            Assert.Equal(Role.FrontLine, graph.Role(v));
            Assert.All(graph.EdgeTypesOf(v).ToArray(), t => Assert.Equal(EdgeType.TeamPeer, t));
        });
    }
}
