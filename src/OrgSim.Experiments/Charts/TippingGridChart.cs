using System.Globalization;
using OrgSim.Experiments.Tipping;
using ScottPlot;

namespace OrgSim.Experiments.Charts;

/// <summary>
/// tipping-grid.svg: the mean contrast on a grid of two keys as a diverging heatmap (orange where
/// arm 2 is ahead, blue where arm 1 is), with the zero contour, where neither is, as a black line.
/// </summary>
internal static class TippingGridChart
{
    public const string FileName = "tipping-grid.svg";

    private const int Height = 640;

    public static Chart Draw(IReadOnlyList<double> xs, IReadOnlyList<double> ys, double[,] means, string xKey, string yKey, string contrast, string metric, string subtitle)
    {
        double half(IReadOnlyList<double> v, int i) => (i + 1 < v.Count ? v[i + 1] - v[i] : v[i] - v[i - 1]) / 2;
        double xMin = xs[0] - half(xs, 0), xMax = xs[^1] + half(xs, xs.Count - 1), yMin = ys[0] - half(ys, 0), yMax = ys[^1] + half(ys, ys.Count - 1);
        double extent = Math.Max(1e-12, means.Cast<double>().Max(Math.Abs));
        string title = $"Where {contrast} changes sign";
        var plot = ChartPlot.New(title, subtitle);
        for (int i = 0; i < xs.Count; i++)
        {
            for (int j = 0; j < ys.Count; j++)
            {
                double x0 = i == 0 ? xMin : (xs[i - 1] + xs[i]) / 2, x1 = i + 1 == xs.Count ? xMax : (xs[i] + xs[i + 1]) / 2;
                double y0 = j == 0 ? yMin : (ys[j - 1] + ys[j]) / 2, y1 = j + 1 == ys.Count ? yMax : (ys[j] + ys[j + 1]) / 2;
                ChartPlot.Cell(plot, x0, x1, y0, y1, Diverging(means[i, j] / extent), edge: 0);
                ChartPlot.Text(plot, means[i, j].ToString("+0.00;-0.00;0", CultureInfo.InvariantCulture), xs[i], ys[j], Alignment.MiddleCenter, ChartPlot.NoteSize,
                    Math.Abs(means[i, j] / extent) > 0.6 ? "#FFFFFF" : "#000000");
            }
        }

        foreach (var (from, to) in ZeroContour.Segments(xs, ys, means))
        {
            var zero = plot.Add.Line(from.X, from.Y, to.X, to.Y);
            zero.LineColor = Colors.Black;
            zero.LineWidth = 3;
            zero.MarkerSize = 0;
        }

        ChartPlot.Axes(plot, xMin, xMax, xKey, yMin, yMax, yKey);
        IReadOnlyList<double> xTicks = NiceTicks.Inside(xs[0], xs[^1]), yTicks = NiceTicks.Inside(ys[0], ys[^1]);
        ChartPlot.Ticks(plot.Axes.Bottom, xTicks, ChartPlot.Plain(xTicks));
        ChartPlot.Ticks(plot.Axes.Left, yTicks, ChartPlot.Plain(yTicks));
        plot.Axes.Left.MajorTickStyle.Length = 6;
        plot.Grid.IsVisible = false; // the cells fill the data area

        // The scale's ends and middle, then which arm each colour favours.
        string magnitude = extent.ToString("0.###", CultureInfo.InvariantCulture);
        string[] arms = contrast.Split(" − ");
        var entries = new[] { (1.0, "+" + magnitude), (0.5, "+" + (extent / 2).ToString("0.###", CultureInfo.InvariantCulture)), (0.0, "0"), (-0.5, "-" + (extent / 2).ToString("0.###", CultureInfo.InvariantCulture)), (-1.0, "-" + magnitude) }
            .Select(e => ChartPlot.Entry(e.Item2, Diverging(e.Item1), LegendMark.Swatch)).ToList();
        entries.Add(ChartPlot.Entry("zero: level", "#000000", LegendMark.Line));
        string[] notes = arms.Length == 2
            ? ["above 0, blue:", ChartPlot.Fit(arms[0] + " ahead", 210, ChartPlot.NoteSize), "below 0, orange:", ChartPlot.Fit(arms[1] + " ahead", 210, ChartPlot.NoteSize)]
            : ["above 0, blue: the first arm ahead", "below 0, orange: the second"];
        ChartPlot.Legend(plot, entries, notes);
        ChartPlot.Footnote(plot, $"Colour and number: mean {metric}, {contrast}, over the paired replicates of each cell · black line: zero, where the arms are level");
        return ChartPlot.Finish(plot, FileName, title, subtitle, Height);
    }

    /// <summary>−1 orange, 0 near-white, +1 blue (Okabe–Ito), for a contrast scaled to its largest magnitude.</summary>
    private static string Diverging(double value)
    {
        double t = Math.Clamp(value, -1, 1);
        (int R, int G, int B) end = t >= 0 ? (0x00, 0x72, 0xB2) : (0xE6, 0x9F, 0x00), white = (0xF7, 0xF7, 0xF7);
        double a = Math.Abs(t);
        int Mix(int from, int to) => (int)Math.Round(from + ((to - from) * a));
        return $"#{Mix(white.R, end.R):X2}{Mix(white.G, end.G):X2}{Mix(white.B, end.B):X2}";
    }
}
