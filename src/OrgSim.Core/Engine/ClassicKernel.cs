using System.Runtime.CompilerServices;
using OrgSim.Core.Agents;
using OrgSim.Core.Graph;
using OrgSim.Core.Model;
using OrgSim.Core.Randomness;

namespace OrgSim.Core.Engine;

/// <summary>
/// The classic models (learning off) stepped the way a hand-written diffusion loop would: one
/// byte of state per agent (bit c: adopted competency c), each agent's count of adopted contacts
/// kept up to date as adopters appear, integer thresholds, and each week only the agents whose
/// count changed (threshold rules) or who can still adopt (simple contagion, Bass) are visited.
/// </summary>
/// <remarks>
/// <para>It gives exactly the states the general path (<see cref="Simulation"/>'s week over
/// every agent) gives, draw for draw, and is used only where that is proved:</para>
/// <list type="bullet">
/// <item>learning is off, adopters deploy every week (<see cref="ModelParameters.DeployProbabilityHabit"/> = 1)
/// and never stop (<see cref="ModelParameters.ActiveWeeks"/> = 0), so "deploying" is "at stage 3";</item>
/// <item>every agent is at stage 0 or 3 (a seed at stage 1 or 2 hands the run back to the general path);</item>
/// <item>fractional threshold: every agent's contacts are equally strong, so its bar is a count
/// (<see cref="AdoptionBars"/>); absolute threshold: any graph;</item>
/// <item>simple contagion and Bass: unit weights and one edge type in the whole graph, so
/// Π(1 − hit) and Σ strength depend on the count alone; they come from tables built by the same
/// repeated multiplication and addition the general path performs, hence the same bits.</item>
/// </list>
/// <para>A threshold agent adopts when its count reaches its bar, and its count changes only when
/// a contact adopts. So a week either pulls — counts afresh the adopted contacts of every agent
/// still open to some competency, one read per edge, as a hand-written loop does — or pushes each
/// of last week's adopters to its contacts' counts and visits only those contacts. Pushing costs
/// about three pulled edges per edge (a random read-modify-write of a count and of a watch bit),
/// so the kernel pushes while last week's adopters have fewer than a third of the open agents'
/// edges, and pulls otherwise, as direction-optimising breadth-first search does (Beamer, Asanović
/// and Patterson 2012). Simple contagion and Bass always push: an agent whose chance is still open
/// stays watched. A draw is made only where the chance is strictly between 0 and 1; skipping the
/// others changes nothing, because a draw is a pure function of (seed, week, agent, competency).</para>
/// <para>Counts are four 16-bit lanes of one 64-bit word per agent (one add per edge for all four
/// competencies) compared with a bar four at a time, so no agent may have more than 32,767
/// contacts; a graph that has one stays on the general path.</para>
/// </remarks>
internal sealed class ClassicKernel
{
    private const int MaxDegree = (1 << 15) - 1;
    private const int LaneBits = 16;
    private const int LaneMask = (1 << LaneBits) - 1;
    private const ulong LaneOnes = 0x0001_0001_0001_0001UL;
    private const ulong LaneTops = 0x8000_8000_8000_8000UL;

    /// <summary>
    /// A pushed edge costs a scattered read-modify-write of a count and of a watch bit, and each
    /// adopter's row a cache miss, where a pull reads a row in order: on Erdős–Rényi 10^6 (mean
    /// degree 10) a pushed edge measured 9–13 ns and a pulled one about 2.2 ns, so pushing pays
    /// while the adopters' edges are under a sixth of the edges a pull would read.
    /// </summary>
    private const int PushCostInPulledEdges = 6;
    private const int AllCompetencies = (1 << Competencies.Count) - 1;

    /// <summary>For each 4-bit set of competencies, 1 in the 16-bit lane of each member.</summary>
    private static readonly ulong[] Spread = Enumerable.Range(0, 1 << Competencies.Count)
        .Select(bits => Enumerable.Range(0, Competencies.Count).Aggregate(0UL, (word, c) => word | ((ulong)((bits >> c) & 1) << (LaneBits * c))))
        .ToArray();

