using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using OrgSim.Core.Agents;
using OrgSim.Core.Graph;
using OrgSim.Core.Model;
using OrgSim.Core.Randomness;

namespace OrgSim.Core.Engine;

/// <summary>
/// Steps the learning dynamics of every agent of an organisation, one week per <see cref="Step"/>.
/// </summary>
/// <remarks>
/// <para>Synchronous update: each agent's week depends only on the state at the start of the
/// week. What an agent shows its contacts in week <c>t</c> — which competencies it deploys, drawn
/// from its stage at the start of week <c>t</c> — is a one-byte signal per agent, written while
/// the agent's week <c>t − 1</c> is applied and read by its contacts in week <c>t</c>. Agents read
/// only their contacts' signals and write only their own state and next signal, so the two
/// signal buffers are the only double buffering needed.</para>
/// <para>Determinism: every draw is <see cref="CounterRng"/> keyed by (seed, week) at a counter
/// that packs (agent, purpose, competency), and stage counts are integer sums, so the same seed
/// gives the same states and counts whatever <c>threads</c> is.</para>
/// <para>All buffers are allocated in the constructor; <see cref="Step"/> allocates nothing.</para>
/// </remarks>
public sealed class Simulation : IDisposable
{
    private const int CountsPerWorker = Competencies.Count * Stages.Count;
    private const int CountsStride = 32; // 128 bytes: keeps two workers' tallies off one cache line.
    private const ulong ThresholdStream = 0x7468726573686F6C; // "threshol": thresholds have their own stream, apart from the weeks'.
    private const int ChangedSlot = CountsPerWorker; // In each worker's padding: how many of its agents changed stage.
    private const int CompetentShift = 4;
    private const int PacerBit = CompetentShift + (int)Competency.Pacing;
    private const uint AllHabits = 0x03030303; // Four stage-3 bytes read as one word, in either byte order.

    private readonly OrgGraph _graph;
    private readonly AgentState _state;
    private readonly WeeklyRules _rules;
    private readonly ContactObserver _observer;
    private readonly double[] _adoptionBars;
    private readonly ulong[] _barIsCount;
    private readonly float[] _totalStrengths;
    private readonly int _activeWeeks;
    private readonly bool _hasSupporters;
    private readonly int _pacingInterval;
    private readonly bool _erodes;
    private readonly bool _readsPull;
    private readonly ulong _seed;
    private readonly RangeWorkers _workers;
    private readonly int _chunk;
    private readonly int _chunkCount;
    private int _nextChunk;
    private readonly int[] _partialCounts;
    private readonly int[] _counts = new int[CountsPerWorker];
    private readonly Action<int> _weekJob;
    private readonly Action<int> _scanJob;
    private IAgentScan? _scan;
    /// <summary>Agents per block of <see cref="ApplyWeek"/>: their contact counts (32 bytes each) stay in the L1 cache.</summary>
    private const int Block = 128;

    /// <summary>The most agents in a chunk that a worker claims at a time (<see cref="ApplyWeek"/>): about 250 chunks in a tick of 10^6 agents.</summary>
    private const int MaxChunk = 32 * Block;

    /// <summary>Chunks per worker and tick at least, so that the last chunks even out the workers.</summary>
    private const int ChunksPerWorker = 16;

    /// <summary>The counter slots of the four competencies' rule draws (2 + c, see <see cref="Counter"/>), lane c.</summary>
    private static readonly Vector256<ulong> RuleSlots = Vector256.Create(2UL, 3UL, 4UL, 5UL);

    /// <summary>The counter slots of the two deployment draws (0 and 1, see <see cref="Counter"/>).</summary>
    private static readonly Vector128<ulong> DeploymentSlots = Vector128.Create(0UL, 1UL);
    private readonly ulong[][] _blockContactCounts;
    private readonly byte[][] _blockNeeds;
    private readonly Vector256<ulong>[][] _blockDraws;
    private readonly Vector128<ulong>[][] _blockSignalDraws;
    private readonly byte[][] _blockSupport;
    private bool _thresholdsToCome;
    private readonly bool _readsKeep;
    private readonly bool _readsCount;
    private readonly bool _readsExposure;
    private ClassicKernel? _classic;
    private byte[] _signals;
    private byte[] _nextSignals;

