using OrgSim.Core.Graph;

namespace OrgSim.Core.Tests.Graph;

/// <summary>Spans drawn per manager, functions, sites, remote workers and cross-function ties of the hierarchy generator, and the flat team network.</summary>
public class OrganisationStructureTests
{
    private static readonly HierarchyOptions Rich = new()
    {
        Agents = 5_000, Span = 3, SpanMax = 9, Functions = 4, Sites = 3, RemoteShare = 0.2, RemoteTieWeight = 0.5, CrossTeamTiesPerAgent = 2,
    };

    [Fact]
    public void Generate_DrawsEachManagersSpanWithinTheRange()
    {
        OrgGraph graph = HierarchyGenerator.Generate(Rich, seed: 3);
        int[] reports = Enumerable.Range(0, graph.NodeCount).Select(v => CountOfType(graph, v, EdgeType.Report)).ToArray();
        int[] managers = Enumerable.Range(0, graph.NodeCount).Where(v => reports[v] > 0).ToArray();

        // Every manager but the last (who takes whoever is left) has a span in [3, 9], and both ends occur.
        Assert.All(managers[..^1], m => Assert.InRange(reports[m], 3, 9));
        Assert.Contains(3, managers.Select(m => reports[m]));
        Assert.Contains(9, managers.Select(m => reports[m]));
        Assert.All(Enumerable.Range(1, graph.NodeCount - 1), v => Assert.Equal(graph.Level(graph.Manager(v)) + 1, graph.Level(v)));
    }

    [Fact]
    public void Generate_WithAFixedSpanIsTheSameWhateverTheSeedOfTheSpans()
    {
        OrgGraph a = HierarchyGenerator.Generate(new HierarchyOptions { Agents = 500, CrossTeamTiesPerAgent = 0 }, seed: 1);
        OrgGraph b = HierarchyGenerator.Generate(new HierarchyOptions { Agents = 500, CrossTeamTiesPerAgent = 0 }, seed: 2);
        Assert.Equal(Enumerable.Range(0, 500).Select(a.Manager), Enumerable.Range(0, 500).Select(b.Manager));
    }

    [Fact]
    public void Generate_PutsEachSubtreeInItsHeadsFunctionAndEachTeamAtOneSite()
    {
        OrgGraph graph = HierarchyGenerator.Generate(Rich, seed: 3);
        Assert.Equal(4, graph.FunctionCount);
        for (int v = 1; v < graph.NodeCount; v++)
        {
            int head = v;
            while (graph.Manager(head) != 0)
            {
                head = graph.Manager(head);
            }

            Assert.Equal((head - 1) % 4, graph.Function(v));
        }

        foreach (IGrouping<int, int> team in Enumerable.Range(0, graph.NodeCount).GroupBy(graph.Team))
        {
            Assert.Single(team.Select(graph.Site).Distinct());
        }

        Assert.Equal(3, graph.SiteCount);
    }

    [Fact]
    public void Generate_MakesTheRemoteShareRemoteAndWeakensTheirTies()
    {
        OrgGraph graph = HierarchyGenerator.Generate(Rich, seed: 3);
        int remote = Enumerable.Range(0, graph.NodeCount).Count(graph.IsRemote);

        // Binomial(5,000, 0.2): sd = √(5,000 · 0.2 · 0.8) ≈ 28.3; 4 sd ≈ 113.
        Assert.InRange(remote, 1_000 - 113, 1_000 + 113);
        for (int v = 0; v < graph.NodeCount; v++)
        {
            ReadOnlySpan<int> contacts = graph.Neighbours(v);
            ReadOnlySpan<float> weights = graph.EdgeWeightsOf(v);
            for (int i = 0; i < contacts.Length; i++)
            {
                int u = contacts[i];
                bool weak = graph.IsRemote(v) || graph.IsRemote(u) || graph.Site(v) != graph.Site(u);
                Assert.Equal(weak ? 0.5f : 1f, weights[i]);
            }
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Generate_SendsTheCrossFunctionShareOfCrossTeamTiesAcrossFunctions(double share)
    {
        OrgGraph graph = HierarchyGenerator.Generate(Rich with { Agents = 20_000, CrossFunctionShare = share, SpanMax = 0, Span = 6 }, seed: 5);
        int across = 0, total = 0;
        for (int v = 0; v < graph.NodeCount; v++)
        {
            ReadOnlySpan<int> contacts = graph.Neighbours(v);
            ReadOnlySpan<EdgeType> types = graph.EdgeTypesOf(v);
            for (int i = 0; i < contacts.Length; i++)
            {
                if (types[i] == EdgeType.CrossTeam && contacts[i] > v)
                {
                    total++;
                    across += graph.Function(v) != graph.Function(contacts[i]) ? 1 : 0;
                }
            }
        }

        // About 20,000 ties: the share's binomial sd is at most √(20,000 · 0.25) / 20,000 ≈ 0.0035;
        // rejections of same-team pairs shift it slightly, so allow 0.02.
        Assert.InRange(across / (double)total, share - 0.02, share + 0.02);
    }

    [Fact]
    public void AgentsForLevels_IsTheGeometricSum()
    {
        Assert.Equal(1 + 8 + 64 + 512, HierarchyGenerator.AgentsForLevels(8, 4));
        Assert.Equal(4, HierarchyGenerator.AgentsForLevels(1, 4));
    }

    [Fact]
    public void TeamNetwork_IsFlatTeamsOfTheSizeWithCrossTeamTies()
    {
        OrgGraph graph = TeamNetworkGenerator.Generate(1_003, 7, 2.0, seed: 9);
        Assert.Equal(1_003, graph.NodeCount);
        Assert.Equal(144, graph.TeamCount); // 143 teams of 7 and one of 2
        Assert.All(Enumerable.Range(0, graph.NodeCount), v =>
        {
            Assert.Equal(-1, graph.Manager(v));
            Assert.Equal(0, graph.Level(v));
            Assert.Equal(Role.FrontLine, graph.Role(v));
        });
        long peerTies = Enumerable.Range(0, graph.NodeCount).Sum(v => CountOfType(graph, v, EdgeType.TeamPeer)) / 2;
        long crossTies = Enumerable.Range(0, graph.NodeCount).Sum(v => CountOfType(graph, v, EdgeType.CrossTeam)) / 2;
        Assert.Equal((143 * 21) + 1, peerTies);
        Assert.Equal(1_003, crossTies); // round(1,003 · 2 / 2)
        Assert.All(Enumerable.Range(0, graph.NodeCount), v => Assert.DoesNotContain(v, graph.Neighbours(v).ToArray()));
    }

    private static int CountOfType(OrgGraph graph, int v, EdgeType type) => graph.EdgeTypesOf(v).Count(type);
}
