namespace OrgSim.Core.Graph;

/// <summary>
/// Collects nodes and ties, then builds a validated <see cref="OrgGraph"/>. Each tie is added
/// once and stored in both directions. A row lists its edges by type (in <see cref="EdgeType"/>
/// order) and, within a type, in the order the ties were added, so a deterministic generator
/// gives a deterministic graph.
/// </summary>
/// <remarks>
/// Rows are grouped by type so that the engine can count a row's contacts type by type from
/// segment lengths instead of reading a type per edge (benchmarks/README.md, issue 12). A
/// generated hierarchy adds its ties in that order already (manager, reports, peers, cross-team).
/// </remarks>
public sealed class OrgGraphBuilder
{
    private readonly int[] _managers;
    private readonly int[] _teams;
    private readonly byte[] _levels;
    private readonly Role[] _roles;
    private readonly int[] _functions;
    private readonly int[] _sites;
    private readonly bool[] _remote;
    private string[] _names = [];
    private string[] _teamNames = [];
    private readonly TieBuffer _ties = new();

    /// <summary>
    /// Per tie, its weight; null while every weight is 1 (all generated organisations without remote
    /// work), since the graph then stores none: at 10^7 agents the list and the array built from it
    /// were 0.7 GB of the generation's peak, for nothing.
    /// </summary>
    private List<float>? _weight;

    /// <summary>Starts a graph of <paramref name="nodeCount"/> agents, all roots in team 0 at level 0.</summary>
    public OrgGraphBuilder(int nodeCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        _managers = new int[nodeCount];
        Array.Fill(_managers, -1);
        _teams = new int[nodeCount];
        _levels = new byte[nodeCount];
        _roles = new Role[nodeCount];
        Array.Fill(_roles, Role.FrontLine);
        _functions = new int[nodeCount];
        _sites = new int[nodeCount];
        _remote = new bool[nodeCount];
    }

    /// <summary>
    /// A builder holding every node and tie of <paramref name="graph"/> (each tie once, from its
    /// lower id, in row order) and <paramref name="extraNodes"/> more nodes after them, to add
    /// overlays to a built organisation.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled (checked every 16,384 agents).</exception>
    public static OrgGraphBuilder From(OrgGraph graph, int extraNodes, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegative(extraNodes);
        var builder = new OrgGraphBuilder(graph.NodeCount + extraNodes);
        for (int v = 0; v < graph.NodeCount; v++)
        {
            GenerationCancellation.Check(v, cancellation);
            builder.SetNode(v, graph.Manager(v), graph.Team(v), graph.Level(v), graph.Role(v));
            builder.SetPlacement(v, graph.Function(v), graph.Site(v), graph.IsRemote(v));
            if (graph.HasNames)
            {
                builder.SetName(v, graph.Name(v));
            }
        }

        if (graph.TeamName(0) is not null)
        {
            builder.SetTeamNames(Enumerable.Range(0, graph.TeamCount).Select(t => graph.TeamName(t) ?? string.Empty).ToList());
        }

        for (int v = 0; v < graph.NodeCount; v++)
        {
            GenerationCancellation.Check(v, cancellation);
            ReadOnlySpan<int> contacts = graph.Neighbours(v);
            ReadOnlySpan<EdgeType> types = graph.EdgeTypesOf(v);
            ReadOnlySpan<float> weights = graph.EdgeWeightsOf(v);
            for (int i = 0; i < contacts.Length; i++)
            {
                if (contacts[i] > v)
                {
                    builder.AddTie(v, contacts[i], types[i], weights[i]);
                }
            }
        }

        return builder;
    }

    /// <summary>The number of agents.</summary>
    public int NodeCount => _managers.Length;

    /// <summary>Sets the attributes of node <paramref name="v"/>.</summary>
    public OrgGraphBuilder SetNode(int v, int manager, int team, int level, Role role)
    {
        CheckNode(v, nameof(v));
        if (manager != -1)
        {
            CheckNode(manager, nameof(manager));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(team);
        if ((uint)level > byte.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "should be in range [0, 255]");
        }

        _managers[v] = manager;
        _teams[v] = team;
        _levels[v] = (byte)level;
        _roles[v] = role;
        return this;
    }

    /// <summary>Places node <paramref name="v"/> in a function (department) and a site, working remotely or not.</summary>
    public OrgGraphBuilder SetPlacement(int v, int function, int site, bool remote)
    {
        CheckNode(v, nameof(v));
        ArgumentOutOfRangeException.ThrowIfNegative(function);
        ArgumentOutOfRangeException.ThrowIfNegative(site);
        _functions[v] = function;
        _sites[v] = site;
        _remote[v] = remote;
        return this;
    }

    /// <summary>Names node <paramref name="v"/> (an imported employee id); unnamed nodes are named by their number.</summary>
    public OrgGraphBuilder SetName(int v, string name)
    {
        CheckNode(v, nameof(v));
        ArgumentNullException.ThrowIfNull(name);
        if (_names.Length == 0)
        {
            _names = Enumerable.Range(0, NodeCount).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        }

        _names[v] = name;
        return this;
    }

    /// <summary>Names the teams (index = team id), e.g. from an HR export's team column.</summary>
    public OrgGraphBuilder SetTeamNames(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _teamNames = [.. names];
        return this;
    }

    /// <summary>The number of ties added so far.</summary>
    public int TieCount => _ties.Count;

