using BenchmarkDotNet.Attributes;
using OrgSim.Core.Graph;

namespace OrgSim.Benchmarks;

/// <summary>
/// The cost of <c>orgsim graph --stats</c>: <see cref="GraphStatistics.Compute"/> with the default
/// options (exact up to 2,000 agents; above, 200 breadth-first sources and 10,000 agents for
/// clustering) on the benchmark hierarchy, on one thread and on two.
/// </summary>
[MemoryDiagnoser]
[SuiteJob]
public class GraphStatisticsBenchmarks
{
    private OrgGraph? _graph;

    /// <summary>The number of agents in the organisation.</summary>
    [Params(100_000, 1_000_000)]
    public int Agents { get; set; }

    /// <summary>The threads that share the breadth-first searches.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Generates the organisation from seed 42.</summary>
    [GlobalSetup]
    public void Setup() => _graph = HierarchyGenerator.Generate(BenchmarkSimulations.Organisation(Agents), seed: 42);

    /// <summary>Computes every statistic with the default sample.</summary>
    [Benchmark]
    public GraphStatisticsReport Compute() => GraphStatistics.Compute(_graph!, new GraphStatisticsOptions { Threads = Threads });
}
