using OrgSim.Core.Graph;
using OrgSim.Core.Randomness;

namespace OrgSim.Core.Seeding;

/// <summary>
/// Chooses the agents an intervention seeds. Every strategy returns exactly the budget, as
/// distinct agent ids in ascending order, and is deterministic from its seed;
/// <see cref="SeedingStrategy.None"/> has budget 0 and returns no agent, and the neighbourhood
/// strategies return the union of their neighbourhoods, so at least as many agents as their budget
/// of centres. Only the
/// <see cref="SeedingStrategy.Coaches"/> strategy chooses external agents; every other strategy
/// chooses among employees.
/// </summary>
public static class SeedSelector
{
    /// <summary>The number of agents <paramref name="strategy"/> can choose from in <paramref name="graph"/>.</summary>
    public static int EligibleCount(OrgGraph graph, SeedingStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return strategy switch
        {
            SeedingStrategy.None => 0,
            SeedingStrategy.Neighbourhood => graph.NodeCount,
            SeedingStrategy.BottomUpTeams => FrontLineTeams(graph).Sum(t => t.Count),
            _ => Count(graph, IsEligible(graph, strategy)),
        };
    }

    /// <summary>Selects <paramref name="budget"/> agents by <paramref name="strategy"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The budget is below 1 or above <see cref="EligibleCount"/>; for <see cref="SeedingStrategy.None"/>, it is not 0.</exception>
    public static int[] Select(OrgGraph graph, SeedingStrategy strategy, int budget, ulong seed)
    {
        if (strategy == SeedingStrategy.None)
        {
            ArgumentNullException.ThrowIfNull(graph);
            return budget == 0 ? [] : throw new ArgumentOutOfRangeException(nameof(budget), budget, "should be 0 for strategy None");
        }

        int eligible = EligibleCount(graph, strategy);
        if (budget < 1 || budget > eligible)
        {
            throw new ArgumentOutOfRangeException(nameof(budget), budget, $"should be in range [1, {eligible}] for strategy {strategy}");
        }

        if (strategy == SeedingStrategy.Neighbourhood)
        {
            throw new ArgumentException("strategy Neighbourhood needs its centre: use Select(graph, plan, seed) or Neighbourhood(graph, centre)", nameof(strategy));
        }

        if (strategy == SeedingStrategy.RandomNeighbourhoods)
        {
            return Union(graph, NeighbourhoodCentres(graph, budget, seed));
        }

        int[] chosen = strategy switch
        {
            SeedingStrategy.TopDown => MostSenior(graph, budget),
            SeedingStrategy.MostConnected => MostConnected(graph, budget),
            SeedingStrategy.BottomUpTeams => WholeTeams(graph, budget, seed),
            _ => Sample(Eligible(graph, strategy), budget, seed),
        };
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>
    /// The agents <paramref name="plan"/> seeds: <see cref="Neighbourhood"/> of its centre for
    /// <see cref="SeedingStrategy.Neighbourhood"/>, otherwise <see cref="Select(OrgGraph, SeedingStrategy, int, ulong)"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The budget or the centre is out of range.</exception>
    public static int[] Select(OrgGraph graph, SeedingPlan plan, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Strategy == SeedingStrategy.Neighbourhood ? Neighbourhood(graph, plan.Centre) : Select(graph, plan.Strategy, plan.Budget, seed);
    }

    /// <summary><paramref name="centre"/> and all its contacts (of any relationship), distinct and in ascending id.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="centre"/> is not an agent of <paramref name="graph"/>.</exception>
    public static int[] Neighbourhood(OrgGraph graph, int centre)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegative(centre);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(centre, graph.NodeCount);
        return Union(graph, [centre]);
    }

    /// <summary>
    /// The <paramref name="count"/> distinct centres <see cref="SeedingStrategy.RandomNeighbourhoods"/>
    /// draws: employees drawn uniformly without replacement, deterministic from <paramref name="seed"/>,
    /// in ascending id (the same draw as <see cref="SeedingStrategy.Random"/> with that budget).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1 or above the employees.</exception>
    public static int[] NeighbourhoodCentres(OrgGraph graph, int count, ulong seed) => Select(graph, SeedingStrategy.Random, count, seed);

