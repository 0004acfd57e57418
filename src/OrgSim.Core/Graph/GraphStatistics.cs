using System.Numerics;
using OrgSim.Core.Randomness;

namespace OrgSim.Core.Graph;

/// <summary>
/// The numbers behind <c>orgsim graph --stats</c>: size, ties by type, degrees, levels, teams,
/// clustering, components, mean shortest path and the most central agents, all on the
/// undirected, unweighted graph of ties.
/// </summary>
/// <remarks>
/// <para>Graphs up to <see cref="GraphStatisticsOptions.ExactUpTo"/> agents are measured exactly.
/// Larger ones are sampled, deterministically from the seed: clustering is averaged over
/// <see cref="GraphStatisticsOptions.ClusteringSample"/> agents drawn without replacement; the mean
/// path length is averaged over breadth-first searches from
/// <see cref="GraphStatisticsOptions.SampleSources"/> sources drawn from the largest component;
/// betweenness is Brandes' accumulation from as many sources drawn from all agents, scaled by
/// n / k (Brandes and Pich 2007, "Centrality estimation in large networks"), an unbiased estimate.
/// When the graph is connected both draws are the same sources, so one search serves both.
/// Components, degrees, ties, levels and teams are always exact. A complete graph
/// (<see cref="OrgGraph.IsComplete"/>) is measured from closed forms, exactly at every size and in
/// O(n): the searches would walk its n(n − 1) edges once per source and per agent.</para>
/// <para>Cost: O(n + m) for the exact parts, O(k (n + m)) for k sources, and memory linear in
/// n per thread (flat arrays, about 29 bytes per agent; no object per agent). Betweenness is
/// summed in fixed point (units of 2^-32, coarser only when sources × agents exceeds 2^29, so
/// that the sum cannot overflow), so that it does not depend on how the sources were split
/// among threads: the report is the same whatever <see cref="GraphStatisticsOptions.Threads"/>.
/// Path counts are rescaled by powers of two where they would overflow a double.</para>
/// </remarks>
public static partial class GraphStatistics
{
    private const ulong SourceStream = 1;
    private const ulong ClusteringStream = 2;
    private const byte ForBetweenness = 1;
    private const byte ForPath = 2;

    /// <summary>Measures <paramref name="graph"/> as <paramref name="options"/> say.</summary>
    public static GraphStatisticsReport Compute(OrgGraph graph, GraphStatisticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int n = graph.NodeCount;
        Searches searches = graph.IsComplete ? CompleteSearches(n) : Search(graph, options);
        var (teamCount, smallestTeam, largestTeam) = TeamSizes(graph);
        return new GraphStatisticsReport
        {
            NodeCount = n,
            TieCount = graph.EdgeCount / 2,
            TiesByType = TiesByType(graph),
            Degrees = Degrees(graph),
            AgentsPerLevel = AgentsPerLevel(graph),
            TeamCount = teamCount,
            SmallestTeam = smallestTeam,
            MeanTeamSize = teamCount == 0 ? 0 : (double)n / teamCount,
            LargestTeam = largestTeam,
            Clustering = searches.Clustering,
            ClusteringSampled = searches.ClusteringAgents < n,
            ClusteringAgents = searches.ClusteringAgents,
            ComponentCount = searches.ComponentCount,
            LargestComponent = searches.LargestComponent,
            MeanPathLength = searches.MeanPathLength,
            PathSampled = searches.PathSources < searches.LargestComponent,
            PathSources = searches.PathSources,
            BetweennessSampled = searches.BetweennessSources < n,
            BetweennessSources = searches.BetweennessSources,
            TopByDegree = TopAgents(graph, Degrees64(graph), options.Top, 1.0),
            TopByBetweenness = TopAgents(graph, searches.Betweenness, options.Top, searches.BetweennessScale),
        };
    }

    /// <summary>
    /// What the searches measure: clustering, components, the mean path and betweenness (in fixed
    /// point, each value times <paramref name="BetweennessScale"/>), with how many agents and
    /// sources each was taken over.
    /// </summary>
    private readonly record struct Searches(
        double Clustering, int ClusteringAgents, int ComponentCount, int LargestComponent,
        double MeanPathLength, int PathSources, long[] Betweenness, int BetweennessSources, double BetweennessScale);