    /// <summary>Creates a simulation at tick 0 with every agent at stage 0 in every competency.</summary>
    /// <param name="graph">The organisation.</param>
    /// <param name="parameters">The dynamics; validated here.</param>
    /// <param name="seed">The run's seed: the only source of randomness.</param>
    /// <param name="threads">Worker threads for a tick, in [1, 256]; does not change the results.</param>
    /// <param name="path">Whether the classic kernel may be used; does not change the results.</param>
    public Simulation(OrgGraph graph, ModelParameters parameters, ulong seed, int threads = 1, EnginePath path = EnginePath.Automatic)
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
        _rules = new WeeklyRules(parameters);
        _signals = new byte[graph.NodeCount];
        _nextSignals = new byte[graph.NodeCount];
        _observer = new ContactObserver(graph, parameters);
        _activeWeeks = parameters.ActiveWeeks;
        _readsKeep = parameters.Adoption == AdoptionRule.SimpleContagion;
        _readsCount = parameters.Adoption is AdoptionRule.FractionalThreshold or AdoptionRule.AbsoluteThreshold;
        _readsExposure = parameters.Adoption is AdoptionRule.FractionalThreshold or AdoptionRule.Bass;
        _hasSupporters = graph.HasSupporters;
        _pacingInterval = parameters.PacingIntervalWeeks;
        _erodes = parameters.Erodes;
        _readsPull = parameters.ReadsPull;

        // Adoption bars (8 bytes an agent) and contact strengths (4) only for the rules that read them.
        bool threshold = parameters.Adoption is AdoptionRule.FractionalThreshold or AdoptionRule.AbsoluteThreshold;
        bool share = parameters.Adoption is AdoptionRule.Bass || parameters.FeedforwardBoost > 0 || parameters.ReadsPull;
        _adoptionBars = threshold ? new double[graph.NodeCount] : [];
        _barIsCount = parameters.Adoption == AdoptionRule.FractionalThreshold ? new ulong[(graph.NodeCount + 63) / 64] : [];
        // Thresholds from a column arrive through SetThresholds; until then the bars are the rule's at 0 and Step refuses.
        _thresholdsToCome = threshold && parameters.Threshold.Kind == ThresholdKind.Column;
        if (threshold)
        {
            AdoptionBars.Compute(parameters.Adoption, _thresholdsToCome ? new double[graph.NodeCount] : DrawThresholds(parameters.Threshold, graph.NodeCount, seed), _observer, graph, _adoptionBars, _barIsCount);
        }

        _totalStrengths = share ? Enumerable.Range(0, graph.NodeCount).Select(v => (float)_observer.TotalStrength(v)).ToArray() : [];
        _seed = seed;

        // No more workers than blocks of 1,024 agents: below that, coordination costs more than it saves.
        int workerCount = Math.Max(1, Math.Min(threads, graph.NodeCount / 1024));
        _workers = new RangeWorkers(workerCount);
        _chunk = Math.Clamp(graph.NodeCount / (ChunksPerWorker * workerCount) / Block * Block, Block, MaxChunk);
        _chunkCount = (graph.NodeCount + _chunk - 1) / _chunk;

        _partialCounts = new int[workerCount * CountsStride];
        _blockContactCounts = Enumerable.Range(0, workerCount).Select(_ => new ulong[Block * ContactObserver.CountsPerRow]).ToArray();
        _blockNeeds = Enumerable.Range(0, workerCount).Select(_ => new byte[Block]).ToArray();
        _blockDraws = Enumerable.Range(0, workerCount).Select(_ => new Vector256<ulong>[Block]).ToArray();
        _blockSignalDraws = Enumerable.Range(0, workerCount).Select(_ => new Vector128<ulong>[Block]).ToArray();
        _blockSupport = Enumerable.Range(0, workerCount).Select(_ => new byte[Block]).ToArray();
        _weekJob = ApplyWeek;
        _scanJob = ScanChunks;
        _classic = path == EnginePath.Automatic ? ClassicKernel.TryCreate(graph, parameters, _rules, _state, seed, _observer, _totalStrengths) : null;
        if (_classic is not null && threshold && !_classic.SetBars(_adoptionBars, _barIsCount, _observer))
        {
            _classic = null;
        }

