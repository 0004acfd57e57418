using OrgSim.Core.Randomness;

namespace OrgSim.Core.Graph;

/// <summary>
/// Generates a hierarchical organisation: a tree with a fixed span of control or spans drawn per
/// manager, team peers tied within each team, functions (departments) and sites, remote workers,
/// and random cross-team ties within or across functions. Deterministic from its seed.
/// </summary>
/// <remarks>
/// <para>Agents are numbered breadth first, so agent 0 is the chief and a lower id is never more
/// junior; each manager, in id order, takes the next agents as its direct reports (the span, or a
/// span drawn uniformly from [Span, SpanMax]). A team is the group of direct reports of one
/// manager, team id = manager id + 1 (the chief forms team 0 alone); every pair in a team is tied.</para>
/// <para>The chief's direct reports head the functions in turn and everyone below belongs to their
/// head's function. Each team works at a site drawn uniformly; each agent works remotely with
/// probability RemoteShare. A tie between different sites, or with a remote agent, has weight
/// RemoteTieWeight; all other ties weight 1.</para>
/// <para>Cross-team ties join drawn pairs of agents in different teams that are not manager and
/// report, until <c>round(agents × mean / 2)</c> distinct ties exist, so each agent has
/// <c>mean</c> of them on average. Without a cross-function share both ends are uniform; with
/// one, the second end is drawn from the first's function (share 1 − s) or from the others (s).
/// If there are too few eligible pairs the generator stops after a bounded number of draws.</para>
/// </remarks>
public static class HierarchyGenerator
{
    private const ulong CrossTeamStream = 1;
    private const ulong SpanStream = 2;
    private const ulong SiteStream = 3;
    private const ulong RemoteStream = 4;

    /// <summary>The deepest hierarchy a graph can hold (levels are stored in a byte).</summary>
    public const int MaxLevels = 256;

    /// <summary>The number of levels a complete tree of <paramref name="agents"/> with <paramref name="span"/> has.</summary>
    public static int LevelCount(int agents, int span)
    {
        int levels = 0;
        long covered = 0, width = 1;
        while (covered < agents)
        {
            covered += width;
            width = Math.Min(width * span, int.MaxValue);
            levels++;
            if (levels > MaxLevels)
            {
                break;
            }
        }

        return levels;
    }

    /// <summary>The agents of a complete tree with <paramref name="levels"/> full levels and a fixed <paramref name="span"/>: 1 + s + s² + …; saturates at <see cref="long.MaxValue"/>.</summary>
    public static long AgentsForLevels(int span, int levels)
    {
        long total = 0, width = 1;
        for (int l = 0; l < levels; l++)
        {
            total = width > long.MaxValue - total ? long.MaxValue : total + width;
            width = width > long.MaxValue / Math.Max(1, span) ? long.MaxValue : width * span;
        }

        return total;
    }

