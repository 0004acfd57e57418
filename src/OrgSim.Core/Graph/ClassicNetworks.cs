using OrgSim.Core.Randomness;

namespace OrgSim.Core.Graph;

/// <summary>
/// The classic networks of diffusion research, for validating the engine against published
/// results: complete graph, ring lattice, 2-D grid, Erdős–Rényi, Watts–Strogatz and
/// Barabási–Albert. Each is deterministic from its seed and built in time linear in its edges.
/// </summary>
/// <remarks>
/// <para>Every generator that loops over agents or ties looks at its cancellation token every
/// <see cref="CancellationCheckTies"/> iterations (the complete graph is two O(n) arrays and takes
/// none): at 10^7 agents Erdős–Rényi takes tens of seconds, and Slurm and Kubernetes kill 30 s
/// after SIGTERM. The checks draw nothing, so a seed gives the same graph with or without a token.</para>
/// <para>
/// These networks have no hierarchy: every agent is a front-line agent at level 0 in team 0, and
/// every tie is a <see cref="EdgeType.TeamPeer"/> tie of weight 1, so the <c>team_peer</c>
/// relationship sets their strength.</para>
/// </remarks>
public static class ClassicNetworks
{
    /// <summary>How many ties a long generator handles between two looks at its cancellation token.</summary>
    internal const int CancellationCheckTies = GenerationCancellation.Interval;

    /// <summary>
    /// Every pair of the <paramref name="n"/> agents tied: n(n − 1)/2 ties, stored implicitly in
    /// O(n) memory (<see cref="OrgGraph.IsComplete"/>), for n up to <see cref="OrgGraph.MaxCompleteAgents"/>.
    /// </summary>
    public static OrgGraph Complete(int n) => OrgGraph.Complete(n);

    /// <summary>A ring of <paramref name="n"/> agents, each tied to its <paramref name="k"/>/2 nearest neighbours on either side (k even, 2 ≤ k &lt; n).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static OrgGraph RingLattice(int n, int k, CancellationToken cancellation = default)
    {
        if (k < 2 || k % 2 != 0 || k >= n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"should be even and in range [2, {n - 1}]");
        }