    private readonly int[] _offsets;
    private readonly bool _complete;
    private ulong _adoptedTotals;
    private readonly int[] _targets;
    private readonly AdoptionRule _rule;
    private readonly WeeklyRules _rules;
    private readonly AgentState _state;
    private readonly ulong _seed;
    private readonly byte[] _adopted;
    private readonly ulong[] _counts;
    private readonly byte[] _byteCounts;
    private int _countsLane = -1;
    private bool _smallCounts;
    private readonly int[] _bars;
    private readonly ulong[] _watch;
    private readonly int[] _adopters;
    private readonly byte[] _adopterBits;
    private readonly double[] _keepByCount;
    private readonly double[] _exposureByCount;
    private readonly float[] _totalStrengths;
    private readonly int _countedDegree;
    private bool _pull = true;
    private int _live = AllCompetencies;
    private int _adoptedAnywhere;
    private int _lastAdopters;
    private bool _anyZeroBar;
    private const int ReadAhead = 8;
    private int _touched;
    private readonly long[] _openEdges = new long[Competencies.Count];

    private ClassicKernel(OrgGraph graph, ModelParameters parameters, WeeklyRules rules, AgentState state, ulong seed, ContactObserver observer, float[] totalStrengths)
    {
        int n = graph.NodeCount;
        _offsets = graph.Offsets;
        _complete = graph.IsComplete;
        _targets = graph.Targets;
        _rule = parameters.Adoption;
        _rules = rules;
        _state = state;
        _seed = seed;
        _adopted = new byte[n];
        _counts = new ulong[n];

        // With one competency live and at most 255 contacts an agent's count fits a byte: an array
        // the second-level cache holds, which makes a push's scattered increments cheap.
        _byteCounts = MaxRowLength(graph) <= byte.MaxValue ? new byte[n] : [];
        _bars = _rule is AdoptionRule.FractionalThreshold or AdoptionRule.AbsoluteThreshold ? new int[n] : [];
        _watch = new ulong[(n + 63) / 64];
        _adopters = new int[n];
        _adopterBits = new byte[n];
        _totalStrengths = totalStrengths;

        // The general path counts by type rows of structural types with up to 255 contacts, and sums the others edge by edge.
        bool structural = graph.EdgeCount == 0 || (int)graph.Types[0] < EdgeTypes.StructuralCount;
        _countedDegree = graph.IsComplete ? int.MaxValue : structural && graph.HasUnitWeights ? ContactObserver.MaxCountedDegree : -1;
        (_keepByCount, _exposureByCount) = _rule is AdoptionRule.SimpleContagion or AdoptionRule.Bass
            ? CountTables(graph, observer)
            : ([], []);
    }

    /// <summary>
    /// The kernel for this simulation, or null when the dynamics or the graph need the general
    /// path; the caller then calls <see cref="SetBars"/> (threshold rules) and <see cref="TryReset"/>.
    /// </summary>
    public static ClassicKernel? TryCreate(OrgGraph graph, ModelParameters parameters, WeeklyRules rules, AgentState state, ulong seed, ContactObserver observer, float[] totalStrengths)
    {
        bool classic = !parameters.Learning && parameters.ActiveWeeks == 0 && parameters.DeployProbabilityHabit >= 1;
        if (!classic || MaxRowLength(graph) > MaxDegree)
        {
            return null;
        }

        bool byCountOnly = parameters.Adoption switch
        {
            AdoptionRule.FractionalThreshold or AdoptionRule.AbsoluteThreshold => true,
            AdoptionRule.SimpleContagion or AdoptionRule.Bass => graph.HasUnitWeights && SingleEdgeType(graph),
            _ => false,
        };
        return byCountOnly ? new ClassicKernel(graph, parameters, rules, state, seed, observer, totalStrengths) : null;
    }

    /// <summary>
    /// Takes the threshold rules' bars as integer counts; false when some agent's bar is an
    /// exposure (contacts of different strengths under the fractional rule), which only the general path compares.
    /// </summary>
    public bool SetBars(double[] bars, ulong[] barIsCount, ContactObserver observer)
    {
        for (int v = 0; v < _bars.Length; v++)
        {
            // An agent whose contacts are all of strength 0 (or who has none) sees an exposure of 0
            // whoever deploys: it adopts at a bar of 0 and never above, as a count does.
            bool exposureBar = _rule == AdoptionRule.FractionalThreshold && ((barIsCount[v >> 6] >> v) & 1) == 0;
            if (exposureBar && observer.TotalStrength(v) > 0)
            {
                return false;
            }

            // count ≥ bar for a whole count is count ≥ ⌈bar⌉; an unreachable bar is one no count reaches.
            double bar = bars[v];
            _bars[v] = bar <= 0 ? 0 : exposureBar || bar > MaxDegree ? MaxDegree + 1 : (int)Math.Ceiling(bar);
        }

        _anyZeroBar = _bars.AsSpan().Contains(0);
        _live = AllCompetencies; // Until the next reset reads who has adopted what.
        _pull = true;
        _lastAdopters = 0;
        return true;
    }

