using OrgSim.Core.Graph;
using OrgSim.Core.Seeding;

namespace OrgSim.Core.Tests.Seeding;

public class SeedSelectorTests
{
    private static readonly OrgGraph Graph = TestOrganisations.Hierarchy(1_000, 8);

    [Theory]
    [InlineData(SeedingStrategy.TopDown)]
    [InlineData(SeedingStrategy.BottomUpScattered)]
    [InlineData(SeedingStrategy.BottomUpTeams)]
    [InlineData(SeedingStrategy.Random)]
    public void Select_ReturnsExactlyTheBudgetAsDistinctSortedAgents(SeedingStrategy strategy)
    {
        int[] seeds = SeedSelector.Select(Graph, strategy, 50, 3);
        Assert.Equal(50, seeds.Length);
        Assert.Equal(50, seeds.Distinct().Count());
        Assert.Equal(seeds.Order(), seeds);
        Assert.All(seeds, v => Assert.InRange(v, 0, Graph.NodeCount - 1));
    }

    [Fact]
    public void TopDown_TakesTheMostSeniorAgents()
    {
        int[] seeds = SeedSelector.Select(Graph, SeedingStrategy.TopDown, 50, 3);
        int deepestSeed = seeds.Max(Graph.Level);
        var seedSet = seeds.ToHashSet();
        for (int v = 0; v < Graph.NodeCount; v++)
        {
            if (Graph.Level(v) < deepestSeed)
            {
                Assert.Contains(v, seedSet);
            }
        }

        Assert.Equal(Enumerable.Range(0, 50), seeds);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(20)]
    [InlineData(30)]
    public void TopDown_IsTheBudgetFirstByLevelThenIdWhateverTheNumbering(int budget)
    {
        // 30 employees whose levels do not follow their ids, and an external coach at level 0, never chosen.
        var builder = new OrgGraphBuilder(31);
        for (int v = 0; v < 30; v++)
        {
            builder.SetNode(v, -1, v, v * 7 % 4, Role.FrontLine);
        }

        builder.SetNode(30, -1, 30, 0, Role.External);
        OrgGraph graph = builder.Build();
        int[] sorted = [.. Enumerable.Range(0, 30).OrderBy(graph.Level).ThenBy(v => v).Take(budget).Order()];

        Assert.Equal(sorted, SeedSelector.Select(graph, SeedingStrategy.TopDown, budget, 3));
    }

    [Fact]
    public void BottomUpScattered_TakesOnlyFrontLineAgentsAndVariesWithTheSeed()
    {
        int[] a = SeedSelector.Select(Graph, SeedingStrategy.BottomUpScattered, 50, 3);
        int[] b = SeedSelector.Select(Graph, SeedingStrategy.BottomUpScattered, 50, 4);
        Assert.All(a, v => Assert.Equal(Role.FrontLine, Graph.Role(v)));
        Assert.NotEqual(a, b);
        Assert.Equal(a, SeedSelector.Select(Graph, SeedingStrategy.BottomUpScattered, 50, 3));
    }

    [Fact]
    public void BottomUpTeams_TakesWholeFrontLineTeamsExceptPossiblyOne()
    {
        int[] seeds = SeedSelector.Select(Graph, SeedingStrategy.BottomUpTeams, 50, 3);
        Assert.All(seeds, v => Assert.Equal(Role.FrontLine, Graph.Role(v)));
        var byTeam = seeds.GroupBy(Graph.Team).ToList();
        int partial = byTeam.Count(g => g.Count() != Enumerable.Range(0, Graph.NodeCount).Count(v => Graph.Team(v) == g.Key));
        Assert.True(partial <= 1, $"{partial} teams were cut; at most the last one may be");
        Assert.InRange(byTeam.Count, 7, 50); // Teams have at most 8 members, so 50 seeds need at least 7 teams.
    }

    [Theory]
    [InlineData(SeedingStrategy.TopDown, 0)]
    [InlineData(SeedingStrategy.Random, 1_001)]
    [InlineData(SeedingStrategy.BottomUpScattered, 1_000)]
    public void Select_RejectsABudgetOutsideTheEligibleAgents(SeedingStrategy strategy, int budget)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SeedSelector.Select(Graph, strategy, budget, 1));
    }

    [Fact]
    public void EligibleCount_CountsFrontLineAgentsForBottomUp()
    {
        int frontLine = Enumerable.Range(0, Graph.NodeCount).Count(v => Graph.Role(v) == Role.FrontLine);
        Assert.Equal(frontLine, SeedSelector.EligibleCount(Graph, SeedingStrategy.BottomUpScattered));
        Assert.Equal(Graph.NodeCount, SeedSelector.EligibleCount(Graph, SeedingStrategy.TopDown));
    }

    [Fact]
    public void None_SelectsNobodyAndTakesOnlyBudgetZero()
    {
        Assert.Empty(SeedSelector.Select(Graph, SeedingStrategy.None, 0, 3));
        Assert.Equal(0, SeedSelector.EligibleCount(Graph, SeedingStrategy.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => SeedSelector.Select(Graph, SeedingStrategy.None, 1, 3));
    }
}