    /// <summary>The searches, exact or sampled as <paramref name="options"/> say: O(k (n + m)) for k sources.</summary>
    private static Searches Search(OrgGraph graph, GraphStatisticsOptions options)
    {
        int n = graph.NodeCount;
        bool exact = n <= options.ExactUpTo;
        var (componentCount, largest) = FindLargestComponent(graph);
        int[] betweennessSources = exact || options.SampleSources >= n
            ? Identity(n)
            : Draw(n, null, options.SampleSources, CounterRng.Key(options.Seed, SourceStream));
        int[] pathSources = exact || options.SampleSources >= largest.Length
            ? largest
            : Draw(largest.Length, largest, options.SampleSources, CounterRng.Key(options.Seed, SourceStream));
        var (sources, flags) = Merge(betweennessSources, pathSources);
        var (betweenness, distanceSum) = SearchAll(graph, sources, flags, options.Threads, out int scaleBits);

        int[] clusteringAgents = exact || options.ClusteringSample >= n
            ? Identity(n)
            : Draw(n, null, options.ClusteringSample, CounterRng.Key(options.Seed, ClusteringStream));
        long pairs = (long)pathSources.Length * (largest.Length - 1);

        // Brandes sums every ordered (source, target) pair, so each unordered pair twice.
        double betweennessScale = n == 0 ? 0 : (double)n / betweennessSources.Length / 2.0 / Math.ScaleB(1.0, scaleBits);
        return new Searches(
            MeanClustering(graph, clusteringAgents), clusteringAgents.Length, componentCount, largest.Length,
            pairs == 0 ? 0 : (double)distanceSum / pairs, pathSources.Length, betweenness, betweennessSources.Length, betweennessScale);
    }

    private static int[] Identity(int n)
    {
        var ids = new int[n];
        for (int v = 0; v < n; v++)
        {
            ids[v] = v;
        }

        return ids;
    }

    /// <summary>
    /// <paramref name="k"/> distinct members drawn uniformly (a partial Fisher–Yates shuffle), in
    /// ascending order; <paramref name="members"/> null stands for 0..count-1, so a connected
    /// graph's largest component gives the same draw as all agents.
    /// </summary>
    private static int[] Draw(int count, int[]? members, int k, ulong key)
    {
        int[] pool = members is null ? Identity(count) : (int[])members.Clone();
        for (int i = 0; i < k; i++)
        {
            int j = i + CounterRng.Below(key, (ulong)i, count - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        int[] drawn = pool[..k];
        Array.Sort(drawn);
        return drawn;
    }

    /// <summary>The union of two ascending source lists, each source flagged with the lists it came from.</summary>
    private static (int[] Sources, byte[] Flags) Merge(int[] betweenness, int[] path)
    {
        var sources = new List<int>(Math.Max(betweenness.Length, path.Length));
        var flags = new List<byte>(sources.Capacity);
        int i = 0, j = 0;
        while (i < betweenness.Length || j < path.Length)
        {
            int b = i < betweenness.Length ? betweenness[i] : int.MaxValue;
            int p = j < path.Length ? path[j] : int.MaxValue;
            int s = Math.Min(b, p);
            byte flag = 0;
            if (b == s)
            {
                flag |= ForBetweenness;
                i++;
            }

            if (p == s)
            {
                flag |= ForPath;
                j++;
            }

            sources.Add(s);
            flags.Add(flag);
        }

        return ([.. sources], [.. flags]);
    }

    /// <summary>The number of components and the members of the largest (the first found among equals), ascending.</summary>
    private static (int Count, int[] Largest) FindLargestComponent(OrgGraph graph)
    {
        int n = graph.NodeCount;
        int[] targets = graph.Targets;
        var component = new int[n];
        Array.Fill(component, -1);
        var queue = new int[n];
        int count = 0, largestLabel = -1, largestSize = 0;
        for (int root = 0; root < n; root++)
        {
            if (component[root] >= 0)
            {
                continue;
            }

            component[root] = count;
            queue[0] = root;
            int head = 0, tail = 1;
            while (head < tail)
            {
                int v = queue[head++];
                for (int e = graph.RowStart(v), end = graph.RowEnd(v); e < end; e++)
                {
                    int u = targets[e];
                    if (component[u] < 0)
                    {
                        component[u] = count;
                        queue[tail++] = u;
                    }
                }
            }

            if (tail > largestSize)
            {
                largestSize = tail;
                largestLabel = count;
            }

            count++;
        }

        var largest = new int[largestSize];
        int next = 0;
        for (int v = 0; v < n; v++)
        {
            if (component[v] == largestLabel)
            {
                largest[next++] = v;
            }
        }

        return (count, largest);
    }

    /// <summary>
    /// Runs a breadth-first search from every source, split round robin among the threads; returns
    /// each agent's betweenness in fixed point (units of 2^-<paramref name="scaleBits"/>), summed
    /// over the betweenness sources, and the sum of distances from the path sources.
    /// </summary>
    private static (long[] Betweenness, long DistanceSum) SearchAll(OrgGraph graph, int[] sources, byte[] flags, int threads, out int scaleBits)
    {
        int n = graph.NodeCount;
        int betweennessSources = 0;
        foreach (byte flag in flags)
        {
            betweennessSources += flag & ForBetweenness;
        }

        // Each source adds at most n - 2 to an agent: keep the total below 2^61, with a unit no finer than 2^-32.
        ulong bound = Math.Max(1UL, (ulong)betweennessSources * (ulong)Math.Max(1, n - 2));
        scaleBits = Math.Clamp(61 - (64 - BitOperations.LeadingZeroCount(bound)), 0, 32);
        int workers = Math.Max(1, Math.Min(threads, sources.Length));
        var searches = new ShortestPaths[workers];
        for (int w = 0; w < workers; w++)
        {
            searches[w] = new ShortestPaths(graph, betweennessSources > 0, Math.ScaleB(1.0, scaleBits));
        }

        void Work(int w)
        {
            for (int i = w; i < sources.Length; i += workers)
            {
                searches[w].Run(sources[i], (flags[i] & ForBetweenness) != 0, (flags[i] & ForPath) != 0);
            }
        }

        if (workers == 1)
        {
            Work(0);
        }
        else
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, Work);
        }

        long[] betweenness = searches[0].Betweenness;
        long distanceSum = searches[0].DistanceSum;
        for (int w = 1; w < workers; w++)
        {
            long[] partial = searches[w].Betweenness;
            for (int v = 0; v < partial.Length; v++)
            {
                betweenness[v] += partial[v];
            }

            distanceSum += searches[w].DistanceSum;
        }

        return (betweenness.Length == n ? betweenness : new long[n], distanceSum);
    }

