using QuikGraph;
using QuikGraph.Algorithms.Search;

namespace OrgSim.Experiments.Organisations;

/// <summary>
/// Reporting lines as a forest: node <c>v</c> (an employee, or a team) reports to
/// <c>Managers[v]</c>, or to nobody (-1) at the top of a tree. It gives the roots, each node's
/// direct reports, a breadth-first order with each node's depth, and the cycles that make the
/// lines not a forest (possible in a broken HR export), with their members.
/// </summary>
/// <remarks>
/// <para>Order is by index throughout: roots in index order, each node's reports in index order,
/// so the breadth-first order is the roots, then their reports, and so on, level by level. A cycle
/// is listed from its lowest member, following managers; cycles in the order of their lowest
/// members. Everything is deterministic and linear in the number of nodes.</para>
/// <para>Built on QuikGraph: the lines form a graph from each manager to their reports, with a
/// virtual node over the roots. A breadth-first search from the virtual node gives the order and
/// the depths, and reaches every node exactly when there is no cycle (a node whose chain of
/// managers enters a cycle never reaches a root). Only if some node is left does a depth-first
/// search run, to find the cycles: each is entered only through its own members, since each of
/// them has its manager in it, and closes with one back edge. Both searches keep their own stack
/// or queue, so a reporting chain as deep as the organisation does not recurse.</para>
/// </remarks>
public sealed class ReportingForest
{
    private readonly int[] _managers;
    private readonly int[] _first;
    private readonly int[] _rows;
    private readonly IReadOnlyList<int> _roots;
    private readonly ReportingLines _lines;
    private readonly List<IReadOnlyList<int>> _cycles;
    private readonly int[] _order;
    private readonly int[] _depth;

    /// <summary>The forest in which node <c>v</c> reports to <c>managers[v]</c>, or to nobody if it is -1.</summary>
    /// <param name="managers">Per node, its manager's index in [0, count), or -1. A node that is its own manager is a cycle of one.</param>
    /// <exception cref="ArgumentOutOfRangeException">A manager is outside [-1, count).</exception>
    public ReportingForest(IReadOnlyList<int> managers)
    {
        ArgumentNullException.ThrowIfNull(managers);
        int n = managers.Count;
        _managers = new int[n];
        for (int v = 0; v < n; v++)
        {
            int m = managers[v];
            if (m < -1 || m >= n)
            {
                throw new ArgumentOutOfRangeException(nameof(managers), m, $"the manager of node {v} should be -1 or in range [0, {n - 1}]");
            }

            _managers[v] = m;
        }

        // Compressed rows, by counting: row v < n is node v's reports, row n the roots, each in
        // index order; row v is _rows[_first[v].._first[v + 1]].
        _first = new int[n + 2];
        foreach (int m in _managers)
        {
            _first[(m < 0 ? n : m) + 1]++;
        }

        for (int v = 0; v <= n; v++)
        {
            _first[v + 1] += _first[v];
        }

        _rows = new int[n];
        int[] cursor = _first[..(n + 1)];
        for (int v = 0; v < n; v++)
        {
            _rows[cursor[_managers[v] < 0 ? n : _managers[v]]++] = v;
        }

        _roots = new ArraySegment<int>(_rows, _first[n], _first[n + 1] - _first[n]);
        _lines = new ReportingLines(_first, _rows);
        (_order, _depth, int reached) = BreadthFirst(_lines, n);
        _cycles = reached == n ? [] : FindCycles(_lines, _managers);
    }

    /// <summary>
    /// The forest of <paramref name="managers"/> made whole: a manager outside [0, count) is
    /// nobody, and each cycle is cut at its lowest member, who then reports to nobody. For drawing
    /// whatever the input; an importer reports the problems instead (<see cref="Cycles"/>).
    /// </summary>
    public static ReportingForest Repair(IReadOnlyList<int> managers)
    {
        ArgumentNullException.ThrowIfNull(managers);
        int n = managers.Count;
        int[] valid = [.. managers.Select(m => m >= 0 && m < n ? m : -1)];
        var forest = new ReportingForest(valid);
        if (forest._cycles.Count == 0)
        {
            return forest;
        }

        foreach (IReadOnlyList<int> cycle in forest._cycles)
        {
            valid[cycle[0]] = -1;
        }

        return new ReportingForest(valid);
    }

