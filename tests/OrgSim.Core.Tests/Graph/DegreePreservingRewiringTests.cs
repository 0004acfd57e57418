using OrgSim.Core.Graph;

namespace OrgSim.Core.Tests.Graph;

public class DegreePreservingRewiringTests
{
    private static int[] Degrees(OrgGraph g) => Enumerable.Range(0, g.NodeCount).Select(g.Degree).ToArray();

    private static HashSet<(int, int)> Ties(OrgGraph g) =>
        Enumerable.Range(0, g.NodeCount).SelectMany(v => g.Neighbours(v).ToArray().Select(w => (Math.Min(v, w), Math.Max(v, w)))).ToHashSet();

    /// <summary>The mean local clustering coefficient over every agent of degree ≥ 2.</summary>
    private static double Clustering(OrgGraph g)
    {
        double sum = 0;
        int counted = 0;
        for (int v = 0; v < g.NodeCount; v++)
        {
            int[] nb = g.Neighbours(v).ToArray();
            if (nb.Length < 2)
            {
                continue;
            }

            var set = nb.ToHashSet();
            int closed = nb.Sum(u => g.Neighbours(u).ToArray().Count(set.Contains));
            sum += closed / (double)(nb.Length * (nb.Length - 1));
            counted++;
        }

        return sum / counted;
    }

    private static void AssertSimple(OrgGraph g)
    {
        for (int v = 0; v < g.NodeCount; v++)
        {
            int[] nb = g.Neighbours(v).ToArray();
            Assert.DoesNotContain(v, nb);
            Assert.Equal(nb.Length, nb.Distinct().Count());
        }
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1)]
    [InlineData(10)]
    public void Rewire_OfARing_KeepsEveryDegreeWithNoSelfLoopsOrDuplicates(double swaps)
    {
        OrgGraph ring = ClassicNetworks.RingLattice(500, 6);
        OrgGraph rewired = DegreePreservingRewiring.Rewire(ring, swaps, 7);
        Assert.Equal(Degrees(ring), Degrees(rewired));
        Assert.Equal(ring.EdgeCount, rewired.EdgeCount);
        AssertSimple(rewired);
        Assert.NotEqual(Ties(ring), Ties(rewired));
    }

    [Fact]
    public void Rewire_OfAGrid_KeepsEveryDegreeIncludingTheBordersAndCorners()
    {
        OrgGraph grid = ClassicNetworks.Grid(20, 15);
        OrgGraph rewired = DegreePreservingRewiring.Rewire(grid, 2, 3);
        Assert.Equal(Degrees(grid), Degrees(rewired));
        AssertSimple(rewired);
    }

    [Fact]
    public void Rewire_SwapsAboutTwiceTheAskedShareOfTies()
    {
        // 0.05 swaps per tie on 1,500 ties = 75 swaps, each replacing two ties: at most 150 ties
        // differ, fewer when a later swap moves a tie back or touches a moved one.
        OrgGraph ring = ClassicNetworks.RingLattice(500, 6);
        HashSet<(int, int)> before = Ties(ring), after = Ties(DegreePreservingRewiring.Rewire(ring, 0.05, 9));
        int moved = before.Except(after).Count();
        Assert.InRange(moved, 130, 150);
    }

    [Fact]
    public void Rewire_IsDeterministicFromTheSeed()
    {
        OrgGraph ring = ClassicNetworks.RingLattice(300, 4);
        Assert.Equal(Ties(DegreePreservingRewiring.Rewire(ring, 0.5, 42)), Ties(DegreePreservingRewiring.Rewire(ring, 0.5, 42)));
        Assert.NotEqual(Ties(DegreePreservingRewiring.Rewire(ring, 0.5, 42)), Ties(DegreePreservingRewiring.Rewire(ring, 0.5, 43)));
    }

    [Fact]
    public void Rewire_ClusteringFallsAsTheSwapsGrow()
    {
        // Ring of degree 6: clustering 3(k − 2) / 4(k − 1) = 0.6. A tie survives s swaps per tie
        // with chance ≈ e^(−2s) and a triangle with ≈ e^(−6s), so clustering ≈ 0.6·e^(−6s) plus the
        // random 6-regular network's (k − 1)² / (k·n) ≈ 0.002. Measured on 2,000 agents, seed 1:
        // 0.05 → 0.442, 0.1 → 0.331, 0.2 → 0.183, 1 → 0.0036 (10 → 0.0020). Tolerance ±0.05 around 0.6·e^(−6s).
        OrgGraph ring = ClassicNetworks.RingLattice(2000, 6);
        double[] swaps = [0, 0.05, 0.1, 0.2, 1];
        double[] clustering = swaps.Select(s => Clustering(DegreePreservingRewiring.Rewire(ring, s, 1))).ToArray();
        Assert.Equal(0.6, clustering[0], 1e-9);
        for (int i = 1; i < swaps.Length; i++)
        {
            Assert.True(clustering[i] < clustering[i - 1] - 0.002, $"clustering {clustering[i]} at {swaps[i]} swaps per tie did not fall from {clustering[i - 1]}");
            Assert.InRange(clustering[i], (0.6 * Math.Exp(-6 * swaps[i])) - 0.05, (0.6 * Math.Exp(-6 * swaps[i])) + 0.05);
        }
    }

    [Fact]
    public void Rewire_WithNoSwapsReturnsTheLatticeItself()
    {
        OrgGraph ring = ClassicNetworks.RingLattice(50, 4);
        Assert.Same(ring, DegreePreservingRewiring.Rewire(ring, 0, 1));
    }

    [Fact]
    public void Rewire_OfANetworkTooDenseToSwap_StopsWithItsDegrees()
    {
        // A ring of 6 agents and degree 4 misses only 3 ties (a perfect matching): few swaps keep it simple, so 150 are never all made.
        OrgGraph dense = ClassicNetworks.RingLattice(6, 4);
        OrgGraph rewired = DegreePreservingRewiring.Rewire(dense, 5, 1);
        Assert.Equal(Degrees(dense), Degrees(rewired));
        AssertSimple(rewired);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void Rewire_RefusesSwapsOutOfRange(double swaps) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DegreePreservingRewiring.Rewire(ClassicNetworks.RingLattice(20, 4), swaps, 1));

    [Fact]
    public void Rewire_RefusesACompleteNetworkAndAHierarchy()
    {
        Assert.Throws<ArgumentException>(() => DegreePreservingRewiring.Rewire(ClassicNetworks.Complete(10), 1, 1));
        Assert.Throws<ArgumentException>(() => DegreePreservingRewiring.Rewire(HierarchyGenerator.Generate(new HierarchyOptions { Agents = 50 }, 1), 1, 1));
    }
}