    /// <summary>
    /// Reads every agent's state after it was set from outside (a seed); false when an agent is at
    /// stage 1 or 2, which the kernel does not model. The next week counts every agent's contacts afresh.
    /// </summary>
    public bool TryReset()
    {
        byte[] stages = _state.Stages;
        for (int v = 0; v < _adopted.Length; v++)
        {
            int bits = 0;
            for (int c = 0; c < Competencies.Count; c++)
            {
                int stage = stages[(v * Competencies.Count) + c];
                if (stage is (int)Stage.ConsciousIncompetence or (int)Stage.ConsciousCompetence)
                {
                    return false;
                }

                bits |= (stage == (int)Stage.UnconsciousCompetence ? 1 : 0) << c;
            }

            _adopted[v] = (byte)bits;
        }

        // An agent with a bar of 0 adopts in the first week without any contact, in every competency.
        _adoptedAnywhere = 0;
        _adoptedTotals = 0;
        foreach (byte bits in _adopted)
        {
            _adoptedAnywhere |= bits;
            _adoptedTotals += Spread[bits];
        }

        _live = _anyZeroBar ? AllCompetencies : LiveCompetencies();
        Array.Clear(_openEdges);
        for (int v = 0; v < _adopted.Length; v++)
        {
            for (int c = 0; c < Competencies.Count; c++)
            {
                _openEdges[c] += (_adopted[v] & (1 << c)) == 0 ? Degree(v) : 0;
            }
        }

        _pull = true;
        _lastAdopters = 0;
        return true;
    }

    /// <summary>
    /// Steps week <paramref name="tick"/>: decides every adoption from the state at the start of
    /// the week, then applies them to the state, the counts of contacts and <paramref name="stageCounts"/>
    /// (indexed competency × 4 + stage). Returns the number of agents that adopted something.
    /// </summary>
    public int Step(int tick, int[] stageCounts)
    {
        ulong weekKey = CounterRng.Key(_seed, (ulong)tick);
        int adopters;
        if (_complete)
        {
            adopters = DecideEveryone(weekKey);
        }
        else if (_pull)
        {
            adopters = PullAndDecide(weekKey);
        }
        else
        {
            if (_smallCounts)
            {
                Push<OneLaneInBytes>(_lastAdopters);
            }
            else
            {
                Push<FourLanes>(_lastAdopters);
            }
            adopters = DecideWatched(weekKey);
        }

        Apply(adopters, stageCounts);
        _lastAdopters = adopters;
        return adopters;
    }

    /// <summary>
    /// A week that counts afresh the adopted contacts of every agent still open to some
    /// competency (one pass over their edges, in id order) and decides each. With one live
    /// competency c every adopted byte is 0 or 2^c, so the pass adds the bytes themselves, as a
    /// hand-written loop over one byte of state does.
    /// </summary>
    private int PullAndDecide(ulong weekKey)
    {
        _countsLane = System.Numerics.BitOperations.PopCount((uint)_live) == 1 ? System.Numerics.BitOperations.TrailingZeroCount(_live) : -1;
        _smallCounts = _countsLane >= 0 && _byteCounts.Length != 0;
        return _smallCounts ? PullAndDecide<OneLaneInBytes>(weekKey, _countsLane)
            : _countsLane >= 0 ? PullAndDecide<OneLane>(weekKey, _countsLane)
            : PullAndDecide<FourLanes>(weekKey, 0);
    }

    private int PullAndDecide<TLanes>(ulong weekKey, int lane)
        where TLanes : struct, ILaneSum
    {
        Array.Clear(_watch);
        int[] offsets = _offsets, targets = _targets, bars = _bars;
        byte[] adopted = _adopted;
        bool threshold = bars.Length != 0;
        int adopters = 0;
        int live = _live;
        for (int v = 0; v < adopted.Length; v++)
        {
            int open = ~adopted[v] & live;
            if (open == 0)
            {
                continue; // An agent that has adopted every live competency never changes, and nobody reads its count.
            }

            ulong sum = 0;
            int end = offsets[v + 1];
            for (int e = offsets[v]; e < end; e++)
            {
                sum = TLanes.Add(sum, adopted[targets[e]]);
            }

            ulong count = TLanes.ToLanes(sum, lane);
            TLanes.Store(this, v, sum, count);
            if (threshold)
            {
                int adopting = Reached(count, bars[v]) & open;
                adopters = Record(v, adopting, adopters);
            }
            else
            {
                adopters = Decide(v, count, open, weekKey, adopters);
            }
        }

        return adopters;
    }

