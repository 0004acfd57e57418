using System.Globalization;
using OrgSim.Experiments.Statistics;
using OrgSim.Experiments.Tipping;

namespace OrgSim.Experiments.Charts;

/// <summary>
/// tipping.svg: the mean contrast (arm 1 minus arm 2) at every probe with its 95% interval over
/// replicates, the zero line, and the crossing with its 95% interval as a shaded band.
/// </summary>
internal static class TippingChart
{
    public const string FileName = "tipping.svg";

    public static Chart Draw(TippingResult result, string key, string contrast, string metric, string subtitle)
    {
        var points = result.Probes.Select(p => (p.Value, Estimate: ConfidenceIntervals.StudentMean(p.Contrasts))).ToList();
        double xMin = points[0].Value, xMax = points[^1].Value;
        double yMin = Math.Min(0, points.Min(p => p.Estimate.Low ?? p.Estimate.Mean!.Value));
        double yMax = Math.Max(0, points.Max(p => p.Estimate.High ?? p.Estimate.Mean!.Value));
        IReadOnlyList<double> xTicks = NiceTicks.Inside(xMin, xMax), yTicks = NiceTicks.Covering(yMin, yMax);
        const double Height = 560;
        var axes = Axes.Standard(Height, 0, xMin, xMax, yTicks[0], yTicks[^1]);
        string title = $"Where {contrast} changes sign";
        using var svg = new SvgWriter(Axes.PageWidth, Height, title, subtitle);
        if (!result.SameSign)
        {
            svg.Leaf("rect", ("class", "crossing-interval"), ("x", axes.X(result.Low)), ("y", axes.Top), ("width", Math.Max(1, axes.X(result.High) - axes.X(result.Low))),
                ("height", axes.Height), ("fill", "#E69F00"), ("fill-opacity", 0.2));
        }

        axes.DrawY(svg, yTicks, Axes.Plain(yTicks), $"{metric}: {contrast}");
        axes.DrawX(svg, xTicks, Axes.Plain(xTicks), key);
        svg.Leaf("line", ("class", "zero"), ("x1", axes.Left), ("x2", axes.Right), ("y1", axes.Y(0)), ("y2", axes.Y(0)), ("stroke", Palette.Axis), ("stroke-width", 1.5), ("stroke-dasharray", "6 4"));
        if (!result.SameSign)
        {
            svg.Leaf("line", ("class", "crossing"), ("x1", axes.X(result.Crossing)), ("x2", axes.X(result.Crossing)), ("y1", axes.Top), ("y2", axes.Bottom), ("stroke", "#D55E00"), ("stroke-width", 2));
        }

        svg.Leaf("path", ("class", "mean"), ("d", SvgWriter.Polyline(points.Select(p => (axes.X(p.Value), axes.Y(p.Estimate.Mean!.Value))))), ("fill", "none"), ("stroke", Palette.Arm(0)), ("stroke-width", 2));
        foreach (var (value, estimate) in points)
        {
            double x = axes.X(value);
            if (estimate is { Low: double low, High: double high })
            {
                svg.Leaf("line", ("class", "interval"), ("x1", x), ("x2", x), ("y1", axes.Y(low)), ("y2", axes.Y(high)), ("stroke", Palette.Arm(0)), ("stroke-width", 1.5));
            }

            svg.Open("circle", ("class", "probe"), ("cx", x), ("cy", axes.Y(estimate.Mean!.Value)), ("r", 4), ("fill", Palette.Arm(0)));
            svg.Title(string.Create(CultureInfo.InvariantCulture, $"{key} = {value:G6}: mean {estimate.Mean:+0.####;-0.####;0} over {estimate.N} replicates"));
            svg.Close();
        }

        svg.Text(20, Height - 16, "Dots: mean over replicates with its 95% interval · dashed: no difference · shaded: 95% interval of the crossing",
            ("font-size", 14), ("fill", Palette.Muted), ("class", "note"));
        return new Chart(FileName, title, svg.Finish());
    }
}
