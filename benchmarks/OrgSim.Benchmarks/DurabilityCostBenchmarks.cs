using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using OrgSim.Core.Engine;
using OrgSim.Core.Model;

namespace OrgSim.Benchmarks;

/// <summary>
/// What relapse and habit erosion (issue 14) cost a tick: the default model against the same
/// model with both off, each warmed to the same week of its own spread, one tick per iteration.
/// </summary>
/// <remarks>
/// Erosion makes every habit read its contacts (its pull), where before an agent of four habits
/// was nearly free; the cost is therefore largest late in the spread, when most agents are
/// habits. The two simulations' states differ at the same week (relapse slows the spread), so
/// the ratio is what a run of the model costs now against before, not the cost of the rule alone.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(Config))]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet owns the instance's lifetime; [GlobalCleanup] disposes the simulations.")]
public class DurabilityCostBenchmarks
{
    private Simulation? _without;
    private Simulation? _with;

    /// <summary>10^5 and 10^6 agents.</summary>
    [Params(100_000, 1_000_000)]
    public int Agents { get; set; }

    /// <summary>Weeks stepped before measuring: 20 early, 100 late (mostly habits).</summary>
    [Params(20, 100)]
    public int WarmTicks { get; set; }

    /// <summary>The model before issue 14: relapse and erosion off.</summary>
    [GlobalSetup(Target = nameof(TickWithoutLosingGround))]
    public void SetupWithout() =>
        _without = BenchmarkSimulations.CreateWarmed(Agents, 1, WarmTicks, "durability setup without", new ModelParameters { RelapseRate = 0, HabitErosionRate = 0 });

    /// <summary>The default model: relapse 0.1, erosion 0.02.</summary>
    [GlobalSetup(Target = nameof(TickWithDefaults))]
    public void SetupWith() =>
        _with = BenchmarkSimulations.CreateWarmed(Agents, 1, WarmTicks, "durability setup defaults", new ModelParameters());

    /// <summary>One tick without relapse and erosion, one thread.</summary>
    [Benchmark(Baseline = true)]
    public void TickWithoutLosingGround() => _without!.Step();

    /// <summary>One tick of the default model, one thread.</summary>
    [Benchmark]
    public void TickWithDefaults() => _with!.Step();

    /// <summary>Reports the states after the measured ticks, then stops the workers.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        BenchmarkSimulations.Finish("durability cleanup without", ref _without);
        BenchmarkSimulations.Finish("durability cleanup defaults", ref _with);
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithLaunchCount(SuiteJobAttribute.Launches)
                .WithWarmupCount(SuiteJobAttribute.Warmups)
                .WithIterationCount(SuiteJobAttribute.Iterations)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithId("SingleTick"));
            WithBuildTimeout(SuiteJobAttribute.BuildTimeout);
        }
    }
}