    /// <summary>
    /// A complete graph: every open agent's contacts are everyone else, so its counts are the
    /// week's adopters less itself, and every open agent is decided every week — O(agents), no edge read.
    /// </summary>
    private int DecideEveryone(ulong weekKey)
    {
        int adopters = 0;
        for (int v = 0; v < _adopted.Length; v++)
        {
            int open = ~_adopted[v] & _live;
            if (open == 0)
            {
                continue;
            }

            ulong counts = _adoptedTotals - Spread[_adopted[v]];
            adopters = Settle(v, counts, open, weekKey, adopters);
        }

        return adopters;
    }

    /// <summary>A week after a push: only the watched agents, in id order.</summary>
    private int DecideWatched(ulong weekKey) =>
        _smallCounts ? DecideWatched<OneLaneInBytes>(weekKey) : DecideWatched<FourLanes>(weekKey);

    private int DecideWatched<TLanes>(ulong weekKey)
        where TLanes : struct, ILaneSum
    {
        int adopters = 0;
        ulong[] watch = _watch;
        for (int w = 0; w < watch.Length; w++)
        {
            ulong word = watch[w];
            if (word == 0)
            {
                continue;
            }

            watch[w] = 0;
            while (word != 0)
            {
                int v = (w << 6) | System.Numerics.BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                int open = ~_adopted[v] & _live;
                if (open == 0)
                {
                    continue;
                }

                ulong counts = TLanes.Load(this, v, _countsLane);
                adopters = Settle(v, counts, open, weekKey, adopters);
            }
        }

        return adopters;
    }

    /// <summary>
    /// The competencies whose count (a 15-bit lane of <paramref name="counts"/>) reaches
    /// <paramref name="bar"/> (at most 2^15, which no count reaches): four comparisons at once
    /// without a branch, by subtracting the bar from each lane with its top bit set.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Reached(ulong counts, int bar)
    {
        ulong reached = ((counts | LaneTops) - ((ulong)bar * LaneOnes)) & LaneTops;
        return (int)(((reached >> 15) & 1) | ((reached >> 30) & 2) | ((reached >> 45) & 4) | ((reached >> 60) & 8));
    }

    /// <summary>
    /// Simple contagion and Bass: decides which open competencies <paramref name="v"/> adopts this
    /// week, and watches it next week if a chance is still open without a contact adopting.
    /// </summary>
    private int Decide(int v, ulong counts, int open, ulong weekKey, int adopters)
    {
        int adopting = 0, stillOpen = 0;
        for (int c = 0; c < Competencies.Count; c++)
        {
            if ((open & (1 << c)) == 0)
            {
                continue;
            }

            int count = (int)(counts >> (LaneBits * c)) & LaneMask;
            double chance = _rule == AdoptionRule.SimpleContagion
                ? 1.0 - _keepByCount[count]
                : _rules.AdoptionChance(1.0, _exposureByCount[(count << 1) | ExposurePath(v)], count, 0, false, _totalStrengths[v]);

            // The general path draws only for a chance above 0, and a chance of 1 is always met.
            if (chance >= 1.0 || (chance > 0 && WeeklyRules.Learn(CounterRng.Bits(weekKey, Simulation.Counter(v, 2 + c))) < chance))
            {
                adopting |= 1 << c;
            }
            else if (chance > 0 || _rule == AdoptionRule.Bass)
            {
                stillOpen |= 1 << c;
            }
        }

        if (stillOpen != 0)
        {
            _watch[v >> 6] |= 1UL << (v & 63);
        }

        return Record(v, adopting, adopters);
    }

    /// <summary>Adds <paramref name="v"/> to the week's adopters if it adopts something; returns the new number of adopters.</summary>
    /// <summary>
    /// Decides agent <paramref name="v"/>'s open competencies from its <paramref name="counts"/>: against
    /// its integer bars when the rule has them, otherwise by <see cref="Decide"/>'s draws.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Settle(int v, ulong counts, int open, ulong weekKey, int adopters) =>
        _bars.Length == 0
            ? Decide(v, counts, open, weekKey, adopters)
            : Record(v, Reached(counts, _bars[v]) & open, adopters);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Record(int v, int adopting, int adopters)
    {
        if (adopting == 0)
        {
            return adopters;
        }

        _adopters[adopters] = v;
        _adopterBits[adopters] = (byte)adopting;
        return adopters + 1;
    }

