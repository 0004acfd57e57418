using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OrgSim.Core.Agents;
using OrgSim.Core.Graph;
using OrgSim.Core.Model;

namespace OrgSim.Core.Engine;

/// <summary>
/// What one agent sees of its contacts in a week: for each competency, the chance that no
/// deploying contact makes it aware, <c>keep = Π(1 − hit)</c>, and its exposure
/// <c>Σ strength</c> (strength = weight × interactions per week × edge weight), both over the
/// contacts that deploy that competency; <see cref="Hit"/> defines a contact's hit. The four
/// competencies are the four lanes of a vector.
/// </summary>
/// <remarks>
/// <para>When every edge weight is 1, strength and hit depend on the edge type alone, so it
/// suffices to count deploying contacts by type; then <c>keep = Π_type (1 − hit_type)^count</c>
/// from a table of powers built by repeated multiplication. A row is grouped by type
/// (<see cref="OrgGraphBuilder"/>), so counting adds each contact's signal byte, its bits spread
/// to one byte lane each, into the count of the row's current type segment: no type per edge, no
/// branch and no floating point in the edge loop (<see cref="CountBlock"/>). Rows with more than
/// 255 edges or with types beyond the four structural ones, and graphs with other weights, take
/// the edge by edge path. Each agent always takes the same path, so results do not depend on
/// threads.</para>
/// <para>Why: on a 10^6-agent hierarchy at mid-spread (week 60, one thread) the edge-by-edge loop
/// was two thirds of a 65 ms tick, its branch per edge unpredictable. Counting in byte lanes by
/// type (v3) brought a tick on two threads from 63 to 45 ms. Counting per segment, a block of rows
/// at a time (issue 12), took the counting from 41% of a tick's profile samples to 21% (10^6
/// agents, week 20, one thread), the rest of the tick shrinking too (benchmarks/README.md,
/// "Issue 12: full model").</para>
/// </remarks>
internal sealed class ContactObserver
{
    /// <summary>The most contacts a row may have to be counted in byte lanes.</summary>
    internal const int MaxCountedDegree = byte.MaxValue;
    private const int CountedTypes = EdgeTypes.StructuralCount;

    /// <summary>The counts of one row (<see cref="CountBlock"/>): one per structural edge type.</summary>
    internal const int CountsPerRow = CountedTypes;

    /// <summary>Bytes 0–3 of a type's count: the contacts deploying each competency.</summary>
    private const ulong DeployingLanes = 0xFFFFFFFFUL;

    /// <summary>Byte 7 of a type's count: the contacts competent in feedforward (signal bit <see cref="FeedforwardBit"/>).</summary>
    private const int FeedforwardCountShift = 8 * FeedforwardBit;

    /// <summary><see cref="Spread"/> without BMI2: byte c of entry b is bit c of b.</summary>
    private static readonly ulong[] SpreadBytes = Enumerable.Range(0, 256)
        .Select(b => Enumerable.Range(0, 8).Aggregate(0UL, (word, c) => word | ((ulong)((b >> c) & 1) << (8 * c))))
        .ToArray();

    /// <summary>The signal bit that says a contact is competent (stage ≥ 2) in feedforward.</summary>
    internal const int FeedforwardBit = 4 + (int)Competency.Feedforward;

    /// <summary>For each 4-bit set of competencies, a vector with 1 in the lanes of the set and 0 elsewhere.</summary>
    private static readonly Vector256<double>[] LaneMasks = Enumerable.Range(0, 16)
        .Select(bits => Vector256.Create((double)(bits & 1), (bits >> 1) & 1, (bits >> 2) & 1, (bits >> 3) & 1))
        .ToArray();

    private readonly int[] _offsets;
    private readonly int[] _targets;
    private readonly EdgeType[] _types;
    private readonly float[] _weights;
    private readonly bool _unitWeights;
    private readonly double _transmission;
    private readonly double[] _weightByType = new double[EdgeTypes.Count];
    private readonly double[] _interactionsByType = new double[EdgeTypes.Count];
    private readonly double[] _strengthByType = new double[EdgeTypes.Count];
    private readonly double[] _hitByType = new double[EdgeTypes.Count];
    private readonly double[] _missPowers = new double[EdgeTypes.Count * (MaxCountedDegree + 1)];
    private readonly ulong[] _countable;

    // A complete graph: every contact is a team peer at weight 1, so an agent's contacts deploying
    // a competency are the week's deployers of it, less itself — counted once a week (Tally).
    private readonly bool _complete;
    private readonly double[] _completeMissPowers = [];
    private readonly double _completeTotalStrength;
    private readonly int[] _signalBitCounts = new int[8];

