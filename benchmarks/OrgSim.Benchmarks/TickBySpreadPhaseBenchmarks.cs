using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;

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
    private PlainCsrLoop? _plain;

    /// <summary>The number of agents in the organisation.</summary>
    [ParamsSource(nameof(AgentCounts))]
    public int Agents { get; set; }

    /// <summary>
    /// 10^4, 10^5 and 10^6 agents, or the comma-separated sizes in the environment variable
    /// <c>ORGSIM_TICK_AGENTS</c> (e.g. <c>10000000</c> for the 10^7 case, which takes minutes to
    /// set up and is left out of the default run).
    /// </summary>
    public static IEnumerable<int> AgentCounts() => FromEnvironment("ORGSIM_TICK_AGENTS", [10_000, 100_000, 1_000_000]);

    /// <summary>Worker threads for a tick (the benchmark machine has two cores).</summary>
    [ParamsSource(nameof(ThreadCounts))]
    public int Threads { get; set; }

    /// <summary>Weeks stepped before measuring: 20 is early spread, 60 mid-spread, 100 late.</summary>
    [ParamsSource(nameof(WarmWeeks))]
    public int WarmTicks { get; set; }

    /// <summary>1 and 2, or the comma-separated counts in <c>ORGSIM_TICK_THREADS</c>.</summary>
    public static IEnumerable<int> ThreadCounts() => FromEnvironment("ORGSIM_TICK_THREADS", [1, 2]);

    /// <summary>20, 60 and 100, or the comma-separated weeks in <c>ORGSIM_TICK_WEEKS</c> (the 10^7 case takes minutes a week set).</summary>
    public static IEnumerable<int> WarmWeeks() => FromEnvironment("ORGSIM_TICK_WEEKS", [20, 60, 100]);

    /// <summary>Builds the organisation and steps it to <see cref="WarmTicks"/>.</summary>
    [GlobalSetup(Target = nameof(Tick))]
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

    /// <summary>
    /// The baseline: what a hand-written loop pays to touch the same organisation once, on one
    /// thread — for every agent, read the byte of each contact (from CSR arrays), count, write a
    /// byte. Bound by memory, as the tick's contact reads are, so the ratio Tick / PlainSweep shows
    /// what the model costs beyond reading the network, and how that grows with size, with much of
    /// the machine's noise divided out.
    /// </summary>
    [Benchmark(Baseline = true)]
    public int PlainSweep() => _plain!.Sweep();

    /// <summary>Builds the same organisation as CSR arrays and a byte per agent, 5% of them set.</summary>
    [GlobalSetup(Target = nameof(PlainSweep))]
    public void SetupPlainSweep()
    {
        OrgGraph graph = HierarchyGenerator.Generate(BenchmarkSimulations.Organisation(Agents), seed: 42);
        _plain = new PlainCsrLoop(graph, _ => 2);
        var random = new Random(42);
        for (int v = 0; v < graph.NodeCount; v++)
        {
            _plain.State[v] = (byte)(random.Next(20) == 0 ? 1 : 0);
        }
    }

    private static IEnumerable<int> FromEnvironment(string variable, int[] defaults) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } values
            ? values.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            : defaults;

    /// <summary>Reports the state after the measured ticks, then stops the workers.</summary>
    [GlobalCleanup(Target = nameof(Tick))]
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