    /// <summary>
    /// Applies the week's adoptions to the stages and tallies, then chooses how next week finds
    /// its agents: pushing each adopter's competencies to its contacts' counts (a random
    /// read-modify-write per edge, and the contacts watched), or, when that would touch more than
    /// a pull pass costs, a fresh count over the agents still open.
    /// </summary>
    private void Apply(int adopters, int[] stageCounts)
    {
        byte[] stages = _state.Stages, repetitions = _state.Repetitions, idleWeeks = _state.IdleWeeks;
        int[] offsets = _offsets;
        byte[] adopted = _adopted;
        long pushEdges = 0;
        for (int i = 0; i < adopters; i++)
        {
            int v = _adopters[i], bits = _adopterBits[i];
            int degree = Degree(v);
            _adoptedTotals += Spread[bits];
            pushEdges += degree;
            adopted[v] |= (byte)bits;
            _adoptedAnywhere |= bits;

            for (int c = 0; c < Competencies.Count; c++)
            {
                if ((bits & (1 << c)) != 0)
                {
                    int slot = (v * Competencies.Count) + c;
                    stages[slot] = (byte)Stage.UnconsciousCompetence;
                    repetitions[slot] = 0;
                    idleWeeks[slot] = 0;
                    stageCounts[(c * Stages.Count) + (int)Stage.UnconsciousIncompetence]--;
                    stageCounts[(c * Stages.Count) + (int)Stage.UnconsciousCompetence]++;
                    _openEdges[c] -= degree;
                }
            }
        }

        _live = LiveCompetencies();

        // Simple contagion and Bass keep agents watched whose chance is still open: a pull pass would not see them otherwise.
        bool sameCounts = (System.Numerics.BitOperations.PopCount((uint)_live) == 1 ? System.Numerics.BitOperations.TrailingZeroCount(_live) : -1) == _countsLane;
        _pull = !sameCounts || (_bars.Length != 0 && pushEdges * PushCostInPulledEdges > PullEdges());
    }

    /// <summary>
    /// The competencies someone can still adopt without a seed: those someone has adopted (the
    /// others' counts are 0 for good, and a bar of 0 was met in the first week), and all of them
    /// under Bass with innovation, which needs no contact.
    /// </summary>
    private int LiveCompetencies() =>
        _rule == AdoptionRule.Bass && _rules.AdoptionChance(1.0, 0, 0, 0, false, 1.0) > 0 ? AllCompetencies : _adoptedAnywhere;

    /// <summary>
    /// About the edges a pull pass reads: those of the agents open to a live competency, estimated
    /// from below by the most open edges of one live competency (exact when they were seeded alike).
    /// </summary>
    private long PullEdges()
    {
        long edges = 0;
        for (int c = 0; c < Competencies.Count; c++)
        {
            edges = (_live & (1 << c)) != 0 ? Math.Max(edges, _openEdges[c]) : edges;
        }

        return edges;
    }

    /// <summary>Adds each adopter's new competencies to its contacts' counts and watches the contacts still open to one of them.</summary>
    private void Push<TLanes>(int adopters)
        where TLanes : struct, ILaneSum
    {
        int[] offsets = _offsets, targets = _targets, list = _adopters;
        byte[] adopted = _adopted;
        ulong[] watch = _watch;
        int touched = 0;
        for (int i = 0; i < adopters; i++)
        {
            // Adopters' rows are scattered: reading ahead the offset and the row start of adopters
            // to come overlaps their cache misses with this row's work.
            if (i + (2 * ReadAhead) < adopters)
            {
                touched += offsets[list[i + (2 * ReadAhead)]];
            }

            if (i + ReadAhead < adopters)
            {
                int ahead = offsets[list[i + ReadAhead]];
                touched += ahead < targets.Length ? targets[ahead] : 0;
            }

            int v = list[i], bits = _adopterBits[i];
            int end = offsets[v + 1];
            for (int e = offsets[v]; e < end; e++)
            {
                int u = targets[e];
                TLanes.Increment(this, u, bits);
                if ((~adopted[u] & bits) != 0)
                {
                    watch[u >> 6] |= 1UL << (u & 63);
                }
            }
        }

        _touched = touched;
    }

