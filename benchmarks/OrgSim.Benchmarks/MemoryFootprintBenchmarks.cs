using System.Globalization;
using BenchmarkDotNet.Attributes;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;
using OrgSim.Core.Model;

namespace OrgSim.Benchmarks;

/// <summary>
/// The memory an organisation and its simulation take: what building them allocates, and what
/// they keep.
/// </summary>
/// <remarks>
/// <para>The benchmark builds the graph and a simulation over it; <c>[MemoryDiagnoser]</c> reports
/// the bytes that allocates, which includes the generator's temporaries and so bounds the
/// footprint from above.</para>
/// <para>Global setup measures what is kept: the managed heap (<see cref="GC.GetTotalMemory(bool)"/>
/// after a full collection) before and after building the graph, and again after building the
/// simulation while the graph is still referenced. It prints those numbers, the node and edge
/// counts, <see cref="OrgGraph.SizeInBytes"/>, and the retained bytes per agent and per directed
/// edge, on lines starting <c>// OrgSim footprint:</c> in the log.</para>
/// </remarks>
[MemoryDiagnoser]
[SuiteJob]
public class MemoryFootprintBenchmarks
{
    private HierarchyOptions _options = new();

    /// <summary>The number of agents in the organisation.</summary>
    [Params(1_000_000)]
    public int Agents { get; set; }

    /// <summary>Measures and prints the retained footprint.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _options = BenchmarkSimulations.Organisation(Agents);

        long before = GC.GetTotalMemory(forceFullCollection: true);
        OrgGraph graph = HierarchyGenerator.Generate(_options, seed: 42);
        long afterGraph = GC.GetTotalMemory(forceFullCollection: true);
        long afterSimulation;
        using (var simulation = new Simulation(graph, new ModelParameters(), seed: 42, threads: Environment.ProcessorCount))
        {
            afterSimulation = GC.GetTotalMemory(forceFullCollection: true);
            GC.KeepAlive(simulation);
        }

        GC.KeepAlive(graph);
        long graphBytes = afterGraph - before, simulationBytes = afterSimulation - afterGraph, total = afterSimulation - before;
        int n = graph.NodeCount, e = graph.EdgeCount;
        Print($"agents={n} directedEdges={e} edgesPerAgent={(double)e / n:F3}");
        Print($"graph retained={graphBytes} B (OrgGraph.SizeInBytes={graph.SizeInBytes} B); simulation retained={simulationBytes} B; total={total} B");
        Print($"simulation per agent={(double)simulationBytes / n:F2} B; total per agent (edges included)={(double)total / n:F2} B");
        // Graph: offset, manager, supporter, team, function, site (4 B each), level, role, remote flag
        // (1 B each). Simulation: stages, repetitions, idle weeks (4 B each), two signal buffers, the
        // contact strengths the feedforward share needs (4 B) and one bit for the counting path.
        const double perAgentArrays = 27 + 12 + 2 + 4 + 0.125;
        double nodePart = perAgentArrays * n;
        Print($"total minus {perAgentArrays} B/agent of per-agent arrays, per directed edge={(double)(total - nodePart) / e:F2} B (target and type: 5 B expected with unit weights, 9 B with weights)");
        Print($"budget 200 B/agent + 12 B/edge = {(200L * n) + (12L * e)} B; used {(double)total / ((200L * n) + (12L * e)):P1} of it");
    }

    /// <summary>Builds the organisation and a simulation over it (then stops the simulation's workers).</summary>
    [Benchmark]
    public int BuildGraphAndSimulation()
    {
        OrgGraph graph = HierarchyGenerator.Generate(_options, seed: 42);
        using var simulation = new Simulation(graph, new ModelParameters(), seed: 42, threads: Environment.ProcessorCount);
        return simulation.Graph.EdgeCount;
    }

    private static void Print(FormattableString message) =>
        Console.WriteLine("// OrgSim footprint: " + message.ToString(CultureInfo.InvariantCulture));
}