        OrgGraphBuilder builder = Flat(n, cancellation);
        AddTies(builder, RingTies(n, k, cancellation), cancellation);
        return builder.Build(cancellation);
    }

    /// <summary>A <paramref name="width"/> × <paramref name="height"/> grid, each agent tied to its up to four orthogonal neighbours; agent id = row · width + column.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static OrgGraph Grid(int width, int height, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        OrgGraphBuilder builder = Flat(checked(width * height), cancellation);
        for (int row = 0; row < height; row++)
        {
            for (int column = 0; column < width; column++)
            {
                int v = (row * width) + column;
                GenerationCancellation.Check(v, cancellation);
                if (column + 1 < width)
                {
                    builder.AddTie(v, v + 1, EdgeType.TeamPeer);
                }

                if (row + 1 < height)
                {
                    builder.AddTie(v, v + width, EdgeType.TeamPeer);
                }
            }
        }

        return builder.Build(cancellation);
    }

    /// <summary>
    /// Erdős–Rényi G(n, m) with m = round(n · <paramref name="meanDegree"/> / 2) distinct ties drawn
    /// uniformly, so the mean degree is exact.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static OrgGraph ErdosRenyi(int n, double meanDegree, ulong seed, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        long ties = (long)Math.Round(n * meanDegree / 2.0, MidpointRounding.AwayFromZero);
        if (meanDegree < 0 || ties > (long)n * (n - 1) / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(meanDegree), meanDegree, $"should be in range [0, {n - 1}]");
        }

        OrgGraphBuilder builder = Flat(n, cancellation);
        var chosen = new HashSet<long>(TiePairComparer.Instance);
        ulong key = CounterRng.Key(seed, 1);
        for (ulong draw = 0; chosen.Count < ties; draw += 2)
        {
            GenerationCancellation.Check((long)(draw >> 1), cancellation);
            int a = CounterRng.Below(key, draw, n), b = CounterRng.Below(key, draw + 1, n);
            if (a != b && chosen.Add(TiePairs.Pack(a, b)))
            {
                builder.AddTie(a, b, EdgeType.TeamPeer);
            }
        }

        return builder.Build(cancellation);
    }

    /// <summary>
    /// Watts–Strogatz: a ring lattice of degree <paramref name="k"/> in which each tie's far end is,
    /// with probability <paramref name="rewire"/>, moved to a uniformly drawn agent (never making a
    /// self-loop or a duplicate tie).
    /// </summary>
    /// <remarks>
    /// <paramref name="cancellation"/> is checked every <see cref="CancellationCheckTies"/> ties, in
    /// the lattice, the set of present ties, the rewiring and the graph's build alike: at 10^7
    /// agents they take seconds, and Slurm and Kubernetes kill 30 s after SIGTERM.
    /// </remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static OrgGraph WattsStrogatz(int n, int k, double rewire, ulong seed, CancellationToken cancellation = default)
    {
        if (!(rewire >= 0 && rewire <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rewire), rewire, "should be in range [0, 1]");
        }

        if (k < 2 || k % 2 != 0 || k >= n - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"should be even and in range [2, {n - 2}]");
        }

        List<(int A, int B)> ties = RingTies(n, k, cancellation);
        var present = new HashSet<long>(ties.Count, TiePairComparer.Instance);
        for (int i = 0; i < ties.Count; i++)
        {
            GenerationCancellation.Check(i, cancellation);
            present.Add(TiePairs.Pack(ties[i].A, ties[i].B));
        }

        ulong key = CounterRng.Key(seed, 2);
        ulong draw = 0;
        for (int i = 0; i < ties.Count; i++)
        {
            GenerationCancellation.Check(i, cancellation);

            if (CounterRng.Uniform(key, draw++) >= rewire)
            {
                continue;
            }

            var (a, b) = ties[i];
            for (int attempt = 0; attempt < 64; attempt++)
            {
                int c = CounterRng.Below(key, draw++, n);
                if (c != a && !present.Contains(TiePairs.Pack(a, c)))
                {
                    present.Remove(TiePairs.Pack(a, b));
                    present.Add(TiePairs.Pack(a, c));
                    ties[i] = (a, c);
                    break;
                }
            }
        }

        OrgGraphBuilder builder = Flat(n, cancellation);
        AddTies(builder, ties, cancellation);
        return builder.Build(cancellation);
    }

    /// <summary>
    /// Barabási–Albert preferential attachment: a complete core of <paramref name="m"/> + 1 agents,
    /// then each new agent ties to <paramref name="m"/> distinct earlier agents drawn with
    /// probability proportional to their degree.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static OrgGraph BarabasiAlbert(int n, int m, ulong seed, CancellationToken cancellation = default)
    {
        if (m < 1 || m >= n)
        {
            throw new ArgumentOutOfRangeException(nameof(m), m, $"should be in range [1, {n - 1}]");
        }

        OrgGraphBuilder builder = Flat(n, cancellation);

        // Every tie adds both its ends to this list, so a uniform pick from it is a pick by degree.
        var ends = new List<int>(2 * n * m);
        for (int a = 0; a <= m; a++)
        {
            GenerationCancellation.Check(a, cancellation);
            for (int b = a + 1; b <= m; b++)
            {
                builder.AddTie(a, b, EdgeType.TeamPeer);
                ends.Add(a);
                ends.Add(b);
            }
        }

        ulong key = CounterRng.Key(seed, 3);
        ulong draw = 0;
        var targets = new List<int>(m);
        for (int v = m + 1; v < n; v++)
        {
            GenerationCancellation.Check(v, cancellation);
            targets.Clear();
            while (targets.Count < m)
            {
                int u = ends[CounterRng.Below(key, draw++, ends.Count)];
                if (!targets.Contains(u))
                {
                    targets.Add(u);
                }
            }

            foreach (int u in targets)
            {
                builder.AddTie(v, u, EdgeType.TeamPeer);
                ends.Add(v);
                ends.Add(u);
            }
        }

        return builder.Build(cancellation);
    }

    private static OrgGraphBuilder Flat(int n, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var builder = new OrgGraphBuilder(n);
        for (int v = 0; v < n; v++)
        {
            GenerationCancellation.Check(v, cancellation);
            builder.SetNode(v, manager: -1, team: 0, level: 0, Role.FrontLine);
        }

        return builder;
    }

    private static void AddTies(OrgGraphBuilder builder, List<(int A, int B)> ties, CancellationToken cancellation)
    {
        for (int i = 0; i < ties.Count; i++)
        {
            GenerationCancellation.Check(i, cancellation);
            builder.AddTie(ties[i].A, ties[i].B, EdgeType.TeamPeer);
        }
    }

    private static List<(int A, int B)> RingTies(int n, int k, CancellationToken cancellation)
    {
        var ties = new List<(int A, int B)>(n * (k / 2));
        for (int a = 0; a < n; a++)
        {
            GenerationCancellation.Check(a, cancellation);
            for (int j = 1; j <= k / 2; j++)
            {
                ties.Add((a, (a + j) % n));
            }
        }

        return ties;
    }
}