        Refresh();
    }

    /// <summary>
    /// Whether the weeks are stepped by the classic kernel: learning off, adopters always
    /// deploying, and a rule and graph for which it gives the general path's states draw for draw
    /// (docs/model.md, "The classic kernel"). It falls back to the general path for good when a seed puts an agent at stage 1 or 2.
    /// </summary>
    public bool UsesClassicKernel => _classic is not null;

    /// <summary>The organisation being simulated.</summary>
    public OrgGraph Graph => _graph;

    /// <summary>The dynamics' parameters.</summary>
    public ModelParameters Parameters { get; }

    /// <summary>Every agent's stages and counters; read it between steps.</summary>
    public AgentState State => _state;

    /// <summary>Weeks simulated so far; 0 before the first <see cref="Step"/>.</summary>
    public int Tick { get; private set; }

    /// <summary>How many agents changed stage in some competency in the last <see cref="Step"/>; 0 means the week was quiescent.</summary>
    public int AgentsChangedLastStep { get; private set; }

    /// <summary>The number of agents at each stage, indexed <c>competency * 4 + stage</c>, at the current tick.</summary>
    public ReadOnlySpan<int> StageCounts => _counts;

    /// <summary>
    /// The intervention: raises <paramref name="agents"/> to <paramref name="stage"/> in each of
    /// <paramref name="competencies"/>, at the current tick (between steps), for a training
    /// delivered in waves. A stage already at or above <paramref name="stage"/> is left alone. Agents
    /// put at stage 1 were trained: the entry trick gives them
    /// <see cref="ModelParameters.EntryTrickRepetitions"/> of their first repetitions.
    /// </summary>
    public void Seed(ReadOnlySpan<int> agents, CompetencySet competencies, Stage stage)
    {
        if ((uint)stage > (uint)Stage.UnconsciousCompetence)
        {
            throw new ArgumentOutOfRangeException(nameof(stage), stage, "should be in range [0, 3]");
        }

        int headStart = stage == Stage.ConsciousIncompetence ? Math.Min(Parameters.EntryTrickRepetitions, Parameters.RepetitionsToPractised - 1) : 0;
        foreach (int agent in agents)
        {
            foreach (Competency c in Competencies.All)
            {
                if (competencies.Contains(c) && _state.GetStage(agent, c) < stage)
                {
                    _state.SetStage(agent, c, stage);
                    _state.Repetitions[(agent * Competencies.Count) + (int)c] = (byte)headStart;
                }
            }
        }

        Refresh();
    }

    /// <summary>
    /// Replaces every agent's adoption threshold (a share for the fractional rule, a count for the
    /// absolute rule) instead of drawing them from <see cref="ModelParameters.Threshold"/>; for
    /// thresholds known agent by agent, such as Granovetter's riot. Allowed only before the first step.
    /// </summary>
    public void SetThresholds(ReadOnlySpan<double> thresholds)
    {
        if (Tick != 0)
        {
            throw new InvalidOperationException("thresholds can be set only at tick 0");
        }

        if (Parameters.Adoption is not (AdoptionRule.FractionalThreshold or AdoptionRule.AbsoluteThreshold))
        {
            throw new InvalidOperationException($"the adoption rule {Parameters.Adoption} uses no thresholds");
        }

        if (thresholds.Length != _adoptionBars.Length)
        {
            throw new ArgumentException($"should hold one threshold per agent ({_adoptionBars.Length})", nameof(thresholds));
        }

        foreach (double t in thresholds)
        {
            if (!(t >= 0))
            {
                throw new ArgumentOutOfRangeException(nameof(thresholds), t, "every threshold should be at least 0");
            }
        }

        AdoptionBars.Compute(Parameters.Adoption, thresholds, _observer, _graph, _adoptionBars, _barIsCount);
        _thresholdsToCome = false;
        if (_classic is not null && !_classic.SetBars(_adoptionBars, _barIsCount, _observer))
        {
            _classic = null;
            Refresh();
        }
    }

    /// <summary>Advances one week.</summary>
    public void Step()
    {
        if (_thresholdsToCome)
        {
            throw new InvalidOperationException($"the thresholds of column '{Parameters.Threshold.Column}' should be given with SetThresholds before the first step");
        }

        if (_classic is not null)
        {
            long alone = GC.GetAllocatedBytesForCurrentThread();
            AgentsChangedLastStep = _classic.Step(Tick, _counts);
            Tick++;
            _workers.CountAllocations(alone);
            return;
        }

        long tallied = GC.GetAllocatedBytesForCurrentThread();
        _observer.Tally(_signals);
        _workers.CountAllocations(tallied);
        _nextChunk = 0;
        _workers.Run(_weekJob);
        long before = GC.GetAllocatedBytesForCurrentThread();
        (_signals, _nextSignals) = (_nextSignals, _signals);
        Array.Clear(_counts);
        int changed = 0;
        for (int w = 0; w < _workers.Count; w++)
        {
            for (int i = 0; i < CountsPerWorker; i++)
            {
                _counts[i] += _partialCounts[(w * CountsStride) + i];
            }

            changed += _partialCounts[(w * CountsStride) + ChangedSlot];
        }

        AgentsChangedLastStep = changed;
        Tick++;
        _workers.CountAllocations(before); // The caller's share of the week after the workers' jobs: adding up their tallies.
    }

    /// <summary>
    /// Runs <paramref name="scan"/> over every agent's current state, the agents split in chunks
    /// among the simulation's threads (the caller's included), between steps. Allocates nothing.
    /// </summary>
    public void Scan(IAgentScan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        scan.Start(_workers.Count);
        _scan = scan;
        _nextChunk = 0;
        try
        {
            _workers.Run(_scanJob);
        }
        finally
        {
            _scan = null;
        }

        scan.Combine();
    }

    /// <summary>
    /// Bytes the steps (and <see cref="Scan"/>s) so far allocated on the managed heap, on every
    /// thread that worked on them; counted per thread, so other threads of the process never show
    /// here. Should stay 0 after the first steps have warmed the code up.
    /// </summary>
    internal long AllocatedBytesInSteps => _workers.AllocatedBytes;

    /// <summary>What the calling thread allocated inside the workers' barrier waits (<see cref="RangeWorkers.CallerWaitBytes"/>), for tests that count the caller's own allocations.</summary>
    internal long CallerWaitBytes => _workers.CallerWaitBytes;

    /// <summary>The threads that share a step, the caller's included: <c>threads</c>, capped by the agents.</summary>
    internal int WorkerCount => _workers.Count;

    /// <summary>Stops the worker threads.</summary>
    public void Dispose() => _workers.Dispose();

    /// <summary>
    /// The counter of a draw: 8 slots per agent — slots 0 and 1 decide deployment of competencies
    /// 0–1 and 2–3 (32 bits each), slots 2–5 learning and forgetting of competencies 0–3.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Counter(int agent, int slot) => ((ulong)(uint)agent << 3) | (uint)slot;

    /// <summary>What agent <paramref name="v"/>, at the stages of <paramref name="stageWord"/>, shows in the week of <paramref name="weekKey"/>: bit c set if it deploys competency c.</summary>
    private byte Signal(int v, uint stageWord, ulong weekKey) => Signal(v, stageWord, SignalDraws(v, weekKey));

    /// <summary>The draws of the week of <paramref name="weekKey"/> for the rules of <paramref name="v"/>'s four competencies, lane c = competency c.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> RuleDraws(int v, ulong weekKey) => CounterRng.Bits(weekKey, Vector256.Create((ulong)(uint)v << 3) | RuleSlots);

    /// <summary>The two draws that decide <paramref name="v"/>'s deployments in the week of <paramref name="weekKey"/>: competencies 0–1, then 2–3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> SignalDraws(int v, ulong weekKey) =>
        CounterRng.Bits(weekKey, Vector128.Create((ulong)(uint)v << 3) | DeploymentSlots);

    /// <summary>
    /// What agent <paramref name="v"/>, at the stages of <paramref name="stageWord"/>, shows its
    /// contacts, from the week's <paramref name="draws"/> (<see cref="SignalDraws"/>): bit c set if
    /// it deploys competency c, bit 4 + c if it is competent (stage 2 or 3) in c.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private byte Signal(int v, uint stageWord, Vector128<ulong> draws)
    {
        // Stages 2 and 3 have bit 1 set: an agent with no competent competency shows nothing.
        if ((stageWord & 0x02020202) == 0)
        {
            return 0;
        }

        // Bits 4-7: competent in each competency, which the agent's reports read for background
        // support and its team for the quarterly follow-up.
        uint competent = (stageWord >> 1) & 0x01010101;
        int competentBits = (int)((competent | (competent >> 7) | (competent >> 14) | (competent >> 21)) & 0xF);
        int signal = (competentBits << CompetentShift) | _rules.Deployments(stageWord, draws);
        return _activeWeeks == 0 ? (byte)signal : (byte)(signal & (StillActive(v, stageWord) | 0xF0));
    }

    private static double[] DrawThresholds(ThresholdDistribution distribution, int agents, ulong seed)
    {
        ulong key = CounterRng.Key(seed, ThresholdStream);
        var thresholds = new double[agents];
        for (int v = 0; v < agents; v++)
        {
            thresholds[v] = distribution.Draw(CounterRng.Uniform(key, 2 * (ulong)v), CounterRng.Uniform(key, (2 * (ulong)v) + 1));
        }

        return thresholds;
    }

    /// <summary>
    /// Whether <paramref name="v"/> follows up at a quarterly checkpoint: it is competent in pacing
    /// itself, or a team peer or its manager is. Read from last week's signals, like everything an
    /// agent learns about others; runs only in checkpoint weeks.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool FollowsUp(int v, int own, byte[] signals)
    {
        if ((own & (1 << PacerBit)) != 0)
        {
            return true;
        }

        if (_graph.IsComplete)
        {
            return _observer.CompleteContactsWith(PacerBit, own) > 0; // Every contact is a team peer.
        }

        ReadOnlySpan<int> contacts = _graph.Neighbours(v);
        ReadOnlySpan<EdgeType> types = _graph.EdgeTypesOf(v);
        for (int i = 0; i < contacts.Length; i++)
        {
            if (types[i] is EdgeType.TeamPeer or EdgeType.Manager && (signals[contacts[i]] & (1 << PacerBit)) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The competencies in which <paramref name="v"/> may still deploy: all but the habits older than the active weeks.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int StillActive(int v, uint stageWord)
    {
        int active = 0;
        for (int c = 0; c < Competencies.Count; c++)
        {
            int stage = (int)(stageWord >> (8 * c)) & 0xFF;
            bool expired = stage == (int)Stage.UnconsciousCompetence && _state.Repetitions[(v * Competencies.Count) + c] >= _activeWeeks;
            active |= (expired ? 0 : 1) << c;
        }

        return active;
    }

    /// <summary>
    /// Recomputes the week's signals (or the classic kernel's state) and the stage counts after
    /// the state was set directly.
    /// </summary>
    private void Refresh()
    {
        if (_classic is not null && !_classic.TryReset())
        {
            _classic = null; // An agent at stage 1 or 2: from now on the general path, which models them.
        }

        ulong weekKey = CounterRng.Key(_seed, (ulong)Tick);
        for (int v = 0; v < _graph.NodeCount && _classic is null; v++)
        {
            _signals[v] = Signal(v, StageWord(_state.Stages, v), weekKey);
        }

        Array.Clear(_counts);
        var tally = new StageTally();
        for (int v = 0; v < _graph.NodeCount; v++)
        {
            if (v % StageTally.Capacity == 0)
            {
                tally.MoveTo(_counts);
            }

            tally.Add(StageWord(_state.Stages, v));
        }

        tally.MoveTo(_counts);
    }

    /// <summary>
    /// The competencies in which an agent at <paramref name="stageWord"/> that deployed
    /// <paramref name="own"/> this week reads its contacts: the unaware, the aware, and
    /// practitioners who did not deploy. Habits and deploying practitioners need nobody.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Needs(uint stageWord, int own)
    {
        uint low = stageWord & 0x01010101, high = (stageWord >> 1) & 0x01010101;
        int b0 = (int)((low | (low >> 7) | (low >> 14) | (low >> 21)) & 0xF);
        int b1 = (int)((high | (high >> 7) | (high >> 14) | (high >> 21)) & 0xF);
        return (~b1 | (~b0 & ~own)) & 0xF;
    }

    /// <summary>The competencies of <paramref name="stageWord"/> at stage 3, bit c = competency c: with erosion on, a habit reads its contacts too.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HabitLanes(uint stageWord)
    {
        uint habits = stageWord & (stageWord >> 1) & 0x01010101;
        return (int)((habits | (habits >> 7) | (habits >> 14) | (habits >> 21)) & 0xF);
    }

    /// <summary>Whether an agent unaware of everything, with no contact deploying anything, stays unaware: its adoption chance is 0 then.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool UnawareStayUnaware(int v)
    {
        double bar = _adoptionBars.Length == 0 ? 0 : _adoptionBars[v];
        bool barIsCount = _barIsCount.Length != 0 && ((_barIsCount[v >> 6] >> v) & 1) != 0;
        float totalStrength = _totalStrengths.Length == 0 ? 0f : _totalStrengths[v];
        return !(_rules.AdoptionChance(1.0, 0, 0, bar, barIsCount, totalStrength) > 0);
    }

    /// <summary>Whether some competency of <paramref name="stageWord"/> is at stage 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HasUnaware(uint stageWord) => ((stageWord - 0x01010101) & ~stageWord & 0x80808080) != 0;

    /// <summary>Whether some competency of <paramref name="stageWord"/> is at stage 1 or 2: bit 0 differs from bit 1 exactly there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPractising(uint stageWord) => ((stageWord ^ (stageWord >> 1)) & 0x01010101) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint StageWord(byte[] stages, int v) =>
        // Little-endian packing, byte c = competency c, so shifts by 8·c pick competencies on any machine.
        BinaryPrimitives.ReadUInt32LittleEndian(stages.AsSpan(v * Competencies.Count, Competencies.Count));

    /// <summary>
    /// Applies the week to the chunks of agents that one worker claims, one after
    /// another, until none is left; a chunk a block of <see cref="Block"/> agents at a time: first
    /// the contacts of every agent of the block that reads them are counted, in one tight loop whose
    /// reads of contacts' signals (random for cross-team ties) overlap; then the rules of the
    /// block's agents are applied.
    /// </summary>
    /// <remarks>
    /// Workers claim chunks rather than own fixed ranges because the cost of an agent depends on
    /// its state (a habit costs almost nothing) and a worker may lose its core for a while: with
    /// fixed ranges the tick waited for the slowest. Which worker applies which agent changes no
    /// result, and the tallies are integer sums.
    /// </remarks>
    private void ApplyWeek(int worker)
    {
        Span<int> counts = _partialCounts.AsSpan(worker * CountsStride, CountsPerWorker);
        counts.Clear();
        int changed = 0, agents = _graph.NodeCount;
        byte[] stages = _state.Stages, signals = _signals;
        ulong[] contactCounts = _blockContactCounts[worker];
        int[] managers = _graph.Managers, supporters = _graph.Supporters;
        ulong weekKey = CounterRng.Key(_seed, (ulong)Tick), nextWeekKey = CounterRng.Key(_seed, (ulong)Tick + 1);
        for (int chunk = Interlocked.Increment(ref _nextChunk) - 1; chunk < _chunkCount; chunk = Interlocked.Increment(ref _nextChunk) - 1)
        {
            int end = Math.Min(agents, (chunk + 1) * _chunk);
            for (int first = chunk * _chunk; first < end; first += Block)
            {
                Span<byte> needs = _blockNeeds[worker].AsSpan(0, Math.Min(Block, end - first));
                Span<Vector256<ulong>> draws = _blockDraws[worker].AsSpan(0, needs.Length);
                Span<Vector128<ulong>> signalDraws = _blockSignalDraws[worker].AsSpan(0, needs.Length);
                Span<byte> support = _blockSupport[worker].AsSpan(0, needs.Length);
                for (int i = 0; i < needs.Length; i++)
                {
                    int v = first + i;
                    uint stageWord = StageWord(stages, v);
                    needs[i] = (byte)(Needs(stageWord, signals[v]) | (_erodes ? HabitLanes(stageWord) : 0));
                    if (stageWord == 0 && Parameters.Learning)
                    {
                        // Unaware of everything: no support to read, nothing it could deploy next
                        // week, and its rule draws are made only if some contact deploys.
                        continue;
                    }

                    // Drawn here, in a loop of independent draws, rather than where they are used:
                    // the multiplications of a 64-bit vector draw take long enough that an agent's
                    // rules waited for them.
                    signalDraws[i] = SignalDraws(v, nextWeekKey);
                    if (stageWord == AllHabits && _activeWeeks == 0 && !_erodes)
                    {
                        continue; // A habit only decides next week's deployments.
                    }

                    draws[i] = RuleDraws(v, weekKey);

                    // Background support: the manager's competence bits, and those of the mentor (or
                    // coach) if any. Read here, in order: read where the practising agents need
                    // them, the manager's id was a cache miss.
                    int manager = managers[v];
                    int supported = manager < 0 ? 0 : signals[manager] >> CompetentShift;
                    if (_hasSupporters && supporters[v] >= 0)
                    {
                        supported |= signals[supporters[v]] >> CompetentShift;
                    }

                    support[i] = (byte)supported;
                }

                _observer.CountBlock(first, needs, signals, contactCounts);
                changed += ApplyBlock(first, needs, support, contactCounts, draws, signalDraws, counts);
            }
        }

        _partialCounts[(worker * CountsStride) + ChangedSlot] = changed;
    }

    private void ScanChunks(int worker)
    {
        IAgentScan scan = _scan!;
        int agents = _graph.NodeCount;
        for (int chunk = Interlocked.Increment(ref _nextChunk) - 1; chunk < _chunkCount; chunk = Interlocked.Increment(ref _nextChunk) - 1)
        {
            int first = chunk * _chunk;
            scan.Add(worker, first, Math.Min(agents, first + _chunk) - first);
        }
    }

    /// <summary>
    /// Applies the week's rules to the agents <paramref name="first"/>.. of a block, adds their
    /// new stages to <paramref name="counts"/> and returns how many changed stage.
    /// </summary>
    private int ApplyBlock(int first, ReadOnlySpan<byte> needs, ReadOnlySpan<byte> support, ulong[] contactCounts, ReadOnlySpan<Vector256<ulong>> draws, ReadOnlySpan<Vector128<ulong>> signalDraws, Span<int> counts)
    {
        Debug.Assert(needs.Length <= StageTally.Capacity, "a block fits in the tally");
        var tally = new StageTally();
        int changed = 0;
        byte[] stages = _state.Stages, repetitions = _state.Repetitions, idleWeeks = _state.IdleWeeks;
        byte[] signals = _signals, nextSignals = _nextSignals;
        WeeklyRules rules = _rules;
        bool checkpoint = _pacingInterval > 0 && (Tick + 1) % _pacingInterval == 0;
        ulong weekKey = CounterRng.Key(_seed, (ulong)Tick);
        for (int b = 0; b < needs.Length; b++)
        {
            int v = first + b;
            uint stageWord = StageWord(stages, v);
            if (stageWord == AllHabits && _activeWeeks == 0 && !_erodes)
            {
                // Habits do not change: nothing to read, draw or write but next week's deployments.
                tally.Add(stageWord);
                nextSignals[v] = Signal(v, stageWord, signalDraws[b]);
                continue;
            }

            bool counted = _observer.IsCountable(v);
            ReadOnlySpan<ulong> contacts = contactCounts.AsSpan(b * ContactObserver.CountsPerRow, ContactObserver.CountsPerRow);
            if (stageWord == 0 && counted && ContactObserver.NoneDeploys(contacts) && UnawareStayUnaware(v))
            {
                // Unaware of everything and nobody around deploys anything: nothing can change,
                // and it deploys nothing next week. About a third of the agents early in a spread.
                tally.Add(0);
                nextSignals[v] = 0;
                continue;
            }

            int own = signals[v];

            // A follow-up only makes a week a repetition, which counts at stages 1 and 2 alone:
            // for anyone else the check would walk the contacts again for nothing.
            bool followUp = checkpoint && IsPractising(stageWord) && FollowsUp(v, own, signals);
            Vector256<double> keep = Vector256<double>.One, exposure = Vector256<double>.Zero, count = Vector256<double>.Zero;
            double feedforward = 0;
            if (needs[b] != 0)
            {
                if (counted)
                {
                    // Only what the agent's rules read: exposure for the practising and the rules
                    // that adopt on it, keep for the unaware under simple contagion, counts for the
                    // threshold rules, feedforward for the practising.
                    ulong needed = ContactObserver.NeededLanes(needs[b]);
                    exposure = _readsExposure || _erodes || IsPractising(stageWord) ? _observer.ExposureOf(contacts, needed) : exposure;
                    keep = _readsKeep && HasUnaware(stageWord) ? _observer.KeepOf(contacts, needed) : keep;
                    count = _readsCount ? ContactObserver.CountOf(contacts, needed) : count;
                    feedforward = IsPractising(stageWord) ? _observer.FeedforwardOf(contacts) : 0;
                }
                else
                {
                    _observer.Observe(v, needs[b], signals, out keep, out exposure, out count, out feedforward);
                }
            }

            double bar = _adoptionBars.Length == 0 ? 0 : _adoptionBars[v];
            bool barIsCount = _barIsCount.Length != 0 && ((_barIsCount[v >> 6] >> v) & 1) != 0;
            float totalStrength = _totalStrengths.Length == 0 ? 0f : _totalStrengths[v];
            Vector256<double> adoption = rules.AdoptionChances(keep, exposure, count, bar, barIsCount, totalStrength);
            Vector256<ulong> random = stageWord == 0 && Parameters.Learning ? RuleDraws(v, weekKey) : draws[b];
            if (stageWord == 0 && !WeeklyRules.AnyAdopts(adoption, random))
            {
                // Unaware of everything and the dice say it stays so: nothing to write or deploy.
                tally.Add(0);
                nextSignals[v] = 0;
                continue;
            }

            Vector256<double> practiceScale = Vector256<double>.Zero;
            if (IsPractising(stageWord))
            {
                double catalyst = feedforward > 0 ? rules.FeedforwardScale(feedforward / totalStrength) : 1.0;
                practiceScale = rules.PracticeScales(rules.RubPatScale(stageWord) * catalyst, stageWord, support[b]);
            }

            // The four competencies side by side: every draw is made, and a lane that needs none ignores its own.
            int i = v * Competencies.Count;
            uint nextWord = stageWord;
            uint repetitionWord = BinaryPrimitives.ReadUInt32LittleEndian(repetitions.AsSpan(i, Competencies.Count));
            uint idleWord = BinaryPrimitives.ReadUInt32LittleEndian(idleWeeks.AsSpan(i, Competencies.Count));
            double inverseStrength = _readsPull && totalStrength > 0 ? 1.0 / totalStrength : 0;
            rules.ApplyAll(ref nextWord, ref repetitionWord, ref idleWord, (own | (followUp ? 0xF : 0)) & 0xF, adoption, exposure, practiceScale, random, inverseStrength);
            BinaryPrimitives.WriteUInt32LittleEndian(stages.AsSpan(i, Competencies.Count), nextWord);
            BinaryPrimitives.WriteUInt32LittleEndian(repetitions.AsSpan(i, Competencies.Count), repetitionWord);
            BinaryPrimitives.WriteUInt32LittleEndian(idleWeeks.AsSpan(i, Competencies.Count), idleWord);

            tally.Add(nextWord);
            changed += nextWord != stageWord ? 1 : 0;
            nextSignals[v] = Signal(v, nextWord, signalDraws[b]);
        }

        tally.MoveTo(counts);
        return changed;
    }
}
