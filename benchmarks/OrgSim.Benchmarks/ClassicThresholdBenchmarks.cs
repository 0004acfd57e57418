using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using OrgSim.Core.Agents;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;
using OrgSim.Core.Model;
using OrgSim.Core.Seeding;

namespace OrgSim.Benchmarks;

/// <summary>
/// The synchronous fractional-threshold model (Watts 2002, θ = 0.18) on one Erdős–Rényi graph,
/// N = 10^6, mean degree 10, from 5% random seeds, one thread: OrgSim against the loop a
/// developer would write over the same CSR arrays (a byte of state per agent, integer
/// thresholds), which is the <see cref="BenchmarkAttribute.Baseline"/>, so the ratio comes from one run.
/// </summary>
/// <remarks>
/// <para>"Sweep" is one week from the seeded state: the plain loop visits every agent and sums its
/// contacts' bytes; OrgSim's first week after a seed counts every agent's adopted contacts too
/// (that count is the kernel's starting point), so the two do the same work. "To quiescence" steps
/// until a week changes nothing: the plain loop sweeps every agent every week, OrgSim's kernel
/// visits only the contacts of the week's adopters after the first week.</para>
/// <para>Every iteration starts from the same seeded state, rebuilt in <c>[IterationSetup]</c>
/// (not measured), so each iteration is exactly one operation.</para>
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(OneOperationConfig))]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet owns the instance's lifetime; [IterationCleanup] disposes the simulation.")]
public class ClassicThresholdBenchmarks
{
    private const int Agents = 1_000_000;
    private const double MeanDegree = 10;
    private const double Theta = 0.18;

    private OrgGraph? _graph;
    private ModelParameters? _model;
    private int[] _seeds = [];
    private PlainCsrLoop? _plain;
    private Simulation? _simulation;
    private Simulation? _general;

    /// <summary>Builds the graph once and copies it into plain CSR arrays for the baseline.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _graph = ClassicNetworks.ErdosRenyi(Agents, MeanDegree, seed: 42);
        _model = new ModelParameters
        {
            Learning = false,
            DeployProbabilityHabit = 1,
            Adoption = AdoptionRule.FractionalThreshold,
            Threshold = ThresholdDistribution.Fixed(Theta),
            Relationships = new Relationships { TeamPeer = new(1, 1) },
        };
        _seeds = SeedSelector.Select(_graph, SeedingStrategy.Random, budget: Agents / 20, seed: 42);
        _plain = new PlainCsrLoop(_graph, degree => degree == 0 ? int.MaxValue : (int)Math.Ceiling(Theta * (1 - 1e-6) * degree)); // as AdoptionBars does
    }

    /// <summary>Resets both to the seeded state.</summary>
    [IterationSetup]
    public void Reset()
    {
        byte[] state = _plain!.State;
        Array.Clear(state);
        foreach (int v in _seeds)
        {
            state[v] = 1;
        }

        _simulation?.Dispose();
        _simulation = new Simulation(_graph!, _model!, seed: 42, threads: 1);
        _simulation.Seed(_seeds, CompetencySet.Of(Competency.Decisiveness), Stage.UnconsciousCompetence);
        if (!_simulation.UsesClassicKernel)
        {
            throw new InvalidOperationException("the benchmark model should run on the classic kernel");
        }

        _general?.Dispose();
        _general = new Simulation(_graph!, _model!, seed: 42, threads: 1, path: EnginePath.General);
        _general.Seed(_seeds, CompetencySet.Of(Competency.Decisiveness), Stage.UnconsciousCompetence);
    }

    /// <summary>The plain loop: one synchronous sweep over every agent.</summary>
    [Benchmark(Baseline = true)]
    public int PlainLoopSweep() => PlainSweep();

    /// <summary>OrgSim: one week.</summary>
    [Benchmark]
    public int OrgSimSweep()
    {
        _simulation!.Step();
        return _simulation.AgentsChangedLastStep;
    }

    /// <summary>OrgSim's general path (what classic mode ran on before the kernel): one week.</summary>
    [Benchmark]
    public int GeneralPathSweep()
    {
        _general!.Step();
        return _general.AgentsChangedLastStep;
    }

    /// <summary>OrgSim's general path: weeks until one changes nothing.</summary>
    [Benchmark]
    public int GeneralPathToQuiescence()
    {
        int weeks = 1;
        _general!.Step();
        while (_general.AgentsChangedLastStep > 0)
        {
            _general.Step();
            weeks++;
        }

        return weeks;
    }

    /// <summary>The plain loop: sweeps until one changes nothing; returns the number of sweeps.</summary>
    [Benchmark]
    public int PlainLoopToQuiescence()
    {
        int sweeps = 1;
        while (PlainSweep() > 0)
        {
            sweeps++;
        }

        return sweeps;
    }

    /// <summary>OrgSim: weeks until one changes nothing; returns the number of weeks.</summary>
    [Benchmark]
    public int OrgSimToQuiescence()
    {
        int weeks = 1;
        _simulation!.Step();
        while (_simulation.AgentsChangedLastStep > 0)
        {
            _simulation.Step();
            weeks++;
        }

        return weeks;
    }

    /// <summary>Prints where the cascade ends, for the log.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (_simulation is not null)
        {
            BenchmarkSimulations.Report("classic-threshold cleanup", _simulation);
            _simulation.Dispose();
        }

        _general?.Dispose();
    }

    private int PlainSweep() => _plain!.Sweep();

    /// <summary>One launch, two warm-up and eight measured iterations of exactly one operation each.</summary>
    private sealed class OneOperationConfig : ManualConfig
    {
        public OneOperationConfig()
        {
            AddJob(Job.Default
                .WithLaunchCount(SuiteJobAttribute.Launches)
                .WithWarmupCount(SuiteJobAttribute.Warmups)
                .WithIterationCount(SuiteJobAttribute.Iterations * 2)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithId("OneOperation"));
            WithBuildTimeout(SuiteJobAttribute.BuildTimeout);
        }
    }
}
