using OrgSim.Core.Graph;

namespace OrgSim.Core.Metrics;

/// <summary>Graph distance (ties, ignoring their type and weight) from each agent to the nearest seed.</summary>
public static class SeedDistances
{
    /// <summary>The value for agents no seed can reach.</summary>
    public const int Unreachable = -1;

    /// <summary>Breadth-first search from all <paramref name="seeds"/> at once: O(agents + ties).</summary>
    public static int[] From(OrgGraph graph, ReadOnlySpan<int> seeds)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var distance = new int[graph.NodeCount];
        Array.Fill(distance, Unreachable);
        var queue = new int[graph.NodeCount];
        int head = 0, tail = 0;
        foreach (int s in seeds)
        {
            if (distance[s] == Unreachable)
            {
                distance[s] = 0;
                queue[tail++] = s;
            }
        }

        // Once every agent has its distance the rest of the queue has nothing to add: on a complete
        // graph that is after the first seed's row, which keeps the search O(agents), not O(agents²).
        while (head < tail && tail < graph.NodeCount)
        {
            int v = queue[head++];
            foreach (int u in graph.Neighbours(v))
            {
                if (distance[u] == Unreachable)
                {
                    distance[u] = distance[v] + 1;
                    queue[tail++] = u;
                }
            }
        }

        return distance;
    }
}
