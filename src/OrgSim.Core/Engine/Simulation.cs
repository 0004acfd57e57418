using System.Runtime.CompilerServices;
using OrgSim.Core.Agents;
using OrgSim.Core.Graph;
using OrgSim.Core.Model;
using OrgSim.Core.Randomness;

namespace OrgSim.Core.Engine;

/// <summary>
/// Steps the learning dynamics of every agent of an organisation, one week per <see cref="Step"/>.
/// </summary>
/// <remarks>
/// <para>A tick runs in two synchronous phases. Phase 1 draws, for every agent and competency,
/// whether the agent deploys it this week, from last week's stages, into a one-byte signal per
/// agent. Phase 2 lets every agent read only its contacts' signals and update only its own
/// state, so the update is synchronous without a second copy of the state.</para>
/// <para>Determinism: every draw is <see cref="CounterRng"/> keyed by (seed, tick) at counter
/// (agent, purpose, competency), and stage counts are integer sums, so the same seed gives the
/// same states and counts whatever <c>threads</c> is.</para>
/// <para>All buffers are allocated in the constructor; <see cref="Step"/> allocates nothing.</para>
/// </remarks>
public sealed class Simulation : IDisposable
{
    private const int CountsPerWorker = Competencies.Count * Stages.Count;
    private const int CountsStride = 32; // 128 bytes: keeps two workers' tallies off one cache line.

    private readonly OrgGraph _graph;
    private readonly AgentState _state;
    private readonly byte[] _signals;
    private readonly double[] _strengthByType = new double[EdgeTypes.Count];
    private readonly double _transmission;
    private readonly double _deployPractised;
    private readonly double _deployHabit;
    private readonly double _practiceBase;
    private readonly double _practiceFromExposure;
    private readonly int _repetitionsToPractised;
    private readonly int _repetitionsToHabit;
    private readonly int _forgetGraceWeeks;
    private readonly double _forgetRate;
    private readonly ulong _seed;
    private readonly RangeWorkers _workers;
    private readonly int[] _rangeStarts;
    private readonly int[] _partialCounts;
    private readonly int[] _counts = new int[CountsPerWorker];
    private readonly Action<int> _signalJob;
    private readonly Action<int> _updateJob;
    private ulong _tickKey;

