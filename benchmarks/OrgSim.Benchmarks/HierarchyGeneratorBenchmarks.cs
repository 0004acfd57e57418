using BenchmarkDotNet.Attributes;
using OrgSim.Core.Graph;
using OrgSim.Core.Graph.Overlays;

namespace OrgSim.Benchmarks;

/// <summary>
/// The cost of generating an organisation: the plain one (span 8, two cross-team ties per agent),
/// and a rich one with spans drawn per manager, functions, sites, remote workers (weighted ties),
/// cross-function ties, mentoring pods and skip-level meetings.
/// </summary>
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
    [Benchmark(Baseline = true)]
    public OrgGraph Generate() => HierarchyGenerator.Generate(_options, seed: 42);

    /// <summary>Generates the rich organisation and lays its overlays over it, from seed 42.</summary>
    [Benchmark]
    public OrgGraph GenerateRich()
    {
        HierarchyOptions rich = _options with
        {
            Span = 5, SpanMax = 10, Functions = 8, Sites = 4, RemoteShare = 0.15, CrossFunctionShare = 0.3,
        };
        var overlays = new OverlayOptions { MenteeShare = 0.3, LifeCoach = true, SkipLevelMeetings = true };
        return OverlayBuilder.Apply(HierarchyGenerator.Generate(rich, seed: 42), overlays, seed: 42, rich.RemoteTieWeight);
    }
}
