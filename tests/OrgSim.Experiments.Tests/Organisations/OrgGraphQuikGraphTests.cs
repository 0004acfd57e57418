using System.Text.RegularExpressions;
using OrgSim.Core.Graph;
using OrgSim.Core.Metrics;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;
using QuikGraph;
using QuikGraph.Algorithms;
using QuikGraph.Algorithms.Search;

namespace OrgSim.Experiments.Tests.Organisations;

public partial class OrgGraphQuikGraphTests
{
    /// <summary>Generated with mentoring pods and with external coaches (overlay ties), imported from the Northwind HR export, and a plain hierarchy.</summary>
    public static TheoryData<string> Scenarios => ["mentoring-pods.yaml", "external-coaches.yaml", "hr-import.yaml", "quickstart.yaml"];

    private static OrgGraph Organisation(string scenario)
    {
        LoadedScenario loaded = ScenarioLoader.Load(TestPaths.Scenario(scenario));
        return OrganisationFactory.Build(loaded.Spec.Organisation, RunSeeds.Organisation(loaded.Spec.Seed, 0));
    }

    private static IEnumerable<OrgTie> Stored(OrgGraph graph) =>
        Enumerable.Range(0, graph.NodeCount).SelectMany(v => Enumerable.Range(0, graph.Degree(v))
            .Select(i => new OrgTie(v, graph.Neighbours(v)[i], graph.EdgeTypesOf(v)[i], graph.EdgeWeightsOf(v)[i])));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ToBidirectionalGraph_HasEveryStoredEdge_InRowOrder_WithItsTypeAndWeight(string scenario)
    {
        OrgGraph graph = Organisation(scenario);

        BidirectionalGraph<int, OrgTie> quik = OrgGraphQuikGraph.ToBidirectionalGraph(graph);

        Assert.Equal(Enumerable.Range(0, graph.NodeCount), quik.Vertices);
        Assert.Equal(graph.EdgeCount, quik.EdgeCount);
        Assert.Equal(Stored(graph), quik.Vertices.SelectMany(quik.OutEdges));
        Assert.All(quik.Vertices, v => Assert.Equal(graph.Degree(v), quik.InDegree(v)));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ToBidirectionalGraph_KeepsTheEdgesTheFilterKeeps_AndEveryAgent(string scenario)
    {
        OrgGraph graph = Organisation(scenario);

        BidirectionalGraph<int, OrgTie> quik = OrgGraphQuikGraph.ToBidirectionalGraph(graph, t => t.Type is EdgeType.Manager or EdgeType.Report);

        Assert.Equal(graph.NodeCount, quik.VertexCount);
        Assert.Equal(Stored(graph).Where(t => t.Type is EdgeType.Manager or EdgeType.Report), quik.Edges);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ToUndirectedGraph_HasEachTieOnce_ByTypeAsGraphStatisticsCountsThem(string scenario)
    {
        OrgGraph graph = Organisation(scenario);
        GraphStatisticsReport stats = GraphStatistics.Compute(graph, new GraphStatisticsOptions());

        UndirectedGraph<int, OrgTie> ties = OrgGraphQuikGraph.ToUndirectedGraph(graph);

        Assert.Equal(graph.NodeCount, ties.VertexCount);
        Assert.Equal(stats.TieCount, ties.EdgeCount);
        Assert.All(ties.Edges, t => Assert.True(t.Source < t.Target));
        var byType = ties.Edges
            .GroupBy(t => (EdgeType)Math.Min((int)t.Type, (int)EdgeTypes.Reverse(t.Type)))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, (long)g.Count()));
        Assert.Equal(stats.TiesByType.Select(t => (t.Type, t.Ties)), byType);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ToReportingTree_HasAnEdgeFromEachManagerToEachReport_AndTheRootsWithoutOne(string scenario)
    {
        OrgGraph graph = Organisation(scenario);
        int[] managed = [.. Enumerable.Range(0, graph.NodeCount).Where(v => graph.Manager(v) >= 0)];

        BidirectionalGraph<int, OrgTie> tree = OrgGraphQuikGraph.ToReportingTree(graph);

        Assert.Equal(managed.Length, tree.EdgeCount);
        Assert.All(tree.Edges, t => Assert.Equal((graph.Manager(t.Target), EdgeType.Report), (t.Source, t.Type)));
        Assert.Equal(Enumerable.Range(0, graph.NodeCount).Where(v => graph.Manager(v) < 0), tree.Roots());
        Assert.True(tree.IsDirectedAcyclicGraph());
        Assert.Equal(new ReportingForest([.. Enumerable.Range(0, graph.NodeCount).Select(graph.Manager)]).Roots, tree.Roots());
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void QuikGraphsComponents_AgreeWithGraphStatistics(string scenario)
    {
        OrgGraph graph = Organisation(scenario);
        GraphStatisticsReport stats = GraphStatistics.Compute(graph, new GraphStatisticsOptions());

        var weak = new Dictionary<int, int>();
        int weakCount = OrgGraphQuikGraph.ToBidirectionalGraph(graph).WeaklyConnectedComponents(weak);
        var undirected = new Dictionary<int, int>();
        int undirectedCount = OrgGraphQuikGraph.ToUndirectedGraph(graph).ConnectedComponents(undirected);

        Assert.Equal(stats.ComponentCount, weakCount);
        Assert.Equal(stats.ComponentCount, undirectedCount);
        Assert.Equal(stats.LargestComponent, undirected.Values.GroupBy(c => c).Max(g => g.Count()));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void QuikGraphsBreadthFirstDistances_FromTheChief_AreSeedDistances(string scenario)
    {
        OrgGraph graph = Organisation(scenario);
        int[] expected = SeedDistances.From(graph, [0]);

        var distance = Enumerable.Repeat(SeedDistances.Unreachable, graph.NodeCount).ToArray();
        distance[0] = 0;
        var search = new BreadthFirstSearchAlgorithm<int, OrgTie>(OrgGraphQuikGraph.ToBidirectionalGraph(graph));
        search.TreeEdge += tie => distance[tie.Target] = distance[tie.Source] + 1;
        search.Compute(0);

        Assert.Equal(expected, distance);
    }

    [Fact]
    public void ShortestPathsDijkstra_WithUnitCosts_HasTheSeedDistanceInTies()
    {
        OrgGraph graph = Organisation("hr-import.yaml");
        int[] expected = SeedDistances.From(graph, [0]);
        BidirectionalGraph<int, OrgTie> quik = OrgGraphQuikGraph.ToBidirectionalGraph(graph);

        TryFunc<int, IEnumerable<OrgTie>> paths = quik.ShortestPathsDijkstra(_ => 1.0, 0);

        Assert.All(Enumerable.Range(1, graph.NodeCount - 1), v =>
        {
            Assert.True(paths(v, out IEnumerable<OrgTie>? path));
            Assert.Equal(expected[v], path.Count());
        });
    }

    [Fact]
    public void EveryMethod_RejectsANullGraph()
    {
        Assert.Throws<ArgumentNullException>("graph", () => OrgGraphQuikGraph.ToBidirectionalGraph(null!));
        Assert.Throws<ArgumentNullException>("graph", () => OrgGraphQuikGraph.ToUndirectedGraph(null!));
        Assert.Throws<ArgumentNullException>("graph", () => OrgGraphQuikGraph.ToReportingTree(null!));
    }

    [Fact]
    public void TheDocumentedExample_Runs()
    {
        string scenarioPath = TestPaths.Scenario("hr-import.yaml");
        var lines = new List<string>();

        // docs:begin
        LoadedScenario scenario = ScenarioLoader.Load(scenarioPath);
        OrgGraph organisation = OrganisationFactory.Build(
            scenario.Spec.Organisation, RunSeeds.Organisation(scenario.Spec.Seed, replicate: 0));

        // Each tie once: how many separate groups of people are there?
        UndirectedGraph<int, OrgTie> ties = OrgGraphQuikGraph.ToUndirectedGraph(organisation);
        var group = new Dictionary<int, int>();
        int groups = ties.ConnectedComponents(group);
        lines.Add($"{organisation.NodeCount} people, {ties.EdgeCount} ties, {groups} group(s)");

        // The shortest chain of ties from the top (agent 0) to the last employee, each tie costing
        // 1 / weight, so remote ties count as longer.
        BidirectionalGraph<int, OrgTie> edges = OrgGraphQuikGraph.ToBidirectionalGraph(organisation);
        TryFunc<int, IEnumerable<OrgTie>> pathFromTop = edges.ShortestPathsDijkstra(tie => 1.0 / tie.Weight, 0);
        if (pathFromTop(organisation.NodeCount - 1, out IEnumerable<OrgTie>? path))
        {
            foreach (OrgTie tie in path)
            {
                lines.Add($"{organisation.Name(tie.Source)} → {organisation.Name(tie.Target)} ({EdgeTypes.Name(tie.Type)})");
            }
        }
        // docs:end

        Assert.Equal($"325 people, {GraphStatistics.Compute(organisation, new GraphStatisticsOptions()).TieCount} ties, 1 group(s)", lines[0]);
        Assert.True(lines.Count > 1);
        Assert.StartsWith("E0001 → ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void TheDocumentedExample_IsTheTestsCode()
    {
        string source = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "tests", "OrgSim.Experiments.Tests", "Organisations", "OrgGraphQuikGraphTests.cs"));
        string docs = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "organisations.md"));

        string tested = source[(source.IndexOf("// docs:begin\n", StringComparison.Ordinal) + 14)..source.IndexOf("        // docs:end", StringComparison.Ordinal)];
        string documented = CsharpBlock().Match(docs.ReplaceLineEndings("\n")).Groups[1].Value;

        Assert.Equal(Dedent(tested.ReplaceLineEndings("\n")), documented);
    }

    private static string Dedent(string text) =>
        string.Join("\n", text.Split('\n').Select(line => line.Length >= 8 ? line[8..] : line.TrimStart()));

    [GeneratedRegex("```csharp\n(?:using [^\n]*\n)*\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CsharpBlock();
}
