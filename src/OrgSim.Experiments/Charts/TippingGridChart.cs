using System.Globalization;
using OrgSim.Experiments.Tipping;

namespace OrgSim.Experiments.Charts;

/// <summary>
/// tipping-grid.svg: the mean contrast on a grid of two keys as a diverging heatmap (orange where
/// arm 2 is ahead, blue where arm 1 is), with the zero contour, where neither is, as a black line.
/// </summary>
internal static class TippingGridChart
{
    public const string FileName = "tipping-grid.svg";

    public static Chart Draw(IReadOnlyList<double> xs, IReadOnlyList<double> ys, double[,] means, string xKey, string yKey, string contrast, string metric, string subtitle)
    {
        const double Height = 640, ScaleWidth = 110;
        double half(IReadOnlyList<double> v, int i) => (i + 1 < v.Count ? v[i + 1] - v[i] : v[i] - v[i - 1]) / 2;
        double xMin = xs[0] - half(xs, 0), xMax = xs[^1] + half(xs, xs.Count - 1), yMin = ys[0] - half(ys, 0), yMax = ys[^1] + half(ys, ys.Count - 1);
        var axes = Axes.Standard(Height, ScaleWidth, xMin, xMax, yMin, yMax);
        double extent = Math.Max(1e-12, means.Cast<double>().Max(Math.Abs));
        string title = $"Where {contrast} changes sign";
        using var svg = new SvgWriter(Axes.PageWidth, Height, title, subtitle);
        for (int i = 0; i < xs.Count; i++)
        {
            for (int j = 0; j < ys.Count; j++)
            {
                double x0 = axes.X(i == 0 ? xMin : (xs[i - 1] + xs[i]) / 2), x1 = axes.X(i + 1 == xs.Count ? xMax : (xs[i] + xs[i + 1]) / 2);
                double y0 = axes.Y(j + 1 == ys.Count ? yMax : (ys[j] + ys[j + 1]) / 2), y1 = axes.Y(j == 0 ? yMin : (ys[j - 1] + ys[j]) / 2);
                svg.Open("rect", ("class", "cell"), ("x", x0), ("y", y0), ("width", x1 - x0), ("height", y1 - y0), ("fill", Diverging(means[i, j] / extent)));
                svg.Title(string.Create(CultureInfo.InvariantCulture, $"{xKey} = {xs[i]:G6}, {yKey} = {ys[j]:G6}: mean {means[i, j]:+0.####;-0.####;0}"));
                svg.Close();
                svg.Text((x0 + x1) / 2, ((y0 + y1) / 2) + 5, means[i, j].ToString("+0.00;-0.00;0", CultureInfo.InvariantCulture), ("text-anchor", "middle"), ("font-size", 12), ("class", "value"),
                    ("fill", Math.Abs(means[i, j] / extent) > 0.6 ? "#FFFFFF" : "#000000"));
            }
        }

        var segments = ZeroContour.Segments(xs, ys, means);
        svg.Open("g", ("class", "zero-contour"));
        foreach (var (from, to) in segments)
        {
            svg.Leaf("line", ("x1", axes.X(from.X)), ("y1", axes.Y(from.Y)), ("x2", axes.X(to.X)), ("y2", axes.Y(to.Y)), ("stroke", "#000000"), ("stroke-width", 3), ("stroke-linecap", "round"));
        }

        svg.Close();
        IReadOnlyList<double> xTicks = NiceTicks.Inside(xs[0], xs[^1]), yTicks = NiceTicks.Inside(ys[0], ys[^1]);
        axes.DrawX(svg, xTicks, Axes.Plain(xTicks), xKey);
        axes.DrawY(svg, [], Axes.Plain(yTicks), yKey);
        foreach (double tick in yTicks)
        {
            svg.Text(axes.Left - 8, axes.Y(tick) + 5, Axes.Plain(yTicks)(tick), ("text-anchor", "end"));
        }

        double scaleX = axes.Right + Axes.LegendGap, scaleTop = axes.Top, scaleHeight = 220;
        svg.Open("defs");
        svg.Open("linearGradient", ("id", "tipping-scale"), ("x1", 0), ("y1", 1), ("x2", 0), ("y2", 0));
        foreach (double stop in (double[])[0, 0.25, 0.5, 0.75, 1])
        {
            svg.Leaf("stop", ("offset", stop), ("stop-color", Diverging((2 * stop) - 1)));
        }

        svg.Close();
        svg.Close();
        svg.Open("g", ("class", "legend"));
        svg.Leaf("rect", ("x", scaleX), ("y", scaleTop), ("width", 22), ("height", scaleHeight), ("fill", "url(#tipping-scale)"), ("stroke", Palette.Axis));
        string magnitude = extent.ToString("0.###", CultureInfo.InvariantCulture);
        foreach (var (at, label) in new[] { (1.0, "+" + magnitude), (0.5, "0"), (0.0, "-" + magnitude) })
        {
            double ty = scaleTop + scaleHeight - (at * scaleHeight);
            svg.Text(scaleX + 30, ty + 5, label);
        }

        svg.Close();
        svg.Text(20, Height - 16, SvgWriter.Fit($"Colour and number: mean {metric}, {contrast} · black line: zero, where the arms are level", Axes.PageWidth - 40, 14),
            ("font-size", 14), ("fill", Palette.Muted), ("class", "note"));
        return new Chart(FileName, title, svg.Finish());
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
