using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using OrgSim.Core.Engine;

namespace OrgSim.Benchmarks;

/// <summary>
/// One tick at a chosen phase of the spread, for each organisation size, with almost no drift.
/// </summary>
/// <remarks>
/// <para>The cost of a tick depends on the state: the more agents deploy, the more edges carry a
/// signal and the more random draws an update makes. <see cref="SimulationBenchmarks"/> keeps
/// stepping one simulation for as many invocations as BenchmarkDotNet wants, so its small
/// organisations end up all habits. Here each iteration is a single tick (no
/// <c>[IterationSetup]</c>, so nothing is rebuilt): the two warm-up, eight measured and one
/// memory-diagnoser iterations advance the state by only eleven weeks past
/// <see cref="WarmTicks"/>. BenchmarkDotNet warns that iterations under 100 ms are short; for
/// ticks of tens of milliseconds the timer is still precise enough.</para>
/// <para>Global setup first runs a small organisation for a few hundred ticks so that the tick
/// code is fully jitted before the large one is warmed, then prints the stage shares at the
/// first measured tick and, in cleanup, at the last.</para>
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(SingleTickConfig))]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet owns the instance's lifetime; [GlobalCleanup] disposes the simulation.")]
public class TickBySpreadPhaseBenchmarks
{
    private Simulation? _simulation;

    /// <summary>The number of agents in the organisation.</summary>
    [ParamsSource(nameof(AgentCounts))]
    public int Agents { get; set; }

    /// <summary>
    /// 10^4, 10^5 and 10^6 agents, or the comma-separated sizes in the environment variable
    /// <c>ORGSIM_TICK_AGENTS</c> (e.g. <c>10000000</c> for the 10^7 case, which takes minutes to
    /// set up and is left out of the default run).
    /// </summary>
    public static IEnumerable<int> AgentCounts() =>
        Environment.GetEnvironmentVariable("ORGSIM_TICK_AGENTS") is { Length: > 0 } sizes
            ? sizes.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            : [10_000, 100_000, 1_000_000];

    /// <summary>Worker threads for a tick (the benchmark machine has two cores).</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Weeks stepped before measuring: 20 is early spread, 60 mid-spread, 100 late.</summary>
    [Params(20, 60, 100)]
    public int WarmTicks { get; set; }

    /// <summary>Builds the organisation and steps it to <see cref="WarmTicks"/>.</summary>
    [GlobalSetup]
    public void Setup()
    {
        using (Simulation warm = BenchmarkSimulations.CreateSeeded(10_000, Threads))
        {
            for (int t = 0; t < 300; t++)
            {
                warm.Step();
            }
        }

        Thread.Sleep(500); // lets the tiered JIT finish compiling the hot methods in the background

        _simulation = BenchmarkSimulations.CreateWarmed(Agents, Threads, WarmTicks, $"phase setup threads={Threads}");
    }

    /// <summary>Advances the simulation one week.</summary>
    [Benchmark]
    public void Tick() => _simulation!.Step();

    /// <summary>Reports the state after the measured ticks, then stops the workers.</summary>
    [GlobalCleanup]
    public void Cleanup() => BenchmarkSimulations.Finish($"phase cleanup threads={Threads}", ref _simulation);

    /// <summary>
    /// One launch, two warm-up and eight measured iterations of exactly one tick each. With the
    /// environment variable <c>ORGSIM_BENCH_CLOCK=cpu</c>, a second job measures the same ticks in
    /// the process's CPU time (<see cref="ProcessCpuClock"/>, in process), for a machine shared
    /// with other jobs.
    /// </summary>
    private sealed class SingleTickConfig : ManualConfig
    {
        public SingleTickConfig()
        {
            Job tick = Job.Default
                .WithLaunchCount(SuiteJobAttribute.Launches)
                .WithWarmupCount(SuiteJobAttribute.Warmups)
                .WithIterationCount(SuiteJobAttribute.Iterations)
                .WithInvocationCount(1)
                .WithUnrollFactor(1);
            if (Environment.GetEnvironmentVariable("ORGSIM_BENCH_CLOCK") == "cpu")
            {
                AddJob(tick.WithClock(new ProcessCpuClock()).WithToolchain(InProcessEmitToolchain.Instance).WithId("SingleTickCpu"));
            }
            else
            {
                AddJob(tick.WithId("SingleTick"));
            }

            WithBuildTimeout(SuiteJobAttribute.BuildTimeout);
        }
    }
}
