using OrgSim.Experiments.Organisations;

namespace OrgSim.Experiments.Tests.Organisations;

public class ReportingForestTests
{
    [Fact]
    public void AForest_HasItsRootsReportsAndNoCycles()
    {
        // 0 and 4 are tops; 1 and 2 report to 0, 3 to 1, 5 to 4.
        var forest = new ReportingForest([-1, 0, 0, 1, -1, 4]);

        Assert.Equal(6, forest.Count);
        Assert.Equal([0, 4], forest.Roots);
        Assert.Equal([1, 2], forest.ReportsOf(0).ToArray());
        Assert.Equal([3], forest.ReportsOf(1).ToArray());
        Assert.Empty(forest.ReportsOf(3).ToArray());
        Assert.Empty(forest.Cycles);
    }

    [Fact]
    public void BreadthFirstOrder_IsTheRootsThenLevelByLevel_ReportsInIndexOrder()
    {
        // Tops 2 and 5; 2 has reports 0 and 6, 5 has report 1; 0 has report 4; 4 has report 3.
        var forest = new ReportingForest([2, 5, -1, 4, 0, -1, 2]);

        Assert.Equal([2, 5, 0, 6, 1, 4, 3], forest.BreadthFirstOrder);
        Assert.Equal([1, 1, 0, 3, 2, 0, 1], forest.Depth);
    }

    [Fact]
    public void Depth_IsTheManagersDepthPlusOne_OnADeepChainWithoutRecursion()
    {
        int[] chain = [.. Enumerable.Range(-1, 200_000)];

        var forest = new ReportingForest(chain);

        Assert.Equal(Enumerable.Range(0, 200_000), forest.BreadthFirstOrder);
        Assert.Equal(Enumerable.Range(0, 200_000), forest.Depth);
    }

    [Fact]
    public void Cycles_AreListedFromTheirLowestMember_FollowingManagers_InOrderOfThatMember()
    {
        // 5 → 3 → 7 → 5 and 1 → 6 → 1 are cycles (each node → its manager); 2 is its own manager;
        // 0 is a top, 4 hangs under the first cycle and 8 under the second.
        var forest = new ReportingForest([-1, 6, 2, 7, 3, 3, 1, 5, 6]);

        Assert.Equal(3, forest.Cycles.Count);
        Assert.Equal([1, 6], forest.Cycles[0]);
        Assert.Equal([2], forest.Cycles[1]);
        Assert.Equal([3, 7, 5], forest.Cycles[2]);
        Assert.Equal([0], forest.Roots);
    }

    [Fact]
    public void BreadthFirstOrder_WithCycles_Throws()
    {
        var forest = new ReportingForest([1, 0]);

        Assert.Throws<InvalidOperationException>(() => forest.BreadthFirstOrder);
        Assert.Throws<InvalidOperationException>(() => forest.Depth);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(3)]
    public void AManagerOutOfRange_IsRejected(int manager) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportingForest([-1, 0, manager]));

    [Fact]
    public void Repair_CutsEachCycleAtItsLowestMemberAndDropsLinksOutOfRange()
    {
        // 1 → 2 → 3 → 1 is a cycle; 0 is its own manager; 4 points at a node that does not exist; 5 hangs under the cycle.
        var forest = ReportingForest.Repair([0, 2, 3, 1, 99, 3]);

        Assert.Empty(forest.Cycles);
        Assert.Equal([-1, -1, 3, 1, -1, 3], forest.Managers);
        Assert.Equal([0, 1, 4, 3, 2, 5], forest.BreadthFirstOrder);
        Assert.Equal([0, 0, 2, 1, 0, 2], forest.Depth);
    }

    [Theory]
    [InlineData(50, 1)]
    [InlineData(500, 2)]
    [InlineData(5_000, 3)]
    public void OnRandomLines_CyclesAndOrderAgreeWithFollowingManagers(int n, int seed)
    {
        var random = new Random(seed);
        int[] managers = [.. Enumerable.Range(0, n).Select(_ => random.Next(20) == 0 ? -1 : random.Next(n))];

        var forest = new ReportingForest(managers);

        // A node is on a cycle iff following managers from it comes back to it.
        bool OnCycle(int v)
        {
            int u = managers[v];
            for (int step = 0; step < n && u >= 0; step++, u = managers[u])
            {
                if (u == v)
                {
                    return true;
                }
            }

            return false;
        }

        var onCycles = Enumerable.Range(0, n).Where(OnCycle).ToHashSet();
        Assert.Equal(onCycles.Order(), forest.Cycles.SelectMany(c => c).Order());
        foreach (IReadOnlyList<int> cycle in forest.Cycles)
        {
            Assert.Equal(cycle.Min(), cycle[0]);
            for (int i = 0; i < cycle.Count; i++)
            {
                Assert.Equal(cycle[(i + 1) % cycle.Count], managers[cycle[i]]);
            }
        }

        var repaired = ReportingForest.Repair(managers);
        IReadOnlyList<int> order = repaired.BreadthFirstOrder, depth = repaired.Depth;
        Assert.Equal(Enumerable.Range(0, n), order.Order());
        for (int k = 0; k < n; k++)
        {
            int v = order[k], m = repaired.Managers[v];
            Assert.Equal(m < 0 ? 0 : depth[m] + 1, depth[v]);
            Assert.True(k == 0 || depth[order[k - 1]] <= depth[v], "level by level");
        }
    }
}
