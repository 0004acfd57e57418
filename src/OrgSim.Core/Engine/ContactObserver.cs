using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
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
/// suffices to count deploying contacts by type: one byte lane per (type, competency), one
/// vector add per edge, no branch and no floating point in the edge loop; then
/// <c>keep = Π_type (1 − hit_type)^count</c> from a table of powers built by repeated
/// multiplication. Rows with more than 255 edges, and graphs with other weights, take the edge
/// by edge path. Each agent always takes the same path, so results do not depend on threads.</para>
/// <para>Why: on a 10^6-agent hierarchy at mid-spread (week 60, one thread) the edge-by-edge loop
/// was two thirds of a 65 ms tick, its branch per edge unpredictable. With counting and the other
/// v3 changes a tick on two threads went from 63 to 45 ms (benchmarks/README.md,
/// TickBySpreadPhaseBenchmarks).</para>
/// </remarks>
internal sealed class ContactObserver
{
    /// <summary>The most contacts a row may have to be counted in byte lanes.</summary>
    internal const int MaxCountedDegree = byte.MaxValue;
    private const int CountedTypes = EdgeTypes.StructuralCount;
    private const int FeedforwardLane = CountedTypes * Competencies.Count;

    /// <summary>The signal bit that says a contact is competent (stage ≥ 2) in feedforward.</summary>
    internal const int FeedforwardBit = 4 + (int)Competency.Feedforward;

    /// <summary>
    /// Index <c>type * 32 + 16 · (competent in feedforward) + deploying bits</c>: 1 in lane
    /// <c>type * 4 + c</c> for each competency c deploying, and 1 in lane <c>16 + type</c> for a
    /// contact competent in feedforward.
    /// </summary>
    private static readonly Vector256<byte>[] CountIncrements = BuildIncrements();

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
        int[] targets = _targets;
        EdgeType[] types = _types;
        Vector256<byte>[] increments = CountIncrements;
        Vector256<byte> counts = Vector256<byte>.Zero;
        int end = _offsets[v + 1];
        for (int e = _offsets[v]; e < end; e++)
        {
            int signal = signals[targets[e]];
            counts += increments[((int)types[e] << 5) | ((signal >> (FeedforwardBit - 4)) & 0x10) | (signal & needs)];
        }

        if (counts == Vector256<byte>.Zero)
        {
            // No contact deploys anything this agent needs: the common case early in a spread.
            keep = Vector256<double>.One;
            exposure = Vector256<double>.Zero;
            count = Vector256<double>.Zero;
            feedforward = 0;
            return;
        }

        Span<byte> n = stackalloc byte[Vector256<byte>.Count];
        counts.CopyTo(n);

        // Per type, the four competencies' counts are four consecutive bytes: a type with none
        // deploying (read as one zero word) is skipped, which most types are for most agents.
        double k0 = 1, k1 = 1, k2 = 1, k3 = 1, x0 = 0, x1 = 0, x2 = 0, x3 = 0;
        int m0 = 0, m1 = 0, m2 = 0, m3 = 0;
        for (int type = 0; type < CountedTypes; type++)
        {
            uint word = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(n[(type * Competencies.Count)..]);
            if (word == 0)
            {
                continue;
            }

            int c0 = (int)(word & 0xFF), c1 = (int)((word >> 8) & 0xFF), c2 = (int)((word >> 16) & 0xFF), c3 = (int)(word >> 24);
            int row = type * (MaxCountedDegree + 1);
            double strength = _strengthByType[type];
            k0 *= _missPowers[row + c0];
            k1 *= _missPowers[row + c1];
            k2 *= _missPowers[row + c2];
            k3 *= _missPowers[row + c3];
            x0 += c0 * strength;
            x1 += c1 * strength;
            x2 += c2 * strength;
            x3 += c3 * strength;
            m0 += c0;
            m1 += c1;
            m2 += c2;
            m3 += c3;
        }

        keep = Vector256.Create(k0, k1, k2, k3);
        exposure = Vector256.Create(x0, x1, x2, x3);
        count = Vector256.Create(m0, m1, m2, (double)m3);
        feedforward = 0;
        for (int type = 0; type < CountedTypes; type++)
        {
            feedforward += n[FeedforwardLane + type] * _strengthByType[type];
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

    private static Vector256<byte>[] BuildIncrements()
    {
        var table = new Vector256<byte>[CountedTypes * 32];
        Span<byte> lanes = stackalloc byte[Vector256<byte>.Count];
        for (int type = 0; type < CountedTypes; type++)
        {
            for (int bits = 0; bits < 16; bits++)
            {
                lanes.Clear();
                for (int c = 0; c < Competencies.Count; c++)
                {
                    lanes[(type * Competencies.Count) + c] = (byte)((bits >> c) & 1);
                }

                table[(type * 32) + bits] = Vector256.Create<byte>(lanes);
                lanes[FeedforwardLane + type] = 1;
                table[(type * 32) + 16 + bits] = Vector256.Create<byte>(lanes);
                lanes[FeedforwardLane + type] = 0;
            }
        }

        return table;
    }
}
