using System.Globalization;
using System.Text;
using OrgSim.Core.Graph;

namespace OrgSim.Core.Tests.Graph;

public partial class GraphStatisticsTests
{
    private const double Close = 1e-9;

    private static readonly GraphStatisticsOptions Exact = new();

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(30)]
    public void CompleteGraph_HasClusteringOneMeanPathOneAndNoBetweenness(int n)
    {
        GraphStatisticsReport report = GraphStatistics.Compute(ClassicNetworks.Complete(n), Exact);

        Assert.Equal(n, report.NodeCount);
        Assert.Equal((long)n * (n - 1) / 2, report.TieCount);
        Assert.Equal([new TieTypeCount(EdgeType.TeamPeer, "team_peer", (long)n * (n - 1) / 2)], report.TiesByType);
        Assert.Equal(n == 2 ? 0 : 1, report.Clustering, Close);
        Assert.Equal(1, report.MeanPathLength, Close);
        Assert.All(report.TopByBetweenness, a => Assert.Equal(0, a.Value));
        Assert.Equal((1, n), (report.ComponentCount, report.LargestComponent));
        Assert.Equal((n - 1, n - 1, n - 1, n - 1), (report.Degrees.Min, report.Degrees.Max, report.Degrees.Median, report.Degrees.Percentile90));
        Assert.False(report.PathSampled || report.BetweennessSampled || report.ClusteringSampled);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(101)]
    [InlineData(200)]
    public void Cycle_HasTheClosedFormMeanPathAndEqualBetweenness(int n)
    {
        // Mean distance on a cycle, over ordered pairs: (n + 1) / 4 for odd n, n² / (4 (n − 1)) for even n.
        // Every pair's dependencies sum to d − 1, and by symmetry each agent takes an equal share:
        // betweenness = C(n, 2)(L − 1) / n = (n − 1)(L − 1) / 2.
        double meanPath = n % 2 == 1 ? (n + 1) / 4.0 : n * (double)n / (4.0 * (n - 1));
        double betweenness = (n - 1) * (meanPath - 1) / 2;

        GraphStatisticsReport report = GraphStatistics.Compute(ClassicNetworks.RingLattice(n, 2), Exact with { Top = n });

        Assert.Equal(meanPath, report.MeanPathLength, Close);
        Assert.All(report.TopByBetweenness, a => Assert.Equal(betweenness, a.Value, 1e-6));
        Assert.Equal(Enumerable.Range(0, n), report.TopByBetweenness.Select(a => a.Agent));
        Assert.Equal(0, report.Clustering);
        Assert.Equal([new DegreeBin(0, 0, 0), new DegreeBin(1, 1, 0), new DegreeBin(2, 3, n)], report.Degrees.Histogram);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(500)]
    public void Star_PutsEveryPathThroughTheCentreAndHasNoClustering(int n)
    {
        var builder = new OrgGraphBuilder(n);
        for (int leaf = 1; leaf < n; leaf++)
        {
            builder.AddTie(0, leaf, EdgeType.TeamPeer);
        }

        GraphStatisticsReport report = GraphStatistics.Compute(builder.Build(), Exact with { Top = 3 });

        Assert.Equal(new CentralAgent(0, "0", (n - 1) * (n - 2) / 2.0), report.TopByBetweenness[0]);
        Assert.Equal([new CentralAgent(1, "1", 0), new CentralAgent(2, "2", 0)], report.TopByBetweenness.Skip(1));
        Assert.Equal([new CentralAgent(0, "0", n - 1), new CentralAgent(1, "1", 1), new CentralAgent(2, "2", 1)], report.TopByDegree);
        Assert.Equal(0, report.Clustering);
        Assert.Equal(2.0 * (n - 1) / n, report.MeanPathLength, Close);

        // Nearest rank: the 90th percentile is the centre's degree only when it is among the top ⌈0.9 n⌉ of n.
        int percentile90 = (int)Math.Ceiling(0.9 * n) == n ? n - 1 : 1;
        Assert.Equal((1, n - 1, 1, percentile90), (report.Degrees.Min, report.Degrees.Max, report.Degrees.Median, report.Degrees.Percentile90));
    }

    [Fact]
    [Trait("Category", "Slow")] // 1 s, 6 s on a loaded machine.
    public void LayeredGraph_WithMorePathsThanADoubleHolds_HasExactBetweennessAndMeanPath()
    {
        // 600 layers of 4 agents, each layer tied to all of the next: 4^599 ≈ 2^1198 shortest paths
        // end to end, beyond a double (2^1024), so path counts must be rescaled. By symmetry an agent
        // in layer i carries 1/w of the paths of the (w i)(w (L − 1 − i)) pairs across it, plus, of
        // the C(w, 2) pairs within each adjacent layer j, 1/(w · layers next to j).
        const int width = 4, layers = 600, n = width * layers;
        var builder = new OrgGraphBuilder(n);
        for (int layer = 0; layer + 1 < layers; layer++)
        {
            for (int a = 0; a < width; a++)
            {
                for (int b = 0; b < width; b++)
                {
                    builder.AddTie((layer * width) + a, ((layer + 1) * width) + b, EdgeType.TeamPeer);
                }
            }
        }

        GraphStatisticsReport report = GraphStatistics.Compute(builder.Build(), new GraphStatisticsOptions { ExactUpTo = n, Top = n });

        double pairsInLayer = width * (width - 1) / 2.0;
        double Adjacent(int layer) => layer == 0 || layer == layers - 1 ? 1 : 2;
        foreach (CentralAgent agent in report.TopByBetweenness)
        {
            int i = agent.Agent / width;
            double expected = (width * (double)i * (layers - 1 - i))
                + (i >= 1 ? pairsInLayer / (width * Adjacent(i - 1)) : 0)
                + (i <= layers - 2 ? pairsInLayer / (width * Adjacent(i + 1)) : 0);
            Assert.Equal(expected, agent.Value, 1e-6);
        }

        // Σ over layer pairs of w² (b − a) = w² (L − 1) L (L + 1) / 6, plus distance 2 within each layer.
        double distanceSum = 2 * ((width * width * (layers - 1.0) * layers * (layers + 1) / 6) + (2 * layers * pairsInLayer));
        Assert.Equal(distanceSum / (n * (n - 1.0)), report.MeanPathLength, Close);
    }

    [Fact]
    public void TwoDisconnectedPairs_AreTwoComponentsWithPathsOfOneTie()
    {
        OrgGraph graph = new OrgGraphBuilder(5)
            .AddTie(0, 1, EdgeType.TeamPeer)
            .AddTie(2, 3, EdgeType.CrossTeam)
            .Build();

        GraphStatisticsReport report = GraphStatistics.Compute(graph, Exact);

        Assert.Equal((3, 2), (report.ComponentCount, report.LargestComponent)); // Agent 4 is alone.
        Assert.Equal((1.0, 2), (report.MeanPathLength, report.PathSources));
        Assert.Equal(0, report.Clustering);
        Assert.All(report.TopByBetweenness, a => Assert.Equal(0, a.Value));
        Assert.Equal(
            [new TieTypeCount(EdgeType.TeamPeer, "team_peer", 1), new TieTypeCount(EdgeType.CrossTeam, "cross_team", 1)],
            report.TiesByType);
        Assert.Equal([new DegreeBin(0, 0, 1), new DegreeBin(1, 1, 4)], report.Degrees.Histogram);
    }

    [Fact]
    public void SmallHierarchy_MatchesHandCountedLevelsTeamsTiesAndCentralities()
    {
        // 13 agents, span 3: the chief (0), three managers (1–3) in one team, nine front-line agents
        // (4–12) in three teams of three. Managers are each other's peers, so the chief is on no
        // shortest path; manager 1 is on those from its three reports to the chief (3), to the two
        // other managers (6) and to the six other front-line agents (18): 27.
        OrgGraph graph = HierarchyGenerator.Generate(new HierarchyOptions { Agents = 13, Span = 3, CrossTeamTiesPerAgent = 0 }, seed: 5);

        GraphStatisticsReport report = GraphStatistics.Compute(graph, Exact with { Top = 5 });

        Assert.Equal(24, report.TieCount);
        Assert.Equal(
            [new TieTypeCount(EdgeType.Manager, "manager/report", 12), new TieTypeCount(EdgeType.TeamPeer, "team_peer", 12)],
            report.TiesByType);
        Assert.Equal([1, 3, 9], report.AgentsPerLevel);
        Assert.Equal((5, 1, 13 / 5.0, 3), (report.TeamCount, report.SmallestTeam, report.MeanTeamSize, report.LargestTeam));

        // Degrees: chief 3, managers 6, front line 3.
        Assert.Equal((3, 6, 48 / 13.0, 3, 6), (report.Degrees.Min, report.Degrees.Max, report.Degrees.Mean, report.Degrees.Median, report.Degrees.Percentile90));
        Assert.Equal([new DegreeBin(0, 0, 0), new DegreeBin(1, 1, 0), new DegreeBin(2, 3, 10), new DegreeBin(4, 7, 3)], report.Degrees.Histogram);

        // A manager's six contacts (chief, two peers, three reports) form 6 of 15 possible ties; everyone else's contacts are all tied.
        Assert.Equal((10 + (3 * 6 / 15.0)) / 13, report.Clustering, Close);

        // Ordered-pair distances: 159 over 78 unordered pairs (see the betweenness above: Σ(d − 1) = 81 = 3 × 27).
        Assert.Equal(159 / 78.0, report.MeanPathLength, Close);
        Assert.Equal([1, 2, 3, 0, 4], report.TopByBetweenness.Select(a => a.Agent));
        Assert.Equal([27.0, 27, 27, 0, 0], report.TopByBetweenness.Select(a => a.Value));
        Assert.Equal([1, 2, 3, 0, 4], report.TopByDegree.Select(a => a.Agent));
    }

    [Fact]
    public void TiesByType_NamesAsymmetricPairsOnceAndSumsToTheTieCount()
    {
        OrgGraph graph = new OrgGraphBuilder(6)
            .AddTie(1, 0, EdgeType.Manager)
            .AddTie(0, 2, EdgeType.Report)
            .AddTie(3, 1, EdgeType.Mentor)
            .AddTie(4, 5, EdgeType.CirclePeer)
            .AddTie(5, 2, EdgeType.SkipReport)
            .Build();

        GraphStatisticsReport report = GraphStatistics.Compute(graph, Exact);

        Assert.Equal(
            [
                new TieTypeCount(EdgeType.Manager, "manager/report", 2),
                new TieTypeCount(EdgeType.Mentor, "mentor/mentee", 1),
                new TieTypeCount(EdgeType.CirclePeer, "circle_peer", 1),
                new TieTypeCount(EdgeType.SkipManager, "skip_manager/skip_report", 1),
            ],
            report.TiesByType);
        Assert.Equal(report.TieCount, report.TiesByType.Sum(t => t.Ties));
    }

    [Fact]
    public void EmptyAndSingleAgentGraphs_GiveZeros()
    {
        GraphStatisticsReport empty = GraphStatistics.Compute(new OrgGraphBuilder(0).Build(), Exact);
        GraphStatisticsReport single = GraphStatistics.Compute(new OrgGraphBuilder(1).Build(), Exact);

        Assert.Equal((0, 0, 0.0, 0), (empty.NodeCount, empty.ComponentCount, empty.MeanPathLength, empty.TopByDegree.Count));
        Assert.Equal((1, 1, 0.0, 0.0), (single.ComponentCount, single.LargestComponent, single.MeanPathLength, single.Clustering));
        Assert.Equal([new CentralAgent(0, "0", 0)], single.TopByBetweenness);
    }

    [Fact]
    [Trait("Category", "Slow")] // 6 s: exact betweenness of the large graphs the estimates are checked against.
    public void SampledEstimates_AgreeWithExactValuesWithinTolerancesDerivedFromTheGraph()
    {
        // Watts–Strogatz, 3,000 agents: measured exactly, then with 200 sources and 500 agents drawn.
        // The tolerances come from the graph itself. A mean of k of N values drawn without
        // replacement has standard error SE = σ/√k · √((N − k)/(N − 1)), σ the values' spread; the
        // values are each agent's local clustering, each source's mean distance and, per agent v,
        // each source's dependency δ_s(v) (the estimate is n/2 times their mean). A reference
        // Brandes below gives them all.
        const int n = 3_000, sources = 200, clusteringAgents = 500;
        OrgGraph graph = ClassicNetworks.WattsStrogatz(n, 6, 0.1, seed: 3);
        var exactOptions = new GraphStatisticsOptions { ExactUpTo = n, Top = n };
        var sampledOptions = new GraphStatisticsOptions { ExactUpTo = 1_000, SampleSources = sources, ClusteringSample = clusteringAgents, Top = n, Seed = 11 };

        GraphStatisticsReport exact = GraphStatistics.Compute(graph, exactOptions);
        GraphStatisticsReport sampled = GraphStatistics.Compute(graph, sampledOptions);
        Reference reference = Reference.Of(graph);

        Assert.Equal(1, exact.ComponentCount); // The reference assumes a connected graph.
        Assert.Equal((true, sources, true, sources, true, clusteringAgents), (sampled.PathSampled, sampled.PathSources, sampled.BetweennessSampled, sampled.BetweennessSources, sampled.ClusteringSampled, sampled.ClusteringAgents));
        Assert.Equal(reference.MeanPath, exact.MeanPathLength, Close);
        Assert.Equal(reference.Clustering.Average(), exact.Clustering, Close);
        double[] exactBetweenness = ByAgent(exact.TopByBetweenness, n);
        double[] sampledBetweenness = ByAgent(sampled.TopByBetweenness, n);
        Assert.All(Enumerable.Range(0, n), v => Assert.Equal(reference.Betweenness[v], exactBetweenness[v], 1e-6));

        // Means of 200 and 500 bounded values are close to normal: 5 SE.
        double pathError = StandardError(reference.SourceMeanDistance, sources);
        Assert.InRange(Math.Abs(sampled.MeanPathLength - exact.MeanPathLength), 0, 5 * pathError);
        Assert.InRange(Math.Abs(sampled.Clustering - exact.Clustering), 0, 5 * StandardError(reference.Clustering, clusteringAgents));

        // A source's dependencies sum to Σ_t (d(s, t) − 1) = (n − 1)(mean distance − 1), so the total
        // betweenness has SE n(n − 1)/2 times the mean path's.
        Assert.InRange(Math.Abs(sampledBetweenness.Sum() - exactBetweenness.Sum()), 0, 5 * n * (n - 1) / 2.0 * pathError);

        // Per agent, dependencies are skewed (a few sources send many paths through it), so a
        // normal bound fails in the upper tail; check instead that the standardised errors z are
        // calibrated: mean near 0 and root mean square near 1 (errors are correlated across agents,
        // which share the sources, hence the wide margins), and by Chebyshev's inequality, valid
        // for any distribution, at most 1/9 of agents beyond 3 SE.
        var z = new List<double>();
        for (int v = 0; v < n; v++)
        {
            double error = n / 2.0 * StandardError(reference.DependencyMean[v], reference.DependencySquareMean[v], sources);
            if (error == 0)
            {
                Assert.Equal(exactBetweenness[v], sampledBetweenness[v], 1e-6);
            }
            else
            {
                z.Add((sampledBetweenness[v] - exactBetweenness[v]) / error);
            }
        }

        Assert.InRange(z.Average(), -0.2, 0.2);
        Assert.InRange(Math.Sqrt(z.Average(x => x * x)), 0.8, 1.2);
        Assert.InRange(z.Count(x => Math.Abs(x) > 3), 0, z.Count / 9);
    }

    [Fact]
    public void SampledMeanPath_DrawsItsSourcesFromTheLargestComponent()
    {
        // A cycle of 3,001 agents and 500 separate pairs. Every agent of a cycle has the same mean
        // distance, (n + 1) / 4, so any sample of its agents gives it exactly; a source drawn from
        // the pairs would pull it towards 1.
        const int ring = 3_001, pairs = 500;
        var builder = new OrgGraphBuilder(ring + (2 * pairs));
        for (int v = 0; v < ring; v++)
        {
            builder.AddTie(v, (v + 1) % ring, EdgeType.TeamPeer);
        }

        for (int p = 0; p < pairs; p++)
        {
            builder.AddTie(ring + (2 * p), ring + (2 * p) + 1, EdgeType.TeamPeer);
        }

        var options = new GraphStatisticsOptions { ExactUpTo = 1_000, SampleSources = 50, Seed = 9 };
        GraphStatisticsReport report = GraphStatistics.Compute(builder.Build(), options);

        Assert.Equal((1 + pairs, ring), (report.ComponentCount, report.LargestComponent));
        Assert.Equal((true, 50, true, 50), (report.PathSampled, report.PathSources, report.BetweennessSampled, report.BetweennessSources));
        Assert.Equal((ring + 1) / 4.0, report.MeanPathLength, Close);
        Assert.All(report.TopByBetweenness, a => Assert.True(a.Agent < ring));
    }

    [Fact]
    public void SameSeed_GivesTheSameReportWhateverTheThreadsAndAnotherSeedDiffers()
    {
        OrgGraph graph = TestOrganisations.Hierarchy(20_000, 8, 2.0);
        var options = new GraphStatisticsOptions { ExactUpTo = 1_000, SampleSources = 40, ClusteringSample = 2_000, Seed = 1 };

        string once = Describe(GraphStatistics.Compute(graph, options));

        Assert.Equal(once, Describe(GraphStatistics.Compute(graph, options)));
        Assert.Equal(once, Describe(GraphStatistics.Compute(graph, options with { Threads = 2 })));
        Assert.Equal(once, Describe(GraphStatistics.Compute(graph, options with { Threads = 7 })));
        Assert.NotEqual(once, Describe(GraphStatistics.Compute(graph, options with { Seed = 2 })));
    }

    [Fact]
    public void ExactBetweenness_DoesNotDependOnTheThreads()
    {
        OrgGraph graph = ClassicNetworks.BarabasiAlbert(1_500, 3, seed: 4);
        var options = new GraphStatisticsOptions { Top = 1_500 };

        Assert.Equal(
            Describe(GraphStatistics.Compute(graph, options)),
            Describe(GraphStatistics.Compute(graph, options with { Threads = 3 })));
    }

    [Fact]
    [Trait("Category", "Slow")] // 2.3 s: a hierarchy large enough to be sampled.
    public void LargeHierarchy_IsSampledAndKeepsItsExactParts()
    {
        OrgGraph graph = TestOrganisations.Hierarchy(50_000, 8, 2.0);

        GraphStatisticsReport report = GraphStatistics.Compute(graph, new GraphStatisticsOptions { Threads = 2 });

        Assert.Equal((true, 200, true, 200, true, 10_000), (report.PathSampled, report.PathSources, report.BetweennessSampled, report.BetweennessSources, report.ClusteringSampled, report.ClusteringAgents));
        Assert.Equal((1, 50_000), (report.ComponentCount, report.LargestComponent));
        Assert.Equal(graph.EdgeCount / 2, report.TiesByType.Sum(t => t.Ties));
        Assert.Equal(50_000, report.AgentsPerLevel.Sum());
        Assert.Equal(graph.Degree(report.TopByDegree[0].Agent), report.TopByDegree[0].Value);
        Assert.Equal(report.TopByDegree[0].Agent.ToString(CultureInfo.InvariantCulture), report.TopByDegree[0].Name);
        Assert.True(report.TopByBetweenness[0].Value >= report.TopByBetweenness[^1].Value);
        Assert.Equal(10, report.TopByBetweenness.Count);

        // With two cross-team ties per agent the hierarchy is a small world: a few ties apart.
        Assert.InRange(report.MeanPathLength, 3, 8);
    }

    [Theory]
    [InlineData(nameof(GraphStatisticsOptions.ExactUpTo))]
    [InlineData(nameof(GraphStatisticsOptions.SampleSources))]
    [InlineData(nameof(GraphStatisticsOptions.ClusteringSample))]
    [InlineData(nameof(GraphStatisticsOptions.Top))]
    [InlineData(nameof(GraphStatisticsOptions.Threads))]
    public void Compute_RejectsAnOptionOutOfRangeByName(string name)
    {
        GraphStatisticsOptions options = name switch
        {
            nameof(GraphStatisticsOptions.ExactUpTo) => Exact with { ExactUpTo = -1 },
            nameof(GraphStatisticsOptions.SampleSources) => Exact with { SampleSources = 0 },
            nameof(GraphStatisticsOptions.ClusteringSample) => Exact with { ClusteringSample = 0 },
            nameof(GraphStatisticsOptions.Top) => Exact with { Top = -1 },
            _ => Exact with { Threads = 0 },
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => GraphStatistics.Compute(ClassicNetworks.Complete(3), options));
        Assert.Equal(name, error.ParamName);
    }

    private static double StandardError(double[] values, int k)
    {
        double mean = values.Average();
        return StandardError(mean, values.Average(x => x * x), k, values.Length);
    }

    private static double StandardError(double mean, double squareMean, int k, int population = 3_000)
    {
        double sd = Math.Sqrt(Math.Max(0, squareMean - (mean * mean)));
        return sd / Math.Sqrt(k) * Math.Sqrt((population - k) / (population - 1.0));
    }

    private static double[] ByAgent(IReadOnlyList<CentralAgent> agents, int n)
    {
        var values = new double[n];
        foreach (CentralAgent a in agents)
        {
            values[a.Agent] = a.Value;
        }

        return values;
    }

    private static string Describe(GraphStatisticsReport r)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{r.NodeCount} {r.TieCount} {string.Join(',', r.TiesByType)} {r.Degrees with { Histogram = [] }} {string.Join(',', r.Degrees.Histogram)} ");
        text.Append(CultureInfo.InvariantCulture, $"{string.Join(',', r.AgentsPerLevel)} {r.TeamCount} {r.SmallestTeam} {r.MeanTeamSize:R} {r.LargestTeam} ");
        text.Append(CultureInfo.InvariantCulture, $"{r.Clustering:R} {r.ClusteringSampled} {r.ClusteringAgents} {r.ComponentCount} {r.LargestComponent} ");
        text.Append(CultureInfo.InvariantCulture, $"{r.MeanPathLength:R} {r.PathSampled} {r.PathSources} {r.BetweennessSampled} {r.BetweennessSources} ");
        foreach (CentralAgent a in r.TopByDegree.Concat(r.TopByBetweenness))
        {
            text.Append(CultureInfo.InvariantCulture, $"{a.Agent}:{a.Name}:{a.Value:R} ");
        }

        return text.ToString();
    }

    /// <summary>
    /// Textbook Brandes with predecessor lists and a per-source pass over every agent, written
    /// independently of the code under test: per-agent clustering, per-source mean distance, and
    /// per-agent mean and mean square of the dependencies over all sources.
    /// </summary>
    private sealed record Reference(double[] Clustering, double[] SourceMeanDistance, double MeanPath, double[] Betweenness, double[] DependencyMean, double[] DependencySquareMean)
    {
        public static Reference Of(OrgGraph graph)
        {
            int n = graph.NodeCount;
            var neighbours = Enumerable.Range(0, n).Select(v => graph.Neighbours(v).ToArray()).ToArray();
            var clustering = new double[n];
            for (int v = 0; v < n; v++)
            {
                var contacts = neighbours[v].ToHashSet();
                int d = contacts.Count;
                int links = neighbours[v].Sum(u => neighbours[u].Count(contacts.Contains)) / 2;
                clustering[v] = d < 2 ? 0 : 2.0 * links / (d * (d - 1.0));
            }

            var sourceMean = new double[n];
            var sum = new double[n];
            var squares = new double[n];
            for (int s = 0; s < n; s++)
            {
                var distance = Enumerable.Repeat(-1, n).ToArray();
                var paths = new double[n];
                var predecessors = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
                var stack = new Stack<int>();
                var queue = new Queue<int>();
                distance[s] = 0;
                paths[s] = 1;
                queue.Enqueue(s);
                while (queue.Count > 0)
                {
                    int v = queue.Dequeue();
                    stack.Push(v);
                    foreach (int w in neighbours[v])
                    {
                        if (distance[w] < 0)
                        {
                            distance[w] = distance[v] + 1;
                            queue.Enqueue(w);
                        }

                        if (distance[w] == distance[v] + 1)
                        {
                            paths[w] += paths[v];
                            predecessors[w].Add(v);
                        }
                    }
                }

                sourceMean[s] = distance.Sum() / (n - 1.0);
                var dependency = new double[n];
                while (stack.Count > 0)
                {
                    int w = stack.Pop();
                    foreach (int v in predecessors[w])
                    {
                        dependency[v] += paths[v] / paths[w] * (1 + dependency[w]);
                    }
                }

                for (int v = 0; v < n; v++)
                {
                    double delta = v == s ? 0 : dependency[v];
                    sum[v] += delta;
                    squares[v] += delta * delta;
                }
            }

            return new Reference(
                clustering,
                sourceMean,
                sourceMean.Average(),
                sum.Select(x => x / 2).ToArray(),
                sum.Select(x => x / n).ToArray(),
                squares.Select(x => x / n).ToArray());
        }
    }
}
