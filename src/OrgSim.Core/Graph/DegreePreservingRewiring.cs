using OrgSim.Core.Randomness;

namespace OrgSim.Core.Graph;

/// <summary>
/// Maslov–Sneppen double-edge swaps on a classic network: two ties (a, b) and (c, d) become
/// (a, d) and (c, b), or (a, c) and (b, d), so every agent keeps its degree while the network's
/// structure (its clustering, its long paths) is randomised step by step. Applied to a ring
/// lattice or a grid it moves from the lattice towards a random network with the lattice's degree
/// sequence: the control Maslov and Sneppen (2002, "Specificity and stability in topology of
/// protein networks", <i>Science</i> 296, 910) compare a network with, and a degree-exact
/// alternative to Watts–Strogatz, whose rewiring changes degrees.
/// </summary>
public static class DegreePreservingRewiring
{
    /// <summary>The most swaps per tie accepted: 100, far beyond the ~10 after which a network is as random as its degrees allow.</summary>
    public const double MaxSwapsPerTie = 100;

    /// <summary>Tries per swap asked for before giving up on a network too dense to take them all.</summary>
    public const int TriesPerSwap = 100;

    /// <summary>
    /// <paramref name="graph"/> after round(<paramref name="swapsPerTie"/> × ties) successful
    /// double-edge swaps, drawn from <paramref name="seed"/>: the two ties uniformly among all, the
    /// pairing by a fair coin; a swap that would make a self-loop or a tie that exists is refused
    /// and drawn again. Every agent's degree is unchanged, there are no self-loops and no multiple
    /// ties, and the same graph and seed give the same result.
    /// </summary>
    /// <remarks>
    /// A network so dense that few swaps are possible (a ring of n agents and degree n − 2) stops
    /// after <see cref="TriesPerSwap"/> tries per swap asked for, with the swaps made. Time and
    /// memory are linear in the ties and the swaps; <paramref name="cancellation"/> is looked at every
    /// 16,384 tries, as in the generators.
    /// </remarks>
    /// <param name="graph">A classic network: flat (no managers) with <see cref="EdgeType.TeamPeer"/> ties of weight 1, not complete.</param>
    /// <param name="swapsPerTie">Swaps per tie, in [0, <see cref="MaxSwapsPerTie"/>]; 0 returns <paramref name="graph"/> itself.</param>
    /// <param name="seed">The organisation seed.</param>
    /// <param name="cancellation">Stops the swaps and the build.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="swapsPerTie"/> is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="graph"/> is complete or not a classic network.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static OrgGraph Rewire(OrgGraph graph, double swapsPerTie, ulong seed, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (!(swapsPerTie >= 0 && swapsPerTie <= MaxSwapsPerTie))
        {
            throw new ArgumentOutOfRangeException(nameof(swapsPerTie), swapsPerTie, $"should be in range [0, {MaxSwapsPerTie}]");
        }

        if (graph.IsComplete)
        {
            throw new ArgumentException("a complete network has no swap that keeps it simple", nameof(graph));
        }

        if (swapsPerTie == 0)
        {
            return graph;
        }

        int n = graph.NodeCount;
        var a = new int[graph.EdgeCount / 2];
        var b = new int[a.Length];
        int m = 0;
        for (int v = 0; v < n; v++)
        {
            GenerationCancellation.Check(v, cancellation);
            if (graph.Manager(v) != -1 || graph.EdgeTypesOf(v).ContainsAnyExcept(EdgeType.TeamPeer))
            {
                throw new ArgumentException("only a classic network (flat, team-peer ties) can be rewired", nameof(graph));
            }

            foreach (int w in graph.Neighbours(v))
            {
                if (v < w)
                {
                    (a[m], b[m]) = (v, w);
                    m++;
                }
            }
        }

        var present = new HashSet<long>(m, TiePairComparer.Instance);
        for (int i = 0; i < m; i++)
        {
            present.Add(TiePairs.Pack(a[i], b[i]));
        }

        long wanted = (long)Math.Round(swapsPerTie * m, MidpointRounding.AwayFromZero);
        long tries = m < 2 ? 0 : checked(wanted * TriesPerSwap);
        ulong key = CounterRng.Key(seed, 5);
        long done = 0;
        for (long t = 0; t < tries && done < wanted; t++)
        {
            GenerationCancellation.Check(t, cancellation);
            ulong draw = 3 * (ulong)t;
            int i = CounterRng.Below(key, draw, m), j = CounterRng.Below(key, draw + 1, m);
            if (i == j)
            {
                continue;
            }

            // The coin picks which ends meet: (a, d) + (c, b), or (a, c) + (b, d).
            (int p, int q) = (a[i], b[i]);
            (int r, int s) = (CounterRng.Bits(key, draw + 2) & 1) == 0 ? (a[j], b[j]) : (b[j], a[j]);
            if (p == s || r == q || present.Contains(TiePairs.Pack(p, s)) || present.Contains(TiePairs.Pack(r, q)))
            {
                continue;
            }

            present.Remove(TiePairs.Pack(p, q));
            present.Remove(TiePairs.Pack(r, s));
            present.Add(TiePairs.Pack(p, s));
            present.Add(TiePairs.Pack(r, q));
            (a[i], b[i]) = (p, s);
            (a[j], b[j]) = (r, q);
            done++;
        }

        var builder = new OrgGraphBuilder(n);
        for (int v = 0; v < n; v++)
        {
            GenerationCancellation.Check(v, cancellation);
            builder.SetNode(v, manager: -1, team: graph.Team(v), level: graph.Level(v), graph.Role(v));
        }

        for (int i = 0; i < m; i++)
        {
            GenerationCancellation.Check(i, cancellation);
            builder.AddTie(a[i], b[i], EdgeType.TeamPeer);
        }

        return builder.Build(cancellation);
    }
}
