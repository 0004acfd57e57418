using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Tests.Report;

public class OrgChartLayoutTests
{
    /// <summary>Random forests: node i's parent is an earlier node, or none (a root) now and then.</summary>
    public static TheoryData<int, int> Forests() => new() { { 1, 1 }, { 2, 2 }, { 30, 3 }, { 120, 4 }, { 400, 5 }, { 1000, 6 } };

    private static int[] RandomForest(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(i => i == 0 || random.Next(12) == 0 ? -1 : random.Next(Math.Max(0, i - 40), i)).ToArray();
    }

    [Theory]
    [MemberData(nameof(Forests))]
    public void Compute_PutsEveryChildOneRowBelowItsParentAndCentresTheParentOverItsChildren(int n, int seed)
    {
        int[] parents = RandomForest(n, seed);
        OrgChartLayout layout = OrgChartLayout.Compute(parents);

        for (int v = 0; v < n; v++)
        {
            Assert.Equal(parents[v] < 0 ? 0 : layout.Depth[parents[v]] + 1, layout.Depth[v]);
            var kids = Enumerable.Range(0, n).Where(c => parents[c] == v).ToList();
            if (kids.Count > 0)
            {
                Assert.Equal((layout.X[kids[0]] + layout.X[kids[^1]]) / 2, layout.X[v], 9);
                Assert.True(kids.Zip(kids.Skip(1)).All(k => layout.X[k.First] < layout.X[k.Second]), "children keep their order left to right");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Forests))]
    public void Compute_KeepsNodesOnARowAtLeastOneSlotApart(int n, int seed)
    {
        OrgChartLayout layout = OrgChartLayout.Compute(RandomForest(n, seed));

        foreach (var row in Enumerable.Range(0, n).GroupBy(v => layout.Depth[v]))
        {
            double[] xs = row.Select(v => layout.X[v]).Order().ToArray();
            Assert.All(xs.Zip(xs.Skip(1)), pair => Assert.True(pair.Second - pair.First >= 1 - 1e-9, $"row {row.Key}: {pair.First} and {pair.Second} overlap"));
        }

        Assert.Equal(0, layout.X.Min());
        Assert.Equal(layout.X.Max(), layout.Width);
        Assert.Equal(layout.Depth.Max() + 1, layout.Rows);
    }

    [Fact]
    public void Compute_TucksASmallSubtreeUnderTheSpareSpaceOfItsNeighbour()
    {
        // 0 has children 1 (with leaves 3, 4, 5) and 2 (a leaf): 2 sits one slot right of 1, above 5, not past it.
        OrgChartLayout layout = OrgChartLayout.Compute([-1, 0, 0, 1, 1, 1]);

        Assert.Equal([1.5, 1, 2, 0, 1, 2], layout.X);
        Assert.Equal([0, 1, 1, 2, 2, 2], layout.Depth);
    }

    [Fact]
    public void Compute_PutsTheRootsOfAForestSideBySideInOrder()
    {
        OrgChartLayout layout = OrgChartLayout.Compute([-1, -1, -1, 0, 0]);

        Assert.Equal([0, 0, 0, 1, 1], layout.Depth);
        Assert.Equal([0.5, 1.5, 2.5, 0, 1], layout.X);
    }

    [Fact]
    public void Compute_CutsACycleAtItsLowestIndexAndTreatsABadParentAsARoot()
    {
        // 1 -> 2 -> 3 -> 1 is a cycle; 0 points at itself; 4 at a team that does not exist; 5 hangs under the cycle.
        OrgChartLayout layout = OrgChartLayout.Compute([0, 2, 3, 1, 99, 3]);

        Assert.Equal([-1, -1, 3, 1, -1, 3], layout.Parent);
        Assert.Equal([0, 0, 2, 1, 0, 2], layout.Depth);
    }

    [Fact]
    public void Compute_HandlesADeepChainWithoutRecursion()
    {
        int[] chain = Enumerable.Range(-1, 100_000).ToArray();

        OrgChartLayout layout = OrgChartLayout.Compute(chain);

        Assert.Equal(100_000, layout.Rows);
        Assert.All(layout.X, x => Assert.Equal(0, x));
    }

    [Fact]
    public void Compute_IsEmptyForNoNodesAndTheSameForTheSameInput()
    {
        OrgChartLayout empty = OrgChartLayout.Compute([]);
        Assert.Equal(0, empty.Rows);
        Assert.Equal(0, empty.Width);

        int[] parents = RandomForest(500, 9);
        Assert.Equal(OrgChartLayout.Compute(parents).X, OrgChartLayout.Compute(parents).X);
    }
}
