using OrgSim.Experiments.Tipping;
using Xunit;

namespace OrgSim.Experiments.Tests.Tipping;

public sealed class ZeroContourTests
{
    private static readonly double[] Grid = [0, 0.25, 0.5, 0.75, 1];

    [Fact]
    public void A_plane_gives_segments_on_its_zero_line()
    {
        var z = new double[Grid.Length, Grid.Length];
        for (int i = 0; i < Grid.Length; i++)
        {
            for (int j = 0; j < Grid.Length; j++)
            {
                z[i, j] = Grid[i] + (2 * Grid[j]) - 1.1;
            }
        }

        var segments = ZeroContour.Segments(Grid, Grid, z);

        Assert.NotEmpty(segments);
        Assert.All(segments.SelectMany(s => new[] { s.From, s.To }), p => Assert.Equal(0, p.X + (2 * p.Y) - 1.1, 9));
    }

    [Fact]
    public void A_grid_of_one_sign_has_no_contour()
    {
        var z = new double[Grid.Length, Grid.Length];
        for (int i = 0; i < Grid.Length; i++)
        {
            for (int j = 0; j < Grid.Length; j++)
            {
                z[i, j] = 1 + i + j;
            }
        }

        Assert.Empty(ZeroContour.Segments(Grid, Grid, z));
    }

    [Fact]
    public void A_saddle_cell_gives_two_segments() =>
        Assert.Equal(2, ZeroContour.Segments([0.0, 1], [0.0, 1], new double[,] { { 1, -1 }, { -1, 1 } }).Count);
}
