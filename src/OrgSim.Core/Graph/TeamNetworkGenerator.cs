using OrgSim.Core.Randomness;

namespace OrgSim.Core.Graph;

/// <summary>
/// Generates a flat, self-managed organisation: a network of teams with no hierarchy. Agents
/// <c>0..n-1</c> form teams of a fixed size in id order (the last may be smaller); every pair in
/// a team is tied; random cross-team ties join agents of different teams. Everybody is front line
/// at level 0, nobody has a manager. Deterministic from its seed.
/// </summary>
public static class TeamNetworkGenerator
{
    private const ulong CrossTeamStream = 1;

    /// <summary>Generates <paramref name="agents"/> agents in teams of <paramref name="teamSize"/> with <paramref name="crossTeamTiesPerAgent"/> cross-team ties each on average.</summary>
    /// <remarks><paramref name="cancellation"/> is checked every 16,384 agents, ties or draws in each pass; the checks draw nothing.</remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static OrgGraph Generate(int agents, int teamSize, double crossTeamTiesPerAgent, ulong seed, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(agents, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(teamSize, 1);
        if (!(crossTeamTiesPerAgent >= 0 && crossTeamTiesPerAgent <= HierarchyOptions.MaxCrossTeamTies))
        {
            throw new ArgumentOutOfRangeException(nameof(crossTeamTiesPerAgent), crossTeamTiesPerAgent, $"should be in range [0, {HierarchyOptions.MaxCrossTeamTies}]");
        }

        var builder = new OrgGraphBuilder(agents);
        for (int v = 0; v < agents; v++)
        {
            GenerationCancellation.Check(v, cancellation);
            builder.SetNode(v, -1, v / teamSize, 0, Role.FrontLine);
        }

        for (int first = 0; first < agents; first += teamSize)
        {
            int last = Math.Min(agents, first + teamSize);
            for (int a = first; a < last; a++)
            {
                GenerationCancellation.Check(a, cancellation);
                for (int b = a + 1; b < last; b++)
                {
                    builder.AddTie(a, b, EdgeType.TeamPeer);
                }
            }
        }

        long[] pairs = CrossTeamPairs(agents, teamSize, crossTeamTiesPerAgent, seed, cancellation);
        for (int i = 0; i < pairs.Length; i++)
        {
            GenerationCancellation.Check(i, cancellation);
            builder.AddTie(TiePairs.Lower(pairs[i]), TiePairs.Higher(pairs[i]), EdgeType.CrossTeam);
        }

        return builder.Build(cancellation);
    }

    /// <summary>Distinct pairs of agents in different teams, sorted: round(n × mean / 2) of them, or fewer after a bounded number of draws.</summary>
    private static long[] CrossTeamPairs(int n, int teamSize, double mean, ulong seed, CancellationToken cancellation)
    {
        long target = (long)Math.Round(n * mean / 2.0, MidpointRounding.AwayFromZero);
        if (target == 0 || n <= teamSize)
        {
            return [];
        }

        ulong key = CounterRng.Key(seed, CrossTeamStream);
        long maxDraws = (20 * target) + 1_000;
        var pairs = new List<long>();
        ulong draw = 0;
        while (pairs.Count < target && (long)draw < maxDraws)
        {
            long missing = target - pairs.Count;
            for (long i = 0; i < missing && (long)draw < maxDraws; i++)
            {
                GenerationCancellation.Check(i, cancellation);
                int a = CounterRng.Below(key, draw++, n), b = CounterRng.Below(key, draw++, n);
                if (a / teamSize != b / teamSize)
                {
                    pairs.Add(TiePairs.Pack(a, b));
                }
            }

            cancellation.ThrowIfCancellationRequested();
            TiePairs.SortAndDropDuplicates(pairs);
        }

        return [.. pairs];
    }
}
