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
/// a contact adopts: so after the first week (one pass that counts every agent's adopted contacts
/// and compares) a week visits only the contacts of last week's adopters, and a whole cascade to
/// quiescence costs about one pass over the edges plus one pass over the adopters' edges. A draw
/// is made only where the chance is strictly between 0 and 1; skipping the others changes
/// nothing, because a draw is a pure function of (seed, week, agent, competency).</para>
/// <para>Counts are four 16-bit lanes of one 64-bit word per agent (one add per edge for all four
/// competencies), so no agent may have more than 65,535 contacts; a graph that has one stays on
/// the general path.</para>
/// </remarks>
internal sealed class ClassicKernel
{
    private const int MaxDegree = ushort.MaxValue;
    private const int LaneBits = 16;
    private const int AllCompetencies = (1 << Competencies.Count) - 1;

    /// <summary>For each 4-bit set of competencies, 1 in the 16-bit lane of each member.</summary>
    private static readonly ulong[] Spread = Enumerable.Range(0, 1 << Competencies.Count)
        .Select(bits => Enumerable.Range(0, Competencies.Count).Aggregate(0UL, (word, c) => word | ((ulong)((bits >> c) & 1) << (LaneBits * c))))
        .ToArray();

    private readonly int[] _offsets;
    private readonly int[] _targets;
    private readonly AdoptionRule _rule;
    private readonly WeeklyRules _rules;
    private readonly AgentState _state;
    private readonly ulong _seed;
    private readonly byte[] _adopted;
    private readonly ulong[] _counts;
    private readonly int[] _bars;
    private readonly ulong[] _watch;
    private readonly int[] _adopters;
    private readonly byte[] _adopterBits;
    private readonly double[] _keepByCount;
    private readonly double[] _exposureByCount;
    private readonly float[] _totalStrengths;
    private readonly int _countedDegree;
    private bool _countsValid;

    private ClassicKernel(OrgGraph graph, ModelParameters parameters, WeeklyRules rules, AgentState state, ulong seed, ContactObserver observer, float[] totalStrengths)
    {
        int n = graph.NodeCount;
        _offsets = graph.Offsets;
        _targets = graph.Targets;
        _rule = parameters.Adoption;
        _rules = rules;
        _state = state;
        _seed = seed;
        _adopted = new byte[n];
        _counts = new ulong[n];
        _bars = _rule is AdoptionRule.FractionalThreshold or AdoptionRule.AbsoluteThreshold ? new int[n] : [];
        _watch = new ulong[(n + 63) / 64];
        _adopters = new int[n];
        _adopterBits = new byte[n];
        _totalStrengths = totalStrengths;

        // The general path counts by type rows of structural types with up to 255 contacts, and sums the others edge by edge.
        bool structural = graph.EdgeCount == 0 || (int)graph.Types[0] < EdgeTypes.StructuralCount;
        _countedDegree = structural && graph.HasUnitWeights ? ContactObserver.MaxCountedDegree : -1;
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
            _bars[v] = bar <= 0 ? 0 : exposureBar || bar >= MaxDegree + 1 ? int.MaxValue : (int)Math.Ceiling(bar);
        }

        _countsValid = false;
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

        _countsValid = false;
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
        int adopters = _countsValid ? DecideWatched(weekKey) : CountAndDecideAll(weekKey);
        _countsValid = true;
        Apply(adopters, stageCounts);
        return adopters;
    }

    /// <summary>The first week after a reset: every agent's adopted contacts counted (one pass over the edges), every agent decided.</summary>
    private int CountAndDecideAll(ulong weekKey)
    {
        Array.Clear(_watch);
        int[] offsets = _offsets, targets = _targets;
        byte[] adopted = _adopted;
        ulong[] spread = Spread;
        int adopters = 0;
        for (int v = 0; v < adopted.Length; v++)
        {
            ulong counts = 0;
            int end = offsets[v + 1];
            for (int e = offsets[v]; e < end; e++)
            {
                counts += spread[adopted[targets[e]]];
            }

            _counts[v] = counts;
            adopters = Decide(v, counts, weekKey, adopters);
        }

        return adopters;
    }

    /// <summary>A later week: only the watched agents, in id order.</summary>
    private int DecideWatched(ulong weekKey)
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
                adopters = Decide(v, _counts[v], weekKey, adopters);
            }
        }

        return adopters;
    }

    /// <summary>
    /// Decides which competencies <paramref name="v"/> adopts this week and whether it must be
    /// visited next week although no contact adopts (a random rule with a chance still open).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Decide(int v, ulong counts, ulong weekKey, int adopters)
    {
        int open = ~_adopted[v] & AllCompetencies;
        if (open == 0)
        {
            return adopters;
        }

        int adopting = 0, stillOpen = 0;
        for (int c = 0; c < Competencies.Count; c++)
        {
            if ((open & (1 << c)) == 0)
            {
                continue;
            }

            int count = (int)(counts >> (LaneBits * c)) & MaxDegree;
            double chance = _rule switch
            {
                AdoptionRule.FractionalThreshold or AdoptionRule.AbsoluteThreshold => count >= _bars[v] ? 1.0 : 0.0,
                AdoptionRule.SimpleContagion => 1.0 - _keepByCount[count],
                _ => _rules.AdoptionChance(1.0, _exposureByCount[(count << 1) | ExposurePath(v)], count, 0, false, _totalStrengths[v]),
            };

            // The general path draws only for a chance above 0, and a chance of 1 is always met.
            if (chance >= 1.0 || (chance > 0 && WeeklyRules.Learn(CounterRng.Bits(weekKey, Simulation.Counter(v, 2 + c))) < chance))
            {
                adopting |= 1 << c;
            }
            else
            {
                stillOpen |= chance > 0 || _rule == AdoptionRule.Bass ? 1 << c : 0;
            }
        }

        if (stillOpen != 0)
        {
            _watch[v >> 6] |= 1UL << (v & 63);
        }

        if (adopting == 0)
        {
            return adopters;
        }

        _adopters[adopters] = v;
        _adopterBits[adopters] = (byte)adopting;
        return adopters + 1;
    }

    /// <summary>Applies the week's adoptions: stages, tallies, and each adopter's contacts' counts, who are watched next week.</summary>
    private void Apply(int adopters, int[] stageCounts)
    {
        byte[] stages = _state.Stages, repetitions = _state.Repetitions, idleWeeks = _state.IdleWeeks;
        int[] offsets = _offsets, targets = _targets;
        byte[] adopted = _adopted;
        ulong[] counts = _counts, watch = _watch;
        for (int i = 0; i < adopters; i++)
        {
            int v = _adopters[i], bits = _adopterBits[i];
            adopted[v] |= (byte)bits;
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
                }
            }

            ulong increment = Spread[bits];
            int end = offsets[v + 1];
            for (int e = offsets[v]; e < end; e++)
            {
                int u = targets[e];
                counts[u] += increment;
                if ((~adopted[u] & bits) != 0)
                {
                    watch[u >> 6] |= 1UL << (u & 63);
                }
            }
        }
    }

    /// <summary>Which of the general path's two ways of summing exposure <paramref name="v"/> gets: 0 counted by type (up to 255 contacts), 1 edge by edge.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ExposurePath(int v) => _offsets[v + 1] - _offsets[v] <= _countedDegree ? 0 : 1;

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
}