    /// <summary>Which of the general path's two ways of summing exposure <paramref name="v"/> gets: 0 counted by type (up to 255 contacts), 1 edge by edge.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ExposurePath(int v) => Degree(v) <= _countedDegree ? 0 : 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Degree(int v) => _complete ? _adopted.Length - 1 : _offsets[v + 1] - _offsets[v];

    /// <summary>
    /// For a graph of one edge type with unit weights: Π(1 − hit) over k deploying contacts, and
    /// Σ strength over them as the general path sums it (k · s when counted by type, s added k
    /// times edge by edge), interleaved by path, for k up to the largest row.
    /// </summary>
    private static (double[] Keep, double[] Exposure) CountTables(OrgGraph graph, ContactObserver observer)
    {
        int longest = MaxRowLength(graph);
        EdgeType type = graph.EdgeCount == 0 ? EdgeType.TeamPeer : graph.Types[0];
        double hit = observer.HitOf(type), strength = observer.StrengthOf(type);
        var keep = new double[longest + 1];
        var exposure = new double[2 * (longest + 1)];
        double power = 1.0, sum = 0;
        for (int k = 0; k <= longest; k++)
        {
            keep[k] = power;
            power *= 1.0 - hit;
            exposure[k << 1] = k * strength;
            exposure[(k << 1) | 1] = sum;
            sum += strength;
        }

        return (keep, exposure);
    }

    private static int MaxRowLength(OrgGraph graph)
    {
        int longest = 0;
        for (int v = 0; v < graph.NodeCount; v++)
        {
            longest = Math.Max(longest, graph.Degree(v));
        }

        return longest;
    }

    private static bool SingleEdgeType(OrgGraph graph) =>
        graph.EdgeCount == 0 || !graph.Types.AsSpan().ContainsAnyExcept(graph.Types[0]);

    /// <summary>
    /// How a pull pass sums its contacts' adopted bytes into four 16-bit lanes, and where an
    /// agent's count is kept between weeks.
    /// </summary>
    private interface ILaneSum
    {
        static abstract ulong Add(ulong sum, byte adopted);

        static abstract ulong ToLanes(ulong sum, int lane);

        static abstract void Store(ClassicKernel kernel, int v, ulong sum, ulong lanes);

        static abstract ulong Load(ClassicKernel kernel, int v, int lane);

        static abstract void Increment(ClassicKernel kernel, int u, int bits);
    }

    /// <summary>Any competencies live: each byte spread to its four lanes, kept as a 64-bit word.</summary>
    private readonly struct FourLanes : ILaneSum
    {
        public static ulong Add(ulong sum, byte adopted) => sum + Spread[adopted & AllCompetencies];

        public static ulong ToLanes(ulong sum, int lane) => sum;

        public static void Store(ClassicKernel kernel, int v, ulong sum, ulong lanes) => kernel._counts[v] = lanes;

        public static ulong Load(ClassicKernel kernel, int v, int lane) => kernel._counts[v];

        public static void Increment(ClassicKernel kernel, int u, int bits) => kernel._counts[u] += Spread[bits];
    }

    /// <summary>Only competency <c>lane</c> live: the bytes are 0 or 2^lane, summed as they are.</summary>
    private readonly struct OneLane : ILaneSum
    {
        public static ulong Add(ulong sum, byte adopted) => sum + adopted;

        public static ulong ToLanes(ulong sum, int lane) => (sum >> lane) << (LaneBits * lane);

        public static void Store(ClassicKernel kernel, int v, ulong sum, ulong lanes) => kernel._counts[v] = lanes;

        public static ulong Load(ClassicKernel kernel, int v, int lane) => kernel._counts[v];

        public static void Increment(ClassicKernel kernel, int u, int bits) => kernel._counts[u] += Spread[bits];
    }

    /// <summary>As <see cref="OneLane"/>, with at most 255 contacts: the count kept in a byte.</summary>
    private readonly struct OneLaneInBytes : ILaneSum
    {
        public static ulong Add(ulong sum, byte adopted) => sum + adopted;

        public static ulong ToLanes(ulong sum, int lane) => (sum >> lane) << (LaneBits * lane);

        public static void Store(ClassicKernel kernel, int v, ulong sum, ulong lanes) => kernel._byteCounts[v] = (byte)(lanes >> (LaneBits * kernel._countsLane));

        public static ulong Load(ClassicKernel kernel, int v, int lane) => (ulong)kernel._byteCounts[v] << (LaneBits * lane);

        // Only the live lane's adopters push: bits is 2^lane.
        public static void Increment(ClassicKernel kernel, int u, int bits) => kernel._byteCounts[u]++;
    }
}