    // The strengths of the four structural types, as fields: read for every counted row.
    private readonly double _structuralStrength0, _structuralStrength1, _structuralStrength2, _structuralStrength3;

    public ContactObserver(OrgGraph graph, ModelParameters parameters)
    {
        _offsets = graph.Offsets;
        _targets = graph.Targets;
        _types = graph.Types;
        _weights = graph.Weights;
        _unitWeights = graph.HasUnitWeights;
        _transmission = parameters.Transmission;
        foreach (EdgeType type in EdgeTypes.All)
        {
            int k = (int)type;
            Relationship relationship = parameters.Relationships.For(type);
            _weightByType[k] = relationship.Weight;
            _interactionsByType[k] = relationship.InteractionsPerWeek;
            _strengthByType[k] = relationship.Strength;
            _hitByType[k] = Hit(_transmission, relationship.Weight, relationship.InteractionsPerWeek);
            double power = 1.0;
            for (int n = 0; n <= MaxCountedDegree; n++)
            {
                _missPowers[(k * (MaxCountedDegree + 1)) + n] = power;
                power *= 1.0 - _hitByType[k];
            }
        }

        _countable = CountableRows(graph);
        _complete = graph.IsComplete;
        if (_complete)
        {
            // (1 − hit)^k and Σ strength by the same repeated multiplication and addition as a stored row.
            int k = (int)EdgeType.TeamPeer, n = graph.NodeCount;
            _completeMissPowers = new double[n];
            double power = 1.0;
            for (int m = 0; m < n; m++)
            {
                _completeMissPowers[m] = power;
                power *= 1.0 - _hitByType[k];
            }

            for (int m = 1; m < n; m++)
            {
                _completeTotalStrength += _strengthByType[k];
            }
        }
        (_structuralStrength0, _structuralStrength1, _structuralStrength2, _structuralStrength3) = (_strengthByType[0], _strengthByType[1], _strengthByType[2], _strengthByType[3]);
        _segmentEnds = SegmentEnds(graph, _countable);
    }

    private readonly uint[] _segmentEnds;

    /// <summary>
    /// Per countable agent, where the segments of its row end, relative to its first edge: byte
    /// k is the end of type k's segment for k = 0, 1, 2 (the last segment ends with the row).
    /// Rows are grouped by type (<see cref="OrgGraphBuilder"/>).
    /// </summary>
    private static uint[] SegmentEnds(OrgGraph graph, ulong[] countable)
    {
        var ends = new uint[graph.NodeCount];
        for (int v = 0; v < graph.NodeCount; v++)
        {
            if (((countable[v >> 6] >> v) & 1) == 0)
            {
                continue;
            }

            int start = graph.Offsets[v], end = graph.Offsets[v + 1], e = start;
            uint packed = 0;
            for (int type = 0; type < CountedTypes - 1; type++)
            {
                while (e < end && (int)graph.Types[e] == type)
                {
                    e++;
                }

                packed |= (uint)(e - start) << (8 * type);
            }

            ends[v] = packed;
        }

        return ends;
    }

