namespace OrgSim.Experiments.Tipping;

/// <summary>
/// The line where a quantity measured on a grid is zero, by marching squares with linear
/// interpolation along each cell's edges (Lorensen and Cline 1987, in two dimensions). A saddle
/// cell (opposite corners of the same sign) is resolved by the mean of its four corners.
/// </summary>
public static class ZeroContour
{
    /// <summary>The segments of the zero line, in the coordinates of <paramref name="xs"/> and <paramref name="ys"/>.</summary>
    /// <param name="xs">The grid's x values, ascending.</param>
    /// <param name="ys">The grid's y values, ascending.</param>
    /// <param name="z">The value at (xs[i], ys[j]) as z[i, j].</param>
    public static IReadOnlyList<((double X, double Y) From, (double X, double Y) To)> Segments(IReadOnlyList<double> xs, IReadOnlyList<double> ys, double[,] z)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        ArgumentNullException.ThrowIfNull(z);
        if (z.GetLength(0) != xs.Count || z.GetLength(1) != ys.Count)
        {
            throw new ArgumentException("z must be xs.Count by ys.Count", nameof(z));
        }

        var segments = new List<((double, double), (double, double))>();
        for (int i = 0; i + 1 < xs.Count; i++)
        {
            for (int j = 0; j + 1 < ys.Count; j++)
            {
                // Corners counter-clockwise from the bottom left, and the edges between them.
                (double X, double Y, double Z)[] c =
                [
                    (xs[i], ys[j], z[i, j]), (xs[i + 1], ys[j], z[i + 1, j]), (xs[i + 1], ys[j + 1], z[i + 1, j + 1]), (xs[i], ys[j + 1], z[i, j + 1]),
                ];
                var crossings = new List<(int Edge, (double X, double Y) At)>();
                for (int e = 0; e < 4; e++)
                {
                    var (p, q) = (c[e], c[(e + 1) % 4]);
                    if ((p.Z > 0) != (q.Z > 0))
                    {
                        double t = p.Z / (p.Z - q.Z);
                        crossings.Add((e, (p.X + (t * (q.X - p.X)), p.Y + (t * (q.Y - p.Y)))));
                    }
                }

                if (crossings.Count == 2)
                {
                    segments.Add((crossings[0].At, crossings[1].At));
                }
                else if (crossings.Count == 4)
                {
                    // A saddle: corner 0 is joined to its neighbours' side when the centre has its sign.
                    bool centreLikeCorner0 = (c.Average(x => x.Z) > 0) == (c[0].Z > 0);
                    if (centreLikeCorner0)
                    {
                        segments.Add((crossings[0].At, crossings[1].At));
                        segments.Add((crossings[2].At, crossings[3].At));
                    }
                    else
                    {
                        segments.Add((crossings[3].At, crossings[0].At));
                        segments.Add((crossings[1].At, crossings[2].At));
                    }
                }
            }
        }

        return segments;
    }
}