    /// <summary>Generates the organisation described by <paramref name="options"/> from <paramref name="seed"/>.</summary>
    /// <remarks>
    /// <paramref name="cancellation"/> is checked every 16,384 agents, managers, ties or draws in
    /// each pass: at 10^7 agents generating takes about ten seconds. The checks draw nothing, so a
    /// seed gives the same organisation with or without a token.
    /// </remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static OrgGraph Generate(HierarchyOptions options, ulong seed, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int n = options.Agents;
        if (LevelCount(n, options.Span) > MaxLevels)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"{n} agents with span {options.Span} need more than {MaxLevels} levels; raise the span");
        }

        Tree tree = BuildTree(options, seed, cancellation);
        int[] functions = Functions(tree, options.Functions, cancellation);
        int[] sites = Sites(tree, options.Sites, seed, cancellation);
        bool[] remote = Remote(n, options.RemoteShare, seed, cancellation);
        float Weight(int a, int b) => remote[a] || remote[b] || sites[a] != sites[b] ? (float)options.RemoteTieWeight : 1f;

        var builder = new OrgGraphBuilder(n);
        for (int v = 0; v < n; v++)
        {
            GenerationCancellation.Check(v, cancellation);
            int manager = tree.Managers[v];
            Role role = tree.Levels[v] < options.ExecutiveLevels ? Role.Executive
                : v < tree.ManagerCount ? Role.Manager
                : Role.FrontLine;
            builder.SetNode(v, manager, tree.Teams[v], tree.Levels[v], role);
            builder.SetPlacement(v, functions[v], sites[v], remote[v]);
            if (manager >= 0)
            {
                builder.AddTie(v, manager, EdgeType.Manager, Weight(v, manager));
            }
        }

        for (int m = 0; m < tree.ManagerCount; m++)
        {
            int first = tree.FirstReport[m], last = tree.FirstReport[m + 1];
            for (int a = first; a < last; a++)
            {
                GenerationCancellation.Check(a, cancellation);
                for (int b = a + 1; b < last; b++)
                {
                    builder.AddTie(a, b, EdgeType.TeamPeer, Weight(a, b));
                }
            }
        }

        long[] pairs = DrawCrossTeamPairs(tree, functions, options, seed, cancellation);
        for (int i = 0; i < pairs.Length; i++)
        {
            GenerationCancellation.Check(i, cancellation);
            int a = TiePairs.Lower(pairs[i]), b = TiePairs.Higher(pairs[i]);
            builder.AddTie(a, b, EdgeType.CrossTeam, Weight(a, b));
        }

        return builder.Build(cancellation);
    }

    /// <summary>The reporting tree: manager, level and team of each agent, and each manager's range of reports.</summary>
    private sealed record Tree(int[] Managers, byte[] Levels, int[] Teams, int[] FirstReport, int ManagerCount);

    private static Tree BuildTree(HierarchyOptions options, ulong seed, CancellationToken cancellation)
    {
        int n = options.Agents;
        var managers = new int[n];
        var levels = new byte[n];
        var teams = new int[n];
        var firstReport = new List<int> { 1 };
        ulong spanKey = CounterRng.Key(seed, SpanStream);
        managers[0] = -1;
        int next = 1;
        for (int m = 0; next < n; m++)
        {
            GenerationCancellation.Check(m, cancellation);
            // Fixed spans draw nothing, so a fixed-span tree is the same whatever the seed.
            int span = options.SpanMax == 0 ? options.Span : options.Span + CounterRng.Below(spanKey, (ulong)m, options.SpanMax - options.Span + 1);
            int end = (int)Math.Min(n, (long)next + span);
            for (int v = next; v < end; v++)
            {
                managers[v] = m;
                levels[v] = (byte)(levels[m] + 1);
                teams[v] = m + 1;
            }

            next = end;
            firstReport.Add(end);
        }

        return new Tree(managers, levels, teams, [.. firstReport], firstReport.Count - 1);
    }

    private static int[] Functions(Tree tree, int functionCount, CancellationToken cancellation)
    {
        int n = tree.Managers.Length;
        var functions = new int[n];
        for (int v = 1; v < n; v++)
        {
            GenerationCancellation.Check(v, cancellation);
            // Breadth-first ids: a manager's function is known before its reports'.
            functions[v] = tree.Managers[v] == 0 ? (v - 1) % functionCount : functions[tree.Managers[v]];
        }

        return functions;
    }

    private static int[] Sites(Tree tree, int siteCount, ulong seed, CancellationToken cancellation)
    {
        var sites = new int[tree.Managers.Length];
        if (siteCount > 1)
        {
            ulong key = CounterRng.Key(seed, SiteStream);
            for (int v = 0; v < sites.Length; v++)
            {
                GenerationCancellation.Check(v, cancellation);
                sites[v] = CounterRng.Below(key, (ulong)tree.Teams[v], siteCount);
            }
        }

        return sites;
    }

    private static bool[] Remote(int n, double share, ulong seed, CancellationToken cancellation)
    {
        var remote = new bool[n];
        if (share > 0)
        {
            ulong key = CounterRng.Key(seed, RemoteStream);
            for (int v = 0; v < n; v++)
            {
                GenerationCancellation.Check(v, cancellation);
                remote[v] = CounterRng.Uniform(key, (ulong)v) < share;
            }
        }

        return remote;
    }

    private static long[] DrawCrossTeamPairs(Tree tree, int[] functions, HierarchyOptions options, ulong seed, CancellationToken cancellation)
    {
        int n = tree.Managers.Length;
        long target = (long)Math.Round(n * options.CrossTeamTiesPerAgent / 2.0, MidpointRounding.AwayFromZero);
        if (target == 0 || n < 2)
        {
            return [];
        }

        ulong key = CounterRng.Key(seed, CrossTeamStream);
        long maxDraws = (20 * target) + 1_000;
        var pairs = new List<long>((int)Math.Min(target, int.MaxValue));
        ulong draw = 0;
        FunctionMembers? members = options.CrossFunctionShare is null ? null : new FunctionMembers(functions, options.Functions);

        // Draw in rounds, then sort and drop duplicates: linear memory, no hash set, and the
        // result depends only on the seed. Duplicates are rare (about target / n² of draws).
        while (pairs.Count < target && (long)draw < maxDraws)
        {
            long missing = target - pairs.Count;
            for (long i = 0; i < missing && (long)draw < maxDraws; i++)
            {
                GenerationCancellation.Check(i, cancellation);
                int a = CounterRng.Below(key, draw++, n);
                int b = members is null
                    ? CounterRng.Below(key, draw++, n)
                    : members.Draw(a, options.CrossFunctionShare!.Value, key, ref draw);
                if (b < 0 || a == b || tree.Teams[a] == tree.Teams[b] || tree.Managers[b] == a || tree.Managers[a] == b)
                {
                    continue;
                }

                pairs.Add(TiePairs.Pack(a, b));
            }

            cancellation.ThrowIfCancellationRequested();
            TiePairs.SortAndDropDuplicates(pairs);
        }

        return [.. pairs];
    }

    /// <summary>The members of each function, flat (CSR), for drawing a partner within or across functions.</summary>
    private sealed class FunctionMembers
    {
        private readonly int[] _functions;
        private readonly int[] _start;
        private readonly int[] _members;

        public FunctionMembers(int[] functions, int count)
        {
            _functions = functions;
            _start = new int[count + 1];
            foreach (int f in functions)
            {
                _start[f + 1]++;
            }

            for (int f = 0; f < count; f++)
            {
                _start[f + 1] += _start[f];
            }

            _members = new int[functions.Length];
            int[] cursor = _start[..count];
            for (int v = 0; v < functions.Length; v++)
            {
                _members[cursor[functions[v]]++] = v;
            }
        }

        /// <summary>A partner for <paramref name="a"/>: from another function with probability <paramref name="acrossShare"/>, else from its own; -1 when the draw fails.</summary>
        public int Draw(int a, double acrossShare, ulong key, ref ulong draw)
        {
            bool across = CounterRng.Uniform(key, draw++) < acrossShare;
            if (!across)
            {
                int f = _functions[a], size = _start[f + 1] - _start[f];
                return _members[_start[f] + CounterRng.Below(key, draw++, size)];
            }

            // Across: uniform over the members of the other functions, which are the members array
            // without a's own block; no rejection, so the share is exact before the team checks.
            int own = _functions[a], ownSize = _start[own + 1] - _start[own];
            int others = _functions.Length - ownSize;
            if (others == 0)
            {
                // One function: there is no other, so the tie stays within it rather than not being drawn.
                return _members[_start[own] + CounterRng.Below(key, draw++, ownSize)];
            }

            int i = CounterRng.Below(key, draw++, others);
            return _members[i < _start[own] ? i : i + ownSize];
        }
    }
}
