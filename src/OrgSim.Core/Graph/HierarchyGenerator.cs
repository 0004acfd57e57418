using OrgSim.Core.Randomness;

namespace OrgSim.Core.Graph;

/// <summary>
/// Generates a hierarchical organisation: a complete tree with a fixed span of control,
/// team peers tied within each team, and random cross-team ties. Deterministic from its seed.
/// </summary>
/// <remarks>
/// Agents are numbered breadth first, so agent 0 is the chief, a lower id is never more junior,
/// and the manager of agent <c>i &gt; 0</c> is <c>(i - 1) / span</c>. A team is the group of direct
/// reports of one manager (the chief forms team 0 alone); every pair in a team is tied.
/// Cross-team ties join uniformly drawn pairs of agents in different teams that are not
/// already tied, until <c>round(agents × mean / 2)</c> distinct ties exist, so each agent has
/// <c>mean</c> of them on average; if the organisation has too few eligible pairs the
/// generator stops after a bounded number of draws with as many as it found.
/// </remarks>
public static class HierarchyGenerator
{
    private const ulong CrossTeamStream = 1;

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

    /// <summary>Generates the organisation described by <paramref name="options"/> from <paramref name="seed"/>.</summary>
    public static OrgGraph Generate(HierarchyOptions options, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int n = options.Agents, span = options.Span;
        if (LevelCount(n, span) > MaxLevels)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"{n} agents with span {span} need more than {MaxLevels} levels; raise the span");
        }

        var builder = new OrgGraphBuilder(n);
        var levels = new int[n];
        int managersWithReports = n <= 1 ? 0 : ((n - 2) / span) + 1;
        for (int v = 0; v < n; v++)
        {
            int manager = v == 0 ? -1 : (v - 1) / span;
            levels[v] = v == 0 ? 0 : levels[manager] + 1;
            bool hasReports = v < managersWithReports;
            Role role = levels[v] < options.ExecutiveLevels ? Role.Executive
                : hasReports ? Role.Manager
                : Role.FrontLine;
            builder.SetNode(v, manager, TeamOf(v, span), levels[v], role);
            if (manager >= 0)
            {
                builder.AddTie(v, manager, EdgeType.Manager);
            }
        }

        for (int m = 0; m < managersWithReports; m++)
        {
            int first = (m * span) + 1, last = Math.Min(first + span, n);
            for (int a = first; a < last; a++)
            {
                for (int b = a + 1; b < last; b++)
                {
                    builder.AddTie(a, b, EdgeType.TeamPeer);
                }
            }
        }

        foreach (long pair in DrawCrossTeamPairs(n, span, options.CrossTeamTiesPerAgent, seed))
        {
            builder.AddTie((int)(pair >> 32), (int)(pair & 0xFFFFFFFF), EdgeType.CrossTeam);
        }

        return builder.Build();
    }

    private static int TeamOf(int v, int span) => v == 0 ? 0 : ((v - 1) / span) + 1;

    private static long[] DrawCrossTeamPairs(int n, int span, double meanPerAgent, ulong seed)
    {
        long target = (long)Math.Round(n * meanPerAgent / 2.0, MidpointRounding.AwayFromZero);
        if (target == 0 || n < 2)
        {
            return [];
        }

        ulong key = CounterRng.Key(seed, CrossTeamStream);
        long maxDraws = (20 * target) + 1_000;
        var pairs = new List<long>((int)Math.Min(target, int.MaxValue));
        ulong draw = 0;

        // Draw in rounds, then sort and drop duplicates: linear memory, no hash set, and the
        // result depends only on the seed. Duplicates are rare (about target / n² of draws).
        while (pairs.Count < target && (long)draw < maxDraws)
        {
            long missing = target - pairs.Count;
            for (long i = 0; i < missing && (long)draw < maxDraws; i++)
            {
                int a = CounterRng.Below(key, draw++, n);
                int b = CounterRng.Below(key, draw++, n);
                if (a == b || TeamOf(a, span) == TeamOf(b, span) || IsManagerOf(a, b, span) || IsManagerOf(b, a, span))
                {
                    continue;
                }

                pairs.Add(a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a);
            }

            pairs.Sort();
            int unique = 0;
            for (int i = 0; i < pairs.Count; i++)
            {
                if (i == 0 || pairs[i] != pairs[unique - 1])
                {
                    pairs[unique++] = pairs[i];
                }
            }

            pairs.RemoveRange(unique, pairs.Count - unique);
        }

        return [.. pairs];
    }

    private static bool IsManagerOf(int manager, int report, int span) => report > 0 && (report - 1) / span == manager;
}