    private static List<TieTypeCount> TiesByType(OrgGraph graph)
    {
        var directed = new long[EdgeTypes.Count];
        if (graph.IsComplete)
        {
            // Every edge is a team peer: counted, not walked (2.1 billion at the largest size).
            directed[(int)EdgeType.TeamPeer] = graph.EdgeCount;
        }
        else
        {
            for (int v = 0; v < graph.NodeCount; v++)
            {
                foreach (EdgeType type in graph.EdgeTypesOf(v))
                {
                    directed[(int)type]++;
                }
            }
        }

        var ties = new List<TieTypeCount>();
        foreach (EdgeType type in EdgeTypes.All)
        {
            EdgeType reverse = EdgeTypes.Reverse(type);
            if (directed[(int)type] == 0 || reverse < type)
            {
                continue;
            }

            // A symmetric type stores each tie twice under its own name; a pair once under each name.
            bool symmetric = reverse == type;
            string name = symmetric ? EdgeTypes.Name(type) : $"{EdgeTypes.Name(type)}/{EdgeTypes.Name(reverse)}";
            ties.Add(new TieTypeCount(type, name, symmetric ? directed[(int)type] / 2 : directed[(int)type]));
        }

        return ties;
    }

    private static DegreeSummary Degrees(OrgGraph graph)
    {
        int n = graph.NodeCount;
        if (n == 0)
        {
            return new DegreeSummary(0, 0, 0, 0, 0, [new DegreeBin(0, 0, 0)]);
        }

        int max = 0;
        for (int v = 0; v < n; v++)
        {
            max = Math.Max(max, graph.Degree(v));
        }

        // A count per degree is a counting sort: order statistics in O(n + max degree).
        var agents = new int[max + 1];
        for (int v = 0; v < n; v++)
        {
            agents[graph.Degree(v)]++;
        }

        int min = Array.FindIndex(agents, c => c > 0);
        var histogram = new List<DegreeBin>();
        for (int low = 0; low <= max; low = low == 0 ? 1 : low * 2)
        {
            int high = low == 0 ? 0 : (int)Math.Min(max, (2L * low) - 1);
            int inBin = 0;
            for (int d = low; d <= high; d++)
            {
                inBin += agents[d];
            }

            histogram.Add(new DegreeBin(low, low == 0 ? 0 : (2 * low) - 1, inBin));
            if (high == max)
            {
                break;
            }
        }

        return new DegreeSummary(min, max, (double)graph.EdgeCount / n, NearestRank(agents, n, 50), NearestRank(agents, n, 90), histogram);
    }

