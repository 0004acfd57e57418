using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using OrgSim.Core.Engine;

namespace OrgSim.Benchmarks;

/// <summary>
/// The cost of one tick (<see cref="Simulation.Step"/>) of an organisation in mid-spread.
/// </summary>
/// <remarks>
/// <para>Global setup generates the hierarchy (span 8, two cross-team ties per agent, seed 42),
/// seeds 5% of the agents at random at conscious competence in all four competencies and steps
/// <see cref="WarmTicks"/> weeks, so that the first measured tick sees a spread under way rather
/// than an organisation where almost nobody deploys anything.</para>
/// <para>The state is not reset between iterations: every invocation advances the same
/// simulation, so later iterations measure later weeks (for the small organisations, many
/// hundreds of weeks later, when most agents have settled into habits). Resetting in an
/// <c>[IterationSetup]</c> is not an option for ticks well under a millisecond (BenchmarkDotNet
/// then measures a single invocation per iteration and warns), so the drift is accepted and made
/// visible instead: global cleanup prints the number of ticks run and the final stage shares.
/// <see cref="TickBySpreadPhaseBenchmarks"/> measures the tick of every size at fixed phases of the
/// spread without that drift.</para>
/// </remarks>
[MemoryDiagnoser]
[SuiteJob]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet owns the instance's lifetime; [GlobalCleanup] disposes the simulation.")]
public class SimulationBenchmarks
{
    /// <summary>Weeks stepped in global setup before measuring.</summary>
    public const int WarmTicks = 20;

    private Simulation? _simulation;

    /// <summary>The number of agents in the organisation.</summary>
    [Params(10_000, 100_000, 1_000_000)]
    public int Agents { get; set; }

    /// <summary>Worker threads for a tick (the benchmark machine has two cores).</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Builds the organisation and brings it to mid-spread.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _simulation = BenchmarkSimulations.CreateWarmed(Agents, Threads, WarmTicks, $"setup threads={Threads}");
    }

    /// <summary>Advances the simulation one week.</summary>
    [Benchmark]
    public void Tick() => _simulation!.Step();

    /// <summary>Reports how far the measured ticks moved the state, then stops the workers.</summary>
    [GlobalCleanup]
    public void Cleanup() => BenchmarkSimulations.Finish($"cleanup threads={Threads}", ref _simulation);
}
