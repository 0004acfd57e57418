using OrgSim.Core.Graph;
using QuikGraph;

namespace OrgSim.Experiments.Organisations;

/// <summary>
/// An organisation (<see cref="OrgGraph"/>) as QuikGraph graphs, for running your own graph
/// algorithms on it: vertices are agent indices 0..<see cref="OrgGraph.NodeCount"/> − 1 (every
/// agent, isolated ones included), edges are <see cref="OrgTie"/>s carrying the tie's type and weight.
/// </summary>
/// <remarks>
/// <para>Each method copies the organisation into a new, mutable QuikGraph graph that the caller
/// owns: changing it changes nothing in the <see cref="OrgGraph"/>, which stays the engine's
/// structure. Copies take time and memory in proportion to agents + edges (a QuikGraph edge list
/// per vertex, roughly 10 to 20 times the organisation's own arrays), so on millions of agents
/// prefer the engine's own metrics; a complete network of n agents has n(n − 1) directed edges.</para>
/// <para>Vertices are added in index order and each agent's edges in the order of
/// <see cref="OrgGraph.Neighbours"/>, so the graphs, and any deterministic algorithm run on them,
/// are the same for the same organisation.</para>
/// </remarks>
public static class OrgGraphQuikGraph
{
    /// <summary>
    /// Every directed edge as OrgSim stores it: agent <c>v</c> → each agent it observes, so every
    /// tie appears twice, once from each end with mirrored types (a manager tie is
    /// <c>report → manager</c> of type <see cref="EdgeType.Manager"/> and <c>manager → report</c> of
    /// type <see cref="EdgeType.Report"/>).
    /// </summary>
    /// <param name="graph">The organisation.</param>
    /// <param name="include">Which edges to keep (e.g. <c>t => t.Type != EdgeType.CrossTeam</c>); all when null. Every agent is kept.</param>
    /// <returns>A graph with <see cref="OrgGraph.NodeCount"/> vertices and <see cref="OrgGraph.EdgeCount"/> edges (or those <paramref name="include"/> keeps), parallel edges allowed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    public static BidirectionalGraph<int, OrgTie> ToBidirectionalGraph(OrgGraph graph, Func<OrgTie, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var result = new BidirectionalGraph<int, OrgTie>(allowParallelEdges: true);
        result.AddVertexRange(Enumerable.Range(0, graph.NodeCount));
        for (int v = 0; v < graph.NodeCount; v++)
        {
            AddRow(graph, v, include, tie => result.AddEdge(tie));
        }

        return result;
    }

    /// <summary>
    /// Every tie once, undirected: the edge from the lower agent index to the higher, with the type
    /// as seen from the lower index (<see cref="OrgTie.Source"/>), so a manager numbered before a
    /// report (as generators and importers number them) gives an edge of type <see cref="EdgeType.Report"/>.
    /// </summary>
    /// <param name="graph">The organisation.</param>
    /// <returns>A graph with <see cref="OrgGraph.NodeCount"/> vertices and one edge per tie (<see cref="OrgGraph.EdgeCount"/> / 2), parallel edges allowed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    public static UndirectedGraph<int, OrgTie> ToUndirectedGraph(OrgGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var result = new UndirectedGraph<int, OrgTie>(allowParallelEdges: true);
        result.AddVertexRange(Enumerable.Range(0, graph.NodeCount));
        for (int v = 0; v < graph.NodeCount; v++)
        {
            AddRow(graph, v, tie => tie.Source < tie.Target, tie => result.AddEdge(tie));
        }

        return result;
    }

    /// <summary>
    /// The reporting lines: an edge from each manager to each of their direct reports, of type
    /// <see cref="EdgeType.Report"/> with the tie's weight, so the roots of the forest are the agents
    /// without a manager (<see cref="OrgGraph.Manager"/> is -1) and a path from a root goes down the hierarchy.
    /// </summary>
    /// <param name="graph">The organisation.</param>
    /// <returns>A forest with <see cref="OrgGraph.NodeCount"/> vertices and one edge per agent with a manager.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    public static BidirectionalGraph<int, OrgTie> ToReportingTree(OrgGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var result = new BidirectionalGraph<int, OrgTie>(allowParallelEdges: false);
        result.AddVertexRange(Enumerable.Range(0, graph.NodeCount));
        for (int v = 0; v < graph.NodeCount; v++)
        {
            AddRow(graph, v, tie => tie.Type == EdgeType.Report && graph.Manager(tie.Target) == v, tie => result.AddEdge(tie));
        }

        return result;
    }

    private static void AddRow(OrgGraph graph, int v, Func<OrgTie, bool>? include, Action<OrgTie> add)
    {
        ReadOnlySpan<int> targets = graph.Neighbours(v);
        ReadOnlySpan<EdgeType> types = graph.EdgeTypesOf(v);
        ReadOnlySpan<float> weights = graph.EdgeWeightsOf(v);
        for (int i = 0; i < targets.Length; i++)
        {
            var tie = new OrgTie(v, targets[i], types[i], weights[i]);
            if (include is null || include(tie))
            {
                add(tie);
            }
        }
    }
}