    /// <summary>The number of nodes.</summary>
    public int Count => _managers.Length;

    /// <summary>Per node, its manager, or -1.</summary>
    public IReadOnlyList<int> Managers => _managers;

    /// <summary>The nodes without a manager, in index order.</summary>
    public IReadOnlyList<int> Roots => _roots;

    /// <summary>
    /// Each cycle of managers (a node reporting, through others or directly, to itself): its
    /// members from the lowest index, each reporting to the next and the last to the first. Cycles
    /// in the order of their lowest members; empty for a forest.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<int>> Cycles => _cycles;

    /// <summary>
    /// Every node, the roots first, then level by level, each node's reports in index order:
    /// <c>BreadthFirstOrder[k]</c> is the k-th node met going down the forest.
    /// </summary>
    /// <exception cref="InvalidOperationException">The lines have cycles, which no order going down from the roots reaches.</exception>
    public IReadOnlyList<int> BreadthFirstOrder => _cycles.Count == 0 ? _order : throw Cyclic();

    /// <summary>Per node, its depth: 0 for a root, else its manager's depth + 1.</summary>
    /// <exception cref="InvalidOperationException">The lines have cycles.</exception>
    public IReadOnlyList<int> Depth => _cycles.Count == 0 ? _depth : throw Cyclic();

    /// <summary>The direct reports of node <paramref name="v"/> (in [0, <see cref="Count"/>)), in index order.</summary>
    public ReadOnlySpan<int> ReportsOf(int v) => _rows.AsSpan(_first[v], _first[v + 1] - _first[v]);

    private static List<IReadOnlyList<int>> FindCycles(ReportingLines lines, int[] managers)
    {
        // A back edge m → v closes the cycle v, m = managers[v], managers[m], … back to v.
        var closing = new List<int>();
        var search = new DepthFirstSearchAlgorithm<int, SEdge<int>>(lines);
        search.BackEdge += edge => closing.Add(edge.Target);
        search.Compute();

        var cycles = new List<IReadOnlyList<int>>(closing.Count);
        foreach (int start in closing)
        {
            var walk = new List<int> { start };
            for (int u = managers[start]; u != start; u = managers[u])
            {
                walk.Add(u);
            }

            int[] members = [.. walk];
            int lowest = Array.IndexOf(members, members.Min());
            cycles.Add([.. members[lowest..], .. members[..lowest]]);
        }

        cycles.Sort((a, b) => a[0].CompareTo(b[0]));
        return cycles;
    }

    /// <summary>
    /// The nodes in breadth-first order from the virtual root <paramref name="n"/>, each node's
    /// depth below a root, and how many nodes the search reached (all of them unless there are cycles).
    /// </summary>
    private static (int[] Order, int[] Depth, int Reached) BreadthFirst(ReportingLines lines, int n)
    {
        var order = new int[n];
        var depth = new int[n + 1];
        int reached = 0;
        depth[n] = -1;
        var search = new BreadthFirstSearchAlgorithm<int, SEdge<int>>(lines, new QuikGraph.Collections.Queue<int>(), new Dictionary<int, GraphColor>(n + 1));
        search.TreeEdge += edge =>
        {
            depth[edge.Target] = depth[edge.Source] + 1;
            order[reached++] = edge.Target;
        };
        search.Compute(n);
        return (order, depth[..n], reached);
    }

    private InvalidOperationException Cyclic() =>
        new($"the reporting lines have {_cycles.Count} cycle(s), which no order down from the roots reaches; report them, or use ReportingForest.Repair");
}