    /// <summary>Creates a simulation at tick 0 with every agent at stage 0 in every competency.</summary>
    /// <param name="graph">The organisation.</param>
    /// <param name="parameters">The dynamics; validated here.</param>
    /// <param name="seed">The run's seed: the only source of randomness.</param>
    /// <param name="threads">Worker threads for a tick, in [1, 256]; does not change the results.</param>
    public Simulation(OrgGraph graph, ModelParameters parameters, ulong seed, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        if (threads is < 1 or > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), threads, "should be in range [1, 256]");
        }

        _graph = graph;
        Parameters = parameters;
        _state = new AgentState(graph.NodeCount);
        _signals = new byte[graph.NodeCount];
        foreach (EdgeType type in EdgeTypes.All)
        {
            _strengthByType[(int)type] = parameters.Relationships.For(type).Strength;
        }

        _transmission = parameters.Transmission;
        _deployPractised = parameters.DeployProbabilityPractised;
        _deployHabit = parameters.DeployProbabilityHabit;
        _practiceBase = parameters.PracticeBase;
        _practiceFromExposure = parameters.PracticeFromExposure;
        _repetitionsToPractised = parameters.RepetitionsToPractised;
        _repetitionsToHabit = parameters.RepetitionsToHabit;
        _forgetGraceWeeks = parameters.ForgetGraceWeeks;
        _forgetRate = parameters.ForgetRate;
        _seed = seed;

        // No more workers than blocks of 1,024 agents: below that, coordination costs more than it saves.
        int workerCount = Math.Max(1, Math.Min(threads, graph.NodeCount / 1024));
        _workers = new RangeWorkers(workerCount);
        _rangeStarts = new int[workerCount + 1];
        for (int w = 0; w <= workerCount; w++)
        {
            _rangeStarts[w] = (int)((long)graph.NodeCount * w / workerCount);
        }

        _partialCounts = new int[workerCount * CountsStride];
        _signalJob = ComputeSignals;
        _updateJob = UpdateAgents;
        RecountStages();
    }

    /// <summary>The organisation being simulated.</summary>
    public OrgGraph Graph => _graph;

    /// <summary>The dynamics' parameters.</summary>
    public ModelParameters Parameters { get; }

    /// <summary>Every agent's stages and counters; read it between steps.</summary>
    public AgentState State => _state;

    /// <summary>Weeks simulated so far; 0 before the first <see cref="Step"/>.</summary>
    public int Tick { get; private set; }

    /// <summary>The number of agents at each stage, indexed <c>competency * 4 + stage</c>, at the current tick.</summary>
    public ReadOnlySpan<int> StageCounts => _counts;

    /// <summary>
    /// Puts <paramref name="agents"/> at <paramref name="stage"/> in each of <paramref name="competencies"/>:
    /// the intervention. Allowed only before the first step.
    /// </summary>
    public void Seed(ReadOnlySpan<int> agents, CompetencySet competencies, Stage stage)
    {
        if (Tick != 0)
        {
            throw new InvalidOperationException("seeding is allowed only at tick 0");
        }

        foreach (int agent in agents)
        {
            foreach (Competency c in Competencies.All)
            {
                if (competencies.Contains(c))
                {
                    _state.SetStage(agent, c, stage);
                }
            }
        }

        RecountStages();
    }

    /// <summary>Advances one week.</summary>
    public void Step()
    {
        _tickKey = CounterRng.Key(_seed, (ulong)Tick);
        _workers.Run(_signalJob);
        _workers.Run(_updateJob);
        Array.Clear(_counts);
        for (int w = 0; w < _workers.Count; w++)
        {
            for (int i = 0; i < CountsPerWorker; i++)
            {
                _counts[i] += _partialCounts[(w * CountsStride) + i];
            }
        }

        Tick++;
    }

    /// <summary>Stops the worker threads.</summary>
    public void Dispose() => _workers.Dispose();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Counter(int agent, RandomPurpose purpose, int competency) =>
        ((ulong)(uint)agent << 6) | ((ulong)purpose << 2) | (uint)competency;

    private void ComputeSignals(int worker)
    {
        byte[] stages = _state.Stages;
        for (int v = _rangeStarts[worker]; v < _rangeStarts[worker + 1]; v++)
        {
            int signal = 0;
            for (int c = 0; c < Competencies.Count; c++)
            {
                int stage = stages[(v * Competencies.Count) + c];
                if (stage < (int)Stage.ConsciousCompetence)
                {
                    continue;
                }

                signal |= 1 << (c + 4);
                double p = stage == (int)Stage.ConsciousCompetence ? _deployPractised : _deployHabit;
                if (p > 0 && CounterRng.Uniform(_tickKey, Counter(v, RandomPurpose.Deploy, c)) < p)
                {
                    signal |= 1 << c;
                }
            }

            _signals[v] = (byte)signal;
        }
    }

    private void UpdateAgents(int worker)
    {
        Span<int> counts = _partialCounts.AsSpan(worker * CountsStride, CountsPerWorker);
        counts.Clear();
        Span<double> keep = stackalloc double[Competencies.Count];
        Span<double> exposure = stackalloc double[Competencies.Count];
        int[] offsets = _graph.Offsets, targets = _graph.Targets;
        float[] weights = _graph.Weights;
        EdgeType[] types = _graph.Types;
        for (int v = _rangeStarts[worker]; v < _rangeStarts[worker + 1]; v++)
        {
            keep.Fill(1.0);
            exposure.Clear();
            for (int e = offsets[v]; e < offsets[v + 1]; e++)
            {
                int deploying = _signals[targets[e]] & 0xF;
                if (deploying == 0)
                {
                    continue;
                }

                double strength = _strengthByType[(int)types[e]] * weights[e];
                double miss = 1.0 - Math.Min(1.0, _transmission * strength);
                for (int c = 0; c < Competencies.Count; c++)
                {
                    if ((deploying & (1 << c)) != 0)
                    {
                        keep[c] *= miss;
                        exposure[c] += strength;
                    }
                }
            }

            for (int c = 0; c < Competencies.Count; c++)
            {
                int stage = UpdateCompetency(v, c, keep[c], exposure[c]);
                counts[(c * Stages.Count) + stage]++;
            }
        }
    }

    /// <summary>Applies one week of learning or forgetting to one competency of one agent; returns its new stage.</summary>
    private int UpdateCompetency(int v, int c, double keep, double exposure)
    {
        int i = (v * Competencies.Count) + c;
        byte[] stages = _state.Stages;
        int stage = stages[i];
        switch (stage)
        {
            case (int)Stage.UnconsciousIncompetence:
                double aware = 1.0 - keep;
                if (aware > 0 && CounterRng.Uniform(_tickKey, Counter(v, RandomPurpose.Learn, c)) < aware)
                {
                    stages[i] = (byte)Stage.ConsciousIncompetence;
                    _state.Repetitions[i] = 0;
                    _state.IdleWeeks[i] = 0;
                    return (int)Stage.ConsciousIncompetence;
                }

                return stage;

            case (int)Stage.ConsciousIncompetence:
            case (int)Stage.ConsciousCompetence:
                bool practisedByDeploying = stage == (int)Stage.ConsciousCompetence && (_signals[v] & (1 << c)) != 0;
                double repetition = Math.Min(1.0, _practiceBase + (_practiceFromExposure * exposure));
                if (practisedByDeploying
                    || (repetition > 0 && CounterRng.Uniform(_tickKey, Counter(v, RandomPurpose.Learn, c)) < repetition))
                {
                    _state.IdleWeeks[i] = 0;
                    int repetitions = _state.Repetitions[i] + 1;
                    int needed = stage == (int)Stage.ConsciousIncompetence ? _repetitionsToPractised : _repetitionsToHabit;
                    if (repetitions >= needed)
                    {
                        stages[i] = (byte)(stage + 1);
                        _state.Repetitions[i] = 0;
                        return stage + 1;
                    }

                    _state.Repetitions[i] = (byte)repetitions;
                    return stage;
                }

                int idle = Math.Min(byte.MaxValue, _state.IdleWeeks[i] + 1);
                if (idle >= _forgetGraceWeeks && _forgetRate > 0
                    && CounterRng.Uniform(_tickKey, Counter(v, RandomPurpose.Forget, c)) < _forgetRate)
                {
                    stages[i] = (byte)(stage - 1);
                    _state.Repetitions[i] = 0;
                    _state.IdleWeeks[i] = 0;
                    return stage - 1;
                }

                _state.IdleWeeks[i] = (byte)idle;
                return stage;

            default:
                return stage; // Habits do not decay.
        }
    }

    private void RecountStages()
    {
        Array.Clear(_counts);
        byte[] stages = _state.Stages;
        for (int i = 0; i < stages.Length; i++)
        {
            _counts[((i % Competencies.Count) * Stages.Count) + stages[i]]++;
        }
    }
}