    /// <summary>
    /// For a complete graph, counts once a week how many agents set each bit of their signal, so
    /// that an agent's contacts are counted as everyone less itself; nothing to do for other graphs.
    /// </summary>
    public void Tally(byte[] signals)
    {
        if (!_complete)
        {
            return;
        }

        Array.Clear(_signalBitCounts);
        foreach (byte signal in signals)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                _signalBitCounts[bit] += (signal >> bit) & 1;
            }
        }
    }

    /// <summary>For a complete graph after <see cref="Tally"/>: how many contacts of an agent with signal <paramref name="own"/> set <paramref name="bit"/>.</summary>
    public int CompleteContactsWith(int bit, int own) => _signalBitCounts[bit] - ((own >> bit) & 1);

    /// <summary>Observes the contacts of <paramref name="v"/> deploying a competency in <paramref name="needs"/> (a 4-bit set).</summary>
    /// <param name="v">The observing agent.</param>
    /// <param name="needs">The competencies it needs to observe, one bit each.</param>
    /// <param name="signals">Every agent's deployments this week.</param>
    /// <param name="keep">Per competency, Π(1 − hit) over deploying contacts.</param>
    /// <param name="exposure">Per competency, Σ strength over deploying contacts.</param>
    /// <param name="count">Per competency, the number of deploying contacts.</param>
    /// <param name="feedforward">Σ strength over contacts competent (stage ≥ 2) in feedforward, deploying or not.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Observe(int v, int needs, byte[] signals, out Vector256<double> keep, out Vector256<double> exposure, out Vector256<double> count, out double feedforward)
    {
        if (_complete)
        {
            ObserveEveryone(v, needs, signals, out keep, out exposure, out count, out feedforward);
        }
        else if (((_countable[v >> 6] >> v) & 1) != 0)
        {
            ObserveByCounting(v, needs, signals, out keep, out exposure, out count, out feedforward);
        }
        else
        {
            ObserveEdgeByEdge(v, needs, signals, out keep, out exposure, out count, out feedforward);
        }
    }

    /// <summary>The chance that one deploying contact of <paramref name="type"/> at unit weight makes the observer aware in a week.</summary>
    public double HitOf(EdgeType type) => _hitByType[(int)type];

    /// <summary>The exposure one deploying contact of <paramref name="type"/> at unit weight gives in a week.</summary>
    public double StrengthOf(EdgeType type) => _strengthByType[(int)type];

    /// <summary>Σ strength over all contacts of <paramref name="v"/>, deploying or not: the denominator of a weighted share.</summary>
    public double TotalStrength(int v)
    {
        if (_complete)
        {
            return _completeTotalStrength;
        }

        double total = 0;
        for (int e = _offsets[v]; e < _offsets[v + 1]; e++)
        {
            total += _strengthByType[(int)_types[e]] * (_unitWeights ? 1f : _weights[e]);
        }

        return total;
    }

    /// <summary>
    /// Whether every contact of <paramref name="v"/> has the same strength (type strength × edge
    /// weight), which is then <paramref name="strength"/>; false for an agent without contacts.
    /// </summary>
    public bool HasOneStrength(int v, out double strength)
    {
        if (_complete)
        {
            strength = _strengthByType[(int)EdgeType.TeamPeer];
            return _completeMissPowers.Length > 1;
        }

        strength = 0;
        int start = _offsets[v], end = _offsets[v + 1];
        if (start == end)
        {
            return false;
        }

        strength = _strengthByType[(int)_types[start]] * (_unitWeights ? 1f : _weights[start]);
        for (int e = start + 1; e < end; e++)
        {
            if (_strengthByType[(int)_types[e]] * (_unitWeights ? 1f : _weights[e]) != strength)
            {
                return false;
            }
        }

        return true;
    }

    internal void ObserveByCounting(int v, int needs, byte[] signals, out Vector256<double> keep, out Vector256<double> exposure, out Vector256<double> count, out double feedforward)
    {
        Span<ulong> counts = stackalloc ulong[CountsPerRow];
        CountBlock(v, [0xF], signals, counts); // Counted even when nothing is needed: feedforward is seen all the same.
        FromCounts(counts, needs, out keep, out exposure, out count, out feedforward);
    }

    /// <summary>Whether the row of <paramref name="v"/> is counted (<see cref="CountBlock"/>) rather than read edge by edge.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsCountable(int v) => ((_countable[v >> 6] >> v) & 1) != 0;

    /// <summary>
    /// Counts the contacts of the agents <paramref name="first"/>, <paramref name="first"/> + 1, …
    /// whose <paramref name="needs"/> is not 0 and whose rows are countable: for agent
    /// <c>first + i</c>, <paramref name="counts"/>[<see cref="CountsPerRow"/> · i + type] holds, in
    /// byte c, the contacts of that type deploying competency c and, in byte 4 + c, those competent
    /// in c (the agents' signal bits, one byte lane each). Other agents' counts are left as they were.
    /// </summary>
    /// <remarks>
    /// Rows are grouped by type, so the loop adds per segment, without a type per edge: per edge
    /// one target, one signal and one bit spread. A block of rows is counted before any of their
    /// rules run so that the reads of contacts' signals, random for cross-team ties, overlap
    /// instead of each waiting behind an agent's rules.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void CountBlock(int first, ReadOnlySpan<byte> needs, byte[] signals, Span<ulong> counts)
    {
        int[] targets = _targets;
        int[] offsets = _offsets;
        uint[] segmentEnds = _segmentEnds;
        ulong[] countable = _countable;
        for (int i = 0; i < needs.Length; i++)
        {
            int v = first + i;
            if (needs[i] == 0 || ((countable[v >> 6] >> v) & 1) == 0)
            {
                continue;
            }

            int e = offsets[v], end = offsets[v + 1];
            uint ends = segmentEnds[v];
            int managersEnd = e + (int)(ends & 0xFF), reportsEnd = e + (int)((ends >> 8) & 0xFF), peersEnd = e + (int)((ends >> 16) & 0xFF);
            ulong managers = 0, reports = 0, peers = 0, crossTeam = 0;
            for (; e < managersEnd; e++)
            {
                managers += Spread(signals[targets[e]]);
            }

            for (; e < reportsEnd; e++)
            {
                reports += Spread(signals[targets[e]]);
            }

            for (; e < peersEnd; e++)
            {
                peers += Spread(signals[targets[e]]);
            }

            for (; e < end; e++)
            {
                crossTeam += Spread(signals[targets[e]]);
            }

            Span<ulong> row = counts.Slice(CountsPerRow * i, CountsPerRow);
            row[(int)EdgeType.CrossTeam] = crossTeam;
            row[(int)EdgeType.Manager] = managers;
            row[(int)EdgeType.Report] = reports;
            row[(int)EdgeType.TeamPeer] = peers;
        }
    }

    /// <summary>
    /// A complete graph: what <see cref="ObserveByCounting"/> gives for one row of team peers at
    /// weight 1, from the week's tally instead of the row.
    /// </summary>
    internal void ObserveEveryone(int v, int needs, byte[] signals, out Vector256<double> keep, out Vector256<double> exposure, out Vector256<double> count, out double feedforward)
    {
        int own = signals[v];
        double strength = _strengthByType[(int)EdgeType.TeamPeer];
        int c0 = (needs & 1) != 0 ? CompleteContactsWith(0, own) : 0, c1 = (needs & 2) != 0 ? CompleteContactsWith(1, own) : 0;
        int c2 = (needs & 4) != 0 ? CompleteContactsWith(2, own) : 0, c3 = (needs & 8) != 0 ? CompleteContactsWith(3, own) : 0;
        keep = Vector256.Create(_completeMissPowers[c0], _completeMissPowers[c1], _completeMissPowers[c2], _completeMissPowers[c3]);
        exposure = Vector256.Create(c0 * strength, c1 * strength, c2 * strength, c3 * strength);
        count = Vector256.Create(c0, c1, c2, (double)c3);
        feedforward = CompleteContactsWith(FeedforwardBit, own) * strength;
    }


    /// <summary>Whether no contact in the counts of one row (<see cref="CountBlock"/>) deploys anything.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NoneDeploys(ReadOnlySpan<ulong> counts) => ((counts[0] | counts[1] | counts[2] | counts[3]) & DeployingLanes) == 0;

    /// <summary>The byte lanes of a row's counts that hold the deployments of <paramref name="needs"/> (a 4-bit set).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong NeededLanes(int needs) => Spread(needs) * 0xFF;

    /// <summary>
    /// The exposure of <see cref="Observe"/> from the counts of one row (<see cref="CountBlock"/>),
    /// over the competencies in <paramref name="needed"/> (<see cref="NeededLanes"/>): the same
    /// doubles, bit for bit, as adding the contacts' strengths edge by edge in type order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> ExposureOf(ReadOnlySpan<ulong> counts, ulong needed)
    {
        // Σ_type count × strength in type order; a type without deployments adds an exact 0, and
        // so does starting from the first term rather than from 0.
        return (((Deploying(counts[0], needed) * Vector256.Create(_structuralStrength0))
            + (Deploying(counts[1], needed) * Vector256.Create(_structuralStrength1)))
            + (Deploying(counts[2], needed) * Vector256.Create(_structuralStrength2)))
            + (Deploying(counts[3], needed) * Vector256.Create(_structuralStrength3));
    }

    /// <summary>The count of <see cref="Observe"/> from the counts of one row, over the competencies in <paramref name="needed"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> CountOf(ReadOnlySpan<ulong> counts, ulong needed) =>
        Deploying(counts[0] + counts[1] + counts[2] + counts[3], needed); // at most 255 contacts: no lane overflows

    /// <summary>The keep of <see cref="Observe"/> from the counts of one row, over the competencies in <paramref name="needed"/>: Π_type (1 − hit)^count from the table of powers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> KeepOf(ReadOnlySpan<ulong> counts, ulong needed)
    {
        // A type without deployments multiplies by an exact 1, so skipping it changes no bit.
        Vector256<double> keep = Vector256<double>.One;
        for (int type = 0; type < CountedTypes; type++)
        {
            uint word = (uint)(counts[type] & needed);
            if (word != 0)
            {
                int row = type * (MaxCountedDegree + 1);
                keep *= Vector256.Create(_missPowers[row + (int)(word & 0xFF)], _missPowers[row + (int)((word >> 8) & 0xFF)], _missPowers[row + (int)((word >> 16) & 0xFF)], _missPowers[row + (int)(word >> 24)]);
            }
        }

        return keep;
    }

    /// <summary>The feedforward of <see cref="Observe"/> from the counts of one row: Σ strength over the contacts competent in feedforward.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double FeedforwardOf(ReadOnlySpan<ulong> counts) =>
        ((counts[0] >> FeedforwardCountShift) * _structuralStrength0) + ((counts[1] >> FeedforwardCountShift) * _structuralStrength1)
        + ((counts[2] >> FeedforwardCountShift) * _structuralStrength2) + ((counts[3] >> FeedforwardCountShift) * _structuralStrength3);

    /// <summary><see cref="Observe"/> from the counts of one row (<see cref="CountBlock"/>): the same doubles, bit for bit, as reading the row edge by edge in type order.</summary>
    public void FromCounts(ReadOnlySpan<ulong> counts, int needs, out Vector256<double> keep, out Vector256<double> exposure, out Vector256<double> count, out double feedforward)
    {
        ulong needed = NeededLanes(needs);
        keep = KeepOf(counts, needed);
        exposure = ExposureOf(counts, needed);
        count = CountOf(counts, needed);
        feedforward = FeedforwardOf(counts);
    }

    /// <summary>The deployment counts (bytes 0–3) of <paramref name="counts"/> in <paramref name="needed"/>, as doubles, lane c = competency c.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Deploying(ulong counts, ulong needed) => Vector256.ConvertToDouble(ByteLanes.Widen((uint)(counts & needed)));

    /// <summary>Bit c of <paramref name="bits"/> (a signal byte) as byte c of the result: one count per byte lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Spread(int bits) => Bmi2.X64.IsSupported ? Bmi2.X64.ParallelBitDeposit((ulong)bits, 0x0101010101010101UL) : SpreadBytes[bits & 0xFF];

    internal void ObserveEdgeByEdge(int v, int needs, byte[] signals, out Vector256<double> keep, out Vector256<double> exposure, out Vector256<double> count, out double feedforward)
    {
        keep = Vector256<double>.One;
        exposure = Vector256<double>.Zero;
        count = Vector256<double>.Zero;
        feedforward = 0;
        int end = _offsets[v + 1];
        for (int e = _offsets[v]; e < end; e++)
        {
            int signal = signals[_targets[e]];
            if ((signal & (1 << FeedforwardBit)) != 0)
            {
                feedforward += _strengthByType[(int)_types[e]] * (_unitWeights ? 1f : _weights[e]);
            }

            int deploying = signal & needs;
            if (deploying != 0)
            {
                // A lane whose mask is 0 multiplies by exactly 1 and adds exactly 0.
                int type = (int)_types[e];
                float weight = _unitWeights ? 1f : _weights[e];
                double hit = weight == 1f ? _hitByType[type] : Hit(_transmission, _weightByType[type] * weight, _interactionsByType[type]);
                Vector256<double> mask = LaneMasks[deploying];
                keep *= Vector256<double>.One - (mask * hit);
                exposure += mask * (_strengthByType[type] * weight);
                count += mask;
            }
        }
    }

    /// <summary>
    /// The chance that a deploying contact makes the observer aware in a week: each of the
    /// <paramref name="interactionsPerWeek"/> interactions does so with probability
    /// min(1, β · weight), independently; a fractional count interpolates (0.25 ≈ one week in four).
    /// </summary>
    internal static double Hit(double transmission, double weight, double interactionsPerWeek) =>
        1.0 - Math.Pow(1.0 - Math.Min(1.0, transmission * weight), interactionsPerWeek);

    /// <summary>
    /// One bit per agent: whether its row can be counted in byte lanes — unit weights, at most
    /// 255 contacts, and only the structural edge types. Overlay members (mentors, coaches,
    /// circles) and weighted graphs take the edge-by-edge path; the bulk of a hierarchy does not.
    /// </summary>
    private static ulong[] CountableRows(OrgGraph graph)
    {
        var bits = new ulong[(graph.NodeCount + 63) / 64];
        for (int v = 0; v < graph.NodeCount && !graph.IsComplete; v++)
        {
            bool countable = graph.HasUnitWeights && graph.Degree(v) <= MaxCountedDegree;
            foreach (EdgeType type in graph.EdgeTypesOf(v))
            {
                countable &= (int)type < CountedTypes;
            }

            bits[v >> 6] |= countable ? 1UL << (v & 63) : 0;
        }

        return bits;
    }
}
