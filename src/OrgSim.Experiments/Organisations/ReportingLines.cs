using QuikGraph;

namespace OrgSim.Experiments.Organisations;

/// <summary>
/// A <see cref="ReportingForest"/>'s lines as a QuikGraph graph, read in place from its
/// compressed rows: node <c>v</c> &lt; n has an edge to each of its reports, and the virtual node
/// n an edge to each root, all in index order.
/// </summary>
/// <remarks>
/// Why not QuikGraph's <see cref="AdjacencyGraph{TVertex, TEdge}"/>: copying the rows into it (a
/// dictionary of edge lists) cost more than the search. On the 100,000-employee benchmark
/// hierarchy, building it and searching it breadth first took 20.5–26 ms (least of 40 runs, on a
/// busy two-core machine) against 13–14 ms for the whole forest read in place (benchmarks/README.md).
/// </remarks>
internal sealed class ReportingLines : IVertexListGraph<int, SEdge<int>>
{
    private readonly int[] _first;
    private readonly int[] _targets;

    /// <param name="first">n + 2 offsets into <paramref name="targets"/>: row v ≤ n is <c>targets[first[v]..first[v + 1]]</c>.</param>
    /// <param name="targets">Each node's reports, then the roots.</param>
    public ReportingLines(int[] first, int[] targets)
    {
        _first = first;
        _targets = targets;
    }

    /// <inheritdoc />
    public bool IsDirected => true;

    /// <inheritdoc />
    public bool AllowParallelEdges => false;

    /// <inheritdoc />
    public bool IsVerticesEmpty => VertexCount == 0;

    /// <inheritdoc />
    public int VertexCount => _first.Length - 1;

    /// <inheritdoc />
    public IEnumerable<int> Vertices => Enumerable.Range(0, VertexCount);

    /// <inheritdoc />
    public bool ContainsVertex(int vertex) => (uint)vertex < (uint)VertexCount;

    /// <inheritdoc />
    public bool IsOutEdgesEmpty(int vertex) => OutDegree(vertex) == 0;

    /// <inheritdoc />
    public int OutDegree(int vertex) => _first[vertex + 1] - _first[vertex];

    /// <inheritdoc />
    public IEnumerable<SEdge<int>> OutEdges(int vertex)
    {
        for (int i = _first[vertex]; i < _first[vertex + 1]; i++)
        {
            yield return new SEdge<int>(vertex, _targets[i]);
        }
    }

    /// <inheritdoc />
    public bool TryGetOutEdges(int vertex, out IEnumerable<SEdge<int>> edges)
    {
        edges = ContainsVertex(vertex) ? OutEdges(vertex) : [];
        return ContainsVertex(vertex);
    }

    /// <inheritdoc />
    public SEdge<int> OutEdge(int vertex, int index) => new(vertex, _targets[_first[vertex] + index]);

    /// <inheritdoc />
    public bool ContainsEdge(int source, int target) => TryGetEdge(source, target, out _);

    /// <inheritdoc />
    public bool TryGetEdge(int source, int target, out SEdge<int> edge)
    {
        edge = new SEdge<int>(source, target);
        return ContainsVertex(source) && Array.IndexOf(_targets, target, _first[source], OutDegree(source)) >= 0;
    }

    /// <inheritdoc />
    public bool TryGetEdges(int source, int target, out IEnumerable<SEdge<int>> edges)
    {
        bool found = TryGetEdge(source, target, out SEdge<int> edge);
        edges = found ? [edge] : [];
        return found;
    }
}
