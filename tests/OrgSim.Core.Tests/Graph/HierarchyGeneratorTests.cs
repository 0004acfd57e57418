using OrgSim.Core.Graph;

namespace OrgSim.Core.Tests.Graph;

public class HierarchyGeneratorTests
{
    [Theory]
    [InlineData(1, 8, 2.0)]
    [InlineData(2, 8, 2.0)]
    [InlineData(10, 3, 0.0)]
    [InlineData(1_000, 8, 2.0)]
    [InlineData(5_000, 5, 4.0)]
    [InlineData(1_001, 10, 1.0)]
    public void Generate_CountsNodesAndEdgesAsTheTreeTeamsAndCrossTiesRequire(int agents, int span, double crossTeam)
    {
        OrgGraph graph = TestOrganisations.Hierarchy(agents, span, crossTeam);

        long managerTies = agents - 1;
        long peerTies = 0;
        for (int m = 0; m * span + 1 < agents; m++)
        {
            long size = Math.Min(span, agents - (m * span) - 1);
            peerTies += size * (size - 1) / 2;
        }

        long crossTies = Enumerable.Range(0, agents).Sum(v => CountOfType(graph, v, EdgeType.CrossTeam)) / 2;
        Assert.Equal(agents, graph.NodeCount);
        Assert.Equal(2 * (managerTies + peerTies + crossTies), graph.EdgeCount);
        Assert.Equal(managerTies, Enumerable.Range(0, agents).Sum(v => CountOfType(graph, v, EdgeType.Manager)));
        Assert.Equal(2 * peerTies, Enumerable.Range(0, agents).Sum(v => CountOfType(graph, v, EdgeType.TeamPeer)));
    }

    [Fact]
    public void Generate_HasNoSelfLoopsAndNoDuplicateTies()
    {
        OrgGraph graph = TestOrganisations.Hierarchy(5_000, 6, 5.0);
        for (int v = 0; v < graph.NodeCount; v++)
        {
            ReadOnlySpan<int> neighbours = graph.Neighbours(v);
            Assert.DoesNotContain(v, neighbours.ToArray());
            Assert.Equal(neighbours.Length, neighbours.ToArray().Distinct().Count());
        }
    }

    [Fact]
    public void Generate_EveryTieIsSymmetricWithTheReverseType()
    {
        OrgGraph graph = TestOrganisations.Hierarchy(2_000, 7, 3.0);
        var edges = new Dictionary<(int, int), EdgeType>();
        for (int v = 0; v < graph.NodeCount; v++)
        {
            for (int i = 0; i < graph.Degree(v); i++)
            {
                edges[(v, graph.Neighbours(v)[i])] = graph.EdgeTypesOf(v)[i];
            }
        }

        foreach (var ((v, u), type) in edges)
        {
            Assert.Equal(EdgeTypes.Reverse(type), edges[(u, v)]);
        }
    }

    [Theory]
    [InlineData(1_000, 8)]
    [InlineData(777, 3)]
    [InlineData(50, 49)]
    public void Generate_LevelsAndSpanFollowTheTree(int agents, int span)
    {
        OrgGraph graph = TestOrganisations.Hierarchy(agents, span);
        var reports = new int[agents];
        Assert.Equal(0, graph.Level(0));
        Assert.Equal(-1, graph.Manager(0));
        for (int v = 1; v < agents; v++)
        {
            int manager = graph.Manager(v);
            Assert.True(manager < v, "breadth-first numbering: a manager precedes its reports");
            Assert.Equal(graph.Level(manager) + 1, graph.Level(v));
            reports[manager]++;
        }

        int managers = reports.Count(r => r > 0);
        Assert.All(reports, r => Assert.InRange(r, 0, span));
        Assert.True(reports.Count(r => r > 0 && r < span) <= 1, "only the last manager may have fewer than span reports");
        Assert.Equal(HierarchyGenerator.LevelCount(agents, span), graph.LevelCount);
        Assert.Equal(managers + 1, graph.TeamCount);
    }

    [Fact]
    public void Generate_TeamsAreTheReportsOfOneManagerAndAllTiedAsPeers()
    {
        OrgGraph graph = TestOrganisations.Hierarchy(1_000, 8);
        for (int v = 1; v < graph.NodeCount; v++)
        {
            var peers = graph.Neighbours(v).ToArray().Where((u, i) => graph.EdgeTypesOf(v)[i] == EdgeType.TeamPeer).ToHashSet();
            var teamMates = Enumerable.Range(1, graph.NodeCount - 1).Where(u => u != v && graph.Team(u) == graph.Team(v)).ToHashSet();
            Assert.Equal(teamMates, peers);
            Assert.All(teamMates, u => Assert.Equal(graph.Manager(v), graph.Manager(u)));
        }
    }

    [Fact]
    public void Generate_RolesFollowLevelsAndReports()
    {
        OrgGraph graph = TestOrganisations.Hierarchy(1_000, 8);
        for (int v = 0; v < graph.NodeCount; v++)
        {
            bool hasReports = graph.EdgeTypesOf(v).ToArray().Contains(EdgeType.Report);
            Role expected = graph.Level(v) < 2 ? Role.Executive : hasReports ? Role.Manager : Role.FrontLine;
            Assert.Equal(expected, graph.Role(v));
        }
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(5.0)]
    public void Generate_CrossTeamTiesHitTheMeanAndJoinDifferentTeams(double mean)
    {
        const int agents = 20_000;
        OrgGraph graph = TestOrganisations.Hierarchy(agents, 8, mean);
        long ends = 0;
        for (int v = 0; v < agents; v++)
        {
            for (int i = 0; i < graph.Degree(v); i++)
            {
                if (graph.EdgeTypesOf(v)[i] == EdgeType.CrossTeam)
                {
                    ends++;
                    Assert.NotEqual(graph.Team(v), graph.Team(graph.Neighbours(v)[i]));
                }
            }
        }

        // The generator tops up duplicates until it reaches round(n·mean/2) distinct ties, so the mean is exact.
        Assert.Equal(Math.Round(agents * mean / 2), ends / 2);
    }

    [Fact]
    public void Generate_IsDeterministicFromItsSeed()
    {
        OrgGraph a = TestOrganisations.Hierarchy(3_000, 8, 2.0, seed: 11);
        OrgGraph b = TestOrganisations.Hierarchy(3_000, 8, 2.0, seed: 11);
        OrgGraph c = TestOrganisations.Hierarchy(3_000, 8, 2.0, seed: 12);
        Assert.Equal(a.Targets, b.Targets);
        Assert.Equal(a.Types, b.Types);
        Assert.NotEqual(a.Targets, c.Targets);
    }

    [Fact]
    public void Generate_RejectsAHierarchyDeeperThanTheLevelLimit()
    {
        var options = new HierarchyOptions { Agents = 1_000, Span = 1 };
        Assert.Throws<ArgumentOutOfRangeException>(() => HierarchyGenerator.Generate(options, 1));
    }

    [Theory]
    [InlineData(0, 8)]
    [InlineData(10, 0)]
    public void Generate_RejectsOutOfRangeOptions(int agents, int span)
    {
        var options = new HierarchyOptions { Agents = agents, Span = span };
        Assert.Throws<ArgumentOutOfRangeException>(() => HierarchyGenerator.Generate(options, 1));
    }

    private static int CountOfType(OrgGraph graph, int v, EdgeType type) =>
        graph.EdgeTypesOf(v).ToArray().Count(t => t == type);
}
