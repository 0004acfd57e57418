using OrgSim.Experiments.Organisations;

namespace OrgSim.Experiments.Report;

/// <summary>
/// A tidy tree layout of a hierarchy given as parent indices: each node on the row of its depth,
/// each parent centred over its first and last child, subtrees packed as close as their contours
/// allow (Reingold–Tilford without threads), roots side by side as one forest.
/// </summary>
/// <remarks>
/// Positions are in slots: two nodes on the same row are at least one slot apart, so a drawing
/// that makes a slot wider than its largest circle has no overlaps. The layout is a pure function
/// of the parent list (children in index order, roots in index order), so it is deterministic.
/// A parent index out of range or equal to the node's own makes the node a root; a cycle of
/// parents (possible in a broken HR export) is cut at its lowest index, which becomes a root
/// (<see cref="ReportingForest.Repair"/>). Cost is linear in the number of nodes (see <c>Contour</c>).
/// </remarks>
public sealed class OrgChartLayout
{
    private OrgChartLayout(double[] x, int[] depth, int[] parent)
    {
        X = x;
        Depth = depth;
        Parent = parent;
        Width = x.Length == 0 ? 0 : x.Max();
        Rows = depth.Length == 0 ? 0 : depth.Max() + 1;
    }

    /// <summary>Per node, its horizontal position in slots (the leftmost node is at 0).</summary>
    public IReadOnlyList<double> X { get; }

    /// <summary>Per node, its row: its depth in the tree, 0 for a root.</summary>
    public IReadOnlyList<int> Depth { get; }

    /// <summary>Per node, the parent the layout used: the given one, or -1 for a root (including a node whose link was cut).</summary>
    public IReadOnlyList<int> Parent { get; }

    /// <summary>The largest <see cref="X"/>: the distance in slots between the leftmost and rightmost nodes (0 when empty).</summary>
    public double Width { get; }

    /// <summary>The number of rows (0 when empty).</summary>
    public int Rows { get; }

    /// <summary>Lays out the forest whose node <c>i</c> has parent <c>parents[i]</c> (-1 for a root).</summary>
    public static OrgChartLayout Compute(IReadOnlyList<int> parents)
    {
        ArgumentNullException.ThrowIfNull(parents);
        int n = parents.Count;
        var forest = ReportingForest.Repair(parents);
        IReadOnlyList<int> order = forest.BreadthFirstOrder, parent = forest.Managers;

        // Children before parents (the breadth-first order backwards), then the roots under a
        // virtual root n, so that every subtree is placed before the one above it.
        var offset = new double[n + 1]; // relative to the parent
        var contours = new Contour?[n + 1];
        for (int i = n - 1; i >= 0; i--)
        {
            int v = order[i];
            contours[v] = Place(forest.ReportsOf(v), offset, contours);
        }

        contours[n] = Place([.. forest.Roots], offset, contours);

        var x = new double[n];
        foreach (int v in order)
        {
            x[v] = (parent[v] < 0 ? 0 : x[parent[v]]) + offset[v];
        }

        double min = n == 0 ? 0 : x.Min();
        for (int v = 0; v < n; v++)
        {
            x[v] -= min;
        }

        return new OrgChartLayout(x, [.. forest.Depth], [.. parent]);
    }

    /// <summary>
    /// Places the subtrees of <paramref name="kids"/> left to right, each as far left as its
    /// contour allows, centres their parent over the first and last, and returns the parent's
    /// contour. The children's contours are consumed.
    /// </summary>
    private static Contour Place(ReadOnlySpan<int> kids, double[] offset, Contour?[] contours)
    {
        if (kids.Length == 0)
        {
            return Contour.Leaf();
        }

        // The contour of the children placed so far, in the frame of the first child.
        Contour merged = contours[kids[0]]!;
        contours[kids[0]] = null;
        offset[kids[0]] = 0;
        for (int i = 1; i < kids.Length; i++)
        {
            Contour next = contours[kids[i]]!;
            contours[kids[i]] = null;
            double shift = double.MinValue;
            for (int k = 0; k < Math.Min(next.Height, merged.Height); k++)
            {
                shift = Math.Max(shift, merged.Right(k) - next.Left(k) + 1);
            }

            offset[kids[i]] = shift;
            merged = Contour.Merge(merged, next, shift);
        }

        double middle = offset[kids[^1]] / 2;
        foreach (int c in kids)
        {
            offset[c] -= middle;
        }

        merged.MoveBy(-middle);
        merged.AddTop();
        return merged;
    }

    /// <summary>
    /// A subtree's outline: per depth below its root, the leftmost and rightmost position relative
    /// to the root. Stored deepest first with a lazy offset, so adding a root on top, moving the
    /// outline and merging with a neighbour cost O(1), O(1) and O(the shallower height): laying out
    /// a whole tree is then linear, even for a long reporting chain.
    /// </summary>
    private sealed class Contour
    {
        private readonly List<(double Left, double Right)> _deepestFirst;
        private double _offset;

        private Contour(List<(double Left, double Right)> deepestFirst, double offset)
        {
            _deepestFirst = deepestFirst;
            _offset = offset;
        }

        public int Height => _deepestFirst.Count;

        public static Contour Leaf() => new([(0, 0)], 0);

        public double Left(int depth) => _deepestFirst[Height - 1 - depth].Left + _offset;

        public double Right(int depth) => _deepestFirst[Height - 1 - depth].Right + _offset;

        public void MoveBy(double dx) => _offset += dx;

        /// <summary>Puts a root at 0 on top.</summary>
        public void AddTop() => _deepestFirst.Add((-_offset, -_offset));

        /// <summary>
        /// <paramref name="left"/> with <paramref name="right"/> placed <paramref name="shift"/> to
        /// its right (clear of it wherever both have a row): per row, the left end of the left one
        /// where it has the row, and the right end of the right one where it has it. Reuses the
        /// deeper one's storage.
        /// </summary>
        public static Contour Merge(Contour left, Contour right, double shift)
        {
            right._offset += shift;
            if (right.Height > left.Height)
            {
                for (int k = 0; k < left.Height; k++)
                {
                    int i = right.Height - 1 - k;
                    right._deepestFirst[i] = (left.Left(k) - right._offset, right._deepestFirst[i].Right);
                }

                return right;
            }

            for (int k = 0; k < right.Height; k++)
            {
                int i = left.Height - 1 - k;
                left._deepestFirst[i] = (left._deepestFirst[i].Left, right.Right(k) - left._offset);
            }

            return left;
        }
    }
}