    /// <summary>The smallest degree that at least <paramref name="percent"/>% of the agents do not exceed.</summary>
    private static int NearestRank(int[] agentsPerDegree, int n, int percent)
    {
        long rank = Math.Max(1, (((long)percent * n) + 99) / 100);
        long seen = 0;
        for (int d = 0; d < agentsPerDegree.Length; d++)
        {
            seen += agentsPerDegree[d];
            if (seen >= rank)
            {
                return d;
            }
        }

        return agentsPerDegree.Length - 1;
    }

    private static int[] AgentsPerLevel(OrgGraph graph)
    {
        var agents = new int[graph.LevelCount];
        foreach (byte level in graph.Levels)
        {
            agents[level]++;
        }

        return agents;
    }

    private static (int Count, int Smallest, int Largest) TeamSizes(OrgGraph graph)
    {
        var sizes = new int[graph.TeamCount];
        foreach (int team in graph.Teams)
        {
            sizes[team]++;
        }

        int count = 0, smallest = int.MaxValue, largest = 0;
        foreach (int size in sizes)
        {
            if (size > 0)
            {
                count++;
                smallest = Math.Min(smallest, size);
                largest = Math.Max(largest, size);
            }
        }

        return (count, count == 0 ? 0 : smallest, largest);
    }

    /// <summary>
    /// The mean local clustering of <paramref name="agents"/>. Each agent's contacts are stamped
    /// with its id, so "is this pair tied" is one array read, with no hashing and no reset; every
    /// tie among the contacts is then seen from both its ends.
    /// </summary>
    private static double MeanClustering(OrgGraph graph, int[] agents)
    {
        if (agents.Length == 0)
        {
            return 0;
        }

        int[] targets = graph.Targets;
        var stamp = new int[graph.NodeCount];
        Array.Fill(stamp, -1);
        double sum = 0;
        foreach (int v in agents)
        {
            long degree = graph.Degree(v);
            if (degree < 2)
            {
                continue;
            }

            for (int e = graph.RowStart(v), end = graph.RowEnd(v); e < end; e++)
            {
                stamp[targets[e]] = v;
            }

            long closedTwice = 0;
            for (int e = graph.RowStart(v), end = graph.RowEnd(v); e < end; e++)
            {
                int u = targets[e];
                for (int f = graph.RowStart(u), stop = graph.RowEnd(u); f < stop; f++)
                {
                    if (stamp[targets[f]] == v)
                    {
                        closedTwice++;
                    }
                }
            }

            sum += (double)closedTwice / (degree * (degree - 1));
        }

        return sum / agents.Length;
    }

    private static long[] Degrees64(OrgGraph graph)
    {
        var degrees = new long[graph.NodeCount];
        for (int v = 0; v < degrees.Length; v++)
        {
            degrees[v] = graph.Degree(v);
        }

        return degrees;
    }

    /// <summary>
    /// The <paramref name="top"/> agents with the largest <paramref name="keys"/>, largest first and
    /// equal keys in id order, each valued key × <paramref name="scale"/>. Integer keys make ties exact.
    /// </summary>
    private static CentralAgent[] TopAgents(OrgGraph graph, long[] keys, int top, double scale)
    {
        int k = Math.Min(top, keys.Length);
        int[] ids = k <= ShortList ? InsertTop(keys, k) : SortTop(keys, k);
        var agents = new CentralAgent[k];
        for (int i = 0; i < k; i++)
        {
            agents[i] = new CentralAgent(ids[i], graph.Name(ids[i]), keys[ids[i]] * scale);
        }

        return agents;
    }

    /// <summary>Up to this many, the top agents are kept by insertion in one pass (O(n) on typical keys); more are sorted.</summary>
    private const int ShortList = 64;

    private static int[] InsertTop(long[] keys, int k)
    {
        var ids = new int[k];
        int count = 0;
        for (int v = 0; v < keys.Length; v++)
        {
            if (count == k && (k == 0 || keys[v] <= keys[ids[k - 1]]))
            {
                continue;
            }

            // Insert after every kept agent with a key at least as large: those have lower ids.
            int at = count < k ? count : k - 1;
            while (at > 0 && keys[ids[at - 1]] < keys[v])
            {
                ids[at] = ids[at - 1];
                at--;
            }

            ids[at] = v;
            count = Math.Min(count + 1, k);
        }

        return ids;
    }

    private static int[] SortTop(long[] keys, int k)
    {
        int[] ids = Identity(keys.Length);
        Array.Sort(ids, (a, b) => keys[a] != keys[b] ? keys[b].CompareTo(keys[a]) : a.CompareTo(b));
        return ids[..k];
    }
}
