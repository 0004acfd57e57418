using OrgSim.Core.Randomness;

namespace OrgSim.Core.Graph;

/// <summary>
/// The classic networks of diffusion research, for validating the engine against published
/// results: complete graph, ring lattice, 2-D grid, Erdős–Rényi (G(n, m) and G(n, p)), Watts–Strogatz and
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
    /// Erdős–Rényi G(n, p): each of the n(n − 1)/2 pairs tied independently with probability
    /// <paramref name="probability"/>, so the number of ties is binomial with mean p·n(n − 1)/2.
    /// </summary>
    /// <remarks>
    /// Batagelj and Brandes (2005), "Efficient generation of large random networks", algorithm
    /// G(n, p): pairs are visited in the order (1, 0), (2, 0), (2, 1), (3, 0), … and the gap to the
    /// next tie is drawn as geometric, ⌊log(1 − r) / log(1 − p)⌋, so the work is linear in n plus
    /// the ties, not n². One uniform draw per tie (plus one that runs past the last pair); no pair
    /// is visited twice, so there are no duplicates, and a pair is (v, w) with w &lt; v, so no self-loops.
    /// The token is looked at every 16,384 draws and every 16,384 agents passed.
    /// </remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static OrgGraph ErdosRenyiGnp(int n, double probability, ulong seed, CancellationToken cancellation = default)
    {
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "should be in range [0, 1]");
        }

        OrgGraphBuilder builder = Flat(n, cancellation);
        if (probability == 0)
        {
            return builder.Build(cancellation);
        }

        ulong key = CounterRng.Key(seed, 4);

        // log(1 − p); −∞ at p = 1, where every gap is 0 and every pair is tied.
        double logMiss = double.LogP1(-probability);
        long v = 1, w = -1;
        for (ulong draw = 0; v < n; draw++)
        {
            GenerationCancellation.Check((long)draw, cancellation);
            double gap = Math.Floor(double.LogP1(-CounterRng.Uniform(key, draw)) / logMiss);

            // A gap beyond every remaining pair ends the loop; capped so that the sum cannot overflow.
            w += 1 + (long)Math.Min(gap, (double)n * n);
            while (w >= v && v < n)
            {
                w -= v;
                v++;
                GenerationCancellation.Check(v, cancellation);
            }

            if (v < n)
            {
                builder.AddTie((int)v, (int)w, EdgeType.TeamPeer);
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