    /// <summary>
    /// Adds the tie <paramref name="a"/>–<paramref name="b"/>, stored as <c>a → b</c> with
    /// <paramref name="typeFromA"/> and <c>b → a</c> with its reverse type.
    /// </summary>
    public OrgGraphBuilder AddTie(int a, int b, EdgeType typeFromA, float weight = 1f)
    {
        CheckNode(a, nameof(a));
        CheckNode(b, nameof(b));
        if (a == b)
        {
            throw new ArgumentException($"a tie from agent {a} to itself is not allowed", nameof(b));
        }

        if (!(weight >= 0f && weight <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "should be in range [0, 1]");
        }

        _ties.Add(a, b, typeFromA);
        if (weight != 1f && _weight is null)
        {
            _weight = [.. Enumerable.Repeat(1f, _ties.Count - 1)];
        }

        _weight?.Add(weight);
        return this;
    }

    /// <summary>Builds the CSR graph; throws if a pair of agents is tied twice.</summary>
    /// <remarks>
    /// <paramref name="cancellation"/> is checked every 16,384 ties or rows in each pass (counting,
    /// placing, grouping by type, the duplicate check): at 10^7 agents a build takes seconds.
    /// </remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public OrgGraph Build(CancellationToken cancellation = default)
    {
        int n = NodeCount;
        var offsets = new int[n + 1];
        for (int i = 0; i < _ties.Count; i++)
        {
            GenerationCancellation.Check(i, cancellation);
            offsets[_ties.From(i) + 1]++;
            offsets[_ties.To(i) + 1]++;
        }

        for (int v = 0; v < n; v++)
        {
            offsets[v + 1] += offsets[v];
        }

        int edgeCount = offsets[n];
        var targets = new int[edgeCount];
        float[] weights = _weight is null ? [] : new float[edgeCount];
        var types = new EdgeType[edgeCount];
        var cursor = offsets.AsSpan(0, n).ToArray();
        for (int i = 0; i < _ties.Count; i++)
        {
            GenerationCancellation.Check(i, cancellation);
            int a = _ties.From(i), b = _ties.To(i);
            EdgeType typeFromA = _ties.Type(i);
            Place(a, b, typeFromA);
            Place(b, a, EdgeTypes.Reverse(typeFromA));

            void Place(int v, int u, EdgeType type)
            {
                int slot = cursor[v]++;
                targets[slot] = u;
                if (_weight is not null)
                {
                    weights[slot] = _weight[i];
                }

                types[slot] = type;
            }
        }

        cancellation.ThrowIfCancellationRequested();
        GroupRowsByType(offsets, targets, weights, types, cancellation);
        RejectDuplicateTies(offsets, targets, cancellation);
        int teamCount = n == 0 ? 0 : _teams.Max() + 1;
        return new OrgGraph(offsets, targets, weights, types, _managers, _teams, _levels, _roles, teamCount, _functions, _sites, _remote, _names, _teamNames);
    }

    /// <summary>Stably sorts each row by edge type: a counting sort through one row-sized buffer. <paramref name="weights"/> is empty when every weight is 1.</summary>
    private static void GroupRowsByType(int[] offsets, int[] targets, float[] weights, EdgeType[] types, CancellationToken cancellation)
    {
        bool weighted = weights.Length != 0;
        Span<int> starts = stackalloc int[EdgeTypes.Count + 1];
        var rowTargets = new List<int>();
        var rowWeights = new List<float>();
        var rowTypes = new List<EdgeType>();
        for (int v = 0; v + 1 < offsets.Length; v++)
        {
            GenerationCancellation.Check(v, cancellation);
            int start = offsets[v], end = offsets[v + 1];
            if (IsGrouped(types.AsSpan(start, end - start)))
            {
                continue;
            }

            rowTargets.Clear();
            rowWeights.Clear();
            rowTypes.Clear();
            starts.Clear();
            for (int e = start; e < end; e++)
            {
                rowTargets.Add(targets[e]);
                rowWeights.Add(weighted ? weights[e] : 1f);
                rowTypes.Add(types[e]);
                starts[(int)types[e] + 1]++;
            }

            for (int k = 0; k < EdgeTypes.Count; k++)
            {
                starts[k + 1] += starts[k];
            }

            for (int i = 0; i < rowTypes.Count; i++)
            {
                int slot = start + starts[(int)rowTypes[i]]++;
                targets[slot] = rowTargets[i];
                if (weighted)
                {
                    weights[slot] = rowWeights[i];
                }

                types[slot] = rowTypes[i];
            }
        }
    }

    private static bool IsGrouped(ReadOnlySpan<EdgeType> row)
    {
        for (int i = 1; i < row.Length; i++)
        {
            if (row[i] < row[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    private static void RejectDuplicateTies(int[] offsets, int[] targets, CancellationToken cancellation)
    {
        // A stamp per node turns the duplicate check into one linear pass with no hashing.
        var lastSeenFrom = new int[offsets.Length - 1];
        Array.Fill(lastSeenFrom, -1);
        for (int v = 0; v < offsets.Length - 1; v++)
        {
            GenerationCancellation.Check(v, cancellation);
            for (int e = offsets[v]; e < offsets[v + 1]; e++)
            {
                int u = targets[e];
                if (lastSeenFrom[u] == v)
                {
                    throw new InvalidOperationException($"agents {v} and {u} are tied more than once");
                }

                lastSeenFrom[u] = v;
            }
        }
    }

    private void CheckNode(int v, string name)
    {
        if ((uint)v >= (uint)NodeCount)
        {
            throw new ArgumentOutOfRangeException(name, v, $"should be in range [0, {NodeCount - 1}]");
        }
    }
}