    /// <summary>The centres and all their contacts, each once, in ascending id.</summary>
    private static int[] Union(OrgGraph graph, int[] centres)
    {
        var seeded = new HashSet<int>();
        foreach (int c in centres)
        {
            seeded.Add(c);
            foreach (int v in graph.Neighbours(c))
            {
                seeded.Add(v);
            }
        }

        int[] chosen = [.. seeded];
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>The agents a strategy draws from, in ascending id.</summary>
    /// <remarks>Counted first, so the array is allocated once at its size: at 10^7 agents a growing one left twice its 40 MB as garbage.</remarks>
    private static int[] Eligible(OrgGraph graph, SeedingStrategy strategy)
    {
        Func<int, bool> eligible = IsEligible(graph, strategy);
        var agents = new int[Count(graph, eligible)];
        int k = 0;
        for (int v = 0; v < graph.NodeCount; v++)
        {
            if (eligible(v))
            {
                agents[k++] = v;
            }
        }

        return agents;
    }

    private static int Count(OrgGraph graph, Func<int, bool> eligible)
    {
        int count = 0;
        for (int v = 0; v < graph.NodeCount; v++)
        {
            count += eligible(v) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Whether a strategy can choose an agent.</summary>
    private static Func<int, bool> IsEligible(OrgGraph graph, SeedingStrategy strategy) =>
        strategy switch
        {
            SeedingStrategy.TopDown or SeedingStrategy.Random or SeedingStrategy.MostConnected or SeedingStrategy.RandomNeighbourhoods => v => graph.Role(v) != Role.External,
            SeedingStrategy.BottomUpScattered => v => graph.Role(v) == Role.FrontLine,
            SeedingStrategy.MiddleOut => v => graph.Role(v) == Role.Manager,
            SeedingStrategy.Mentors => v => graph.Role(v) != Role.External && graph.EdgeTypesOf(v).Contains(EdgeType.Mentee),
            SeedingStrategy.Coaches => v => graph.Role(v) == Role.External,
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "should be a defined strategy"),
        };

    /// <summary>
    /// The <paramref name="budget"/> employees first by level, then by id: every employee of the
    /// levels above the one the budget ends in, and that level's lowest ids. Counted per level, not
    /// sorted: sorting every employee allocated 0.5 GB at 10^7 agents.
    /// </summary>
    private static int[] MostSenior(OrgGraph graph, int budget)
    {
        Func<int, bool> employee = IsEligible(graph, SeedingStrategy.TopDown);
        var perLevel = new int[graph.LevelCount + 1];
        for (int v = 0; v < graph.NodeCount; v++)
        {
            perLevel[graph.Level(v)] += employee(v) ? 1 : 0;
        }

        int cut = 0, above = 0;
        while (above + perLevel[cut] < budget)
        {
            above += perLevel[cut++];
        }

        var chosen = new int[budget];
        int k = 0, atCut = budget - above;
        for (int v = 0; v < graph.NodeCount && k < budget; v++)
        {
            if (employee(v) && (graph.Level(v) < cut || (graph.Level(v) == cut && atCut-- > 0)))
            {
                chosen[k++] = v;
            }
        }

        return chosen;
    }

    private static int[] MostConnected(OrgGraph graph, int budget) =>
        Eligible(graph, SeedingStrategy.MostConnected).OrderByDescending(graph.Degree).ThenBy(graph.Level).ThenBy(v => v).Take(budget).ToArray();

    /// <summary>Teams in which every member is front line, each as its members in ascending id, ordered by team id.</summary>
    private static List<List<int>> FrontLineTeams(OrgGraph graph)
    {
        var members = new List<int>?[graph.TeamCount];
        var mixed = new bool[graph.TeamCount];
        for (int v = 0; v < graph.NodeCount; v++)
        {
            int t = graph.Team(v);
            (members[t] ??= []).Add(v);
            mixed[t] |= graph.Role(v) != Role.FrontLine;
        }

        return members.Where((m, t) => m is not null && !mixed[t]).Select(m => m!).ToList();
    }

    /// <summary>Shuffles front-line teams and takes them whole; the last one is cut to the budget (lowest ids first).</summary>
    private static int[] WholeTeams(OrgGraph graph, int budget, ulong seed)
    {
        List<List<int>> teams = FrontLineTeams(graph);
        int[] order = Sample(Enumerable.Range(0, teams.Count).ToArray(), teams.Count, seed);
        var chosen = new List<int>(budget);
        foreach (int t in order)
        {
            foreach (int v in teams[t])
            {
                if (chosen.Count == budget)
                {
                    return [.. chosen];
                }

                chosen.Add(v);
            }
        }

        return [.. chosen];
    }

    /// <summary>The first <paramref name="count"/> items of a partial Fisher–Yates shuffle driven by a counter-based generator.</summary>
    private static int[] Sample(int[] items, int count, ulong seed)
    {
        for (int i = 0; i < count; i++)
        {
            int j = i + CounterRng.Below(seed, (ulong)i, items.Length - i);
            (items[i], items[j]) = (items[j], items[i]);
        }

        return items[..count];
    }
}
