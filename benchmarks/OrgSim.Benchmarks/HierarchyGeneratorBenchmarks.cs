using BenchmarkDotNet.Attributes;
using OrgSim.Core.Graph;

namespace OrgSim.Benchmarks;

/// <summary>The cost of generating an organisation (span 8, two cross-team ties per agent).</summary>
[MemoryDiagnoser]
[SuiteJob]
public class HierarchyGeneratorBenchmarks
{
    private HierarchyOptions _options = new();

    /// <summary>The number of agents in the organisation.</summary>
    [Params(10_000, 100_000, 1_000_000)]
    public int Agents { get; set; }

    /// <summary>Fixes the options for <see cref="Agents"/>.</summary>
    [GlobalSetup]
    public void Setup() => _options = BenchmarkSimulations.Organisation(Agents);

    /// <summary>Generates the organisation from seed 42.</summary>
    [Benchmark]
    public OrgGraph Generate() => HierarchyGenerator.Generate(_options, seed: 42);
}
