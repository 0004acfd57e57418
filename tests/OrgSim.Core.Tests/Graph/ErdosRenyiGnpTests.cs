using OrgSim.Core.Graph;

namespace OrgSim.Core.Tests.Graph;

public class ErdosRenyiGnpTests
{
    [Theory]
    [InlineData(2_000, 0.002, 1UL)]
    [InlineData(2_000, 0.002, 2UL)]
    [InlineData(500, 0.1, 3UL)]
    [InlineData(300, 0.5, 4UL)]
    public void TieCount_IsWithinFiveBinomialStandardDeviationsOfItsMean(int n, double p, ulong seed)
    {
        // The tie count is Binomial(N, p) over N = n(n − 1)/2 pairs: mean Np, sd √(Np(1 − p)).
        // Five sd fail by chance with probability 6·10^-7, and a count off by a constant factor
        // (a pair skipped, or visited twice) is off by far more: at n = 2,000, p = 0.002 the mean is
        // 3,998 and the sd 63, so 5 sd is 8% of the mean.
        double pairs = n * (n - 1) / 2.0;
        double mean = pairs * p, sd = Math.Sqrt(pairs * p * (1 - p));
        OrgGraph graph = ClassicNetworks.ErdosRenyiGnp(n, p, seed);
        Assert.InRange(graph.EdgeCount / 2, mean - (5 * sd), mean + (5 * sd));
    }

    [Fact]
    public void Graph_HasNoSelfLoopsOrDuplicateTies()
    {
        OrgGraph graph = ClassicNetworks.ErdosRenyiGnp(1_000, 0.02, 9);
        for (int v = 0; v < graph.NodeCount; v++)
        {
            ReadOnlySpan<int> neighbours = graph.Neighbours(v);
            Assert.DoesNotContain(v, neighbours.ToArray());
            Assert.Equal(neighbours.Length, neighbours.ToArray().Distinct().Count());
        }
    }

    [Fact]
    public void SameSeed_GivesTheSameGraph_AnotherSeedAnother()
    {
        static int[] Ties(ulong seed) => ClassicNetworks.ErdosRenyiGnp(800, 0.01, seed).Targets;
        Assert.Equal(Ties(5), Ties(5));
        Assert.NotEqual(Ties(5), Ties(6));
    }

    [Fact]
    public void ProbabilityZeroTiesNobody_ProbabilityOneTiesEveryPair()
    {
        Assert.Equal(0, ClassicNetworks.ErdosRenyiGnp(50, 0, 1).EdgeCount);
        Assert.Equal(50 * 49, ClassicNetworks.ErdosRenyiGnp(50, 1, 1).EdgeCount);
    }

    [Fact]
    public void SparseGraph_OfAMillionAgents_IsBuiltWithoutVisitingEveryPair()
    {
        // 5·10^11 pairs: a loop over them would not finish; the geometric gaps visit only the ~10^6 ties.
        OrgGraph graph = ClassicNetworks.ErdosRenyiGnp(1_000_000, 2e-6, 7);
        double pairs = 1_000_000.0 * 999_999 / 2, mean = pairs * 2e-6, sd = Math.Sqrt(mean * (1 - 2e-6));
        Assert.InRange(graph.EdgeCount / 2, mean - (5 * sd), mean + (5 * sd));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Probability_OutsideZeroOne_IsRefused(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassicNetworks.ErdosRenyiGnp(10, p, 1));
}
