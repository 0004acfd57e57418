using OrgSim.Experiments.Statistics;
using OrgSim.Experiments.Tipping;
using ScottPlot;

namespace OrgSim.Experiments.Charts;

/// <summary>
/// tipping.svg: the mean contrast (arm 1 minus arm 2) at every probe with its 95% interval over
/// replicates, the zero line, and the crossing with its 95% interval as a shaded band.
/// </summary>
internal static class TippingChart
{
    public const string FileName = "tipping.svg";

    private const int Height = 560;

    public static Chart Draw(TippingResult result, string key, string contrast, string metric, string subtitle)
    {
        var points = result.Probes.Select(p => (p.Value, Estimate: ConfidenceIntervals.StudentMean(p.Contrasts))).ToList();
        double xMin = points[0].Value, xMax = points[^1].Value;
        double yMin = Math.Min(0, points.Min(p => p.Estimate.Low ?? p.Estimate.Mean!.Value));
        double yMax = Math.Max(0, points.Max(p => p.Estimate.High ?? p.Estimate.Mean!.Value));
        IReadOnlyList<double> yTicks = NiceTicks.Covering(yMin, yMax);
        string title = $"Where {contrast} changes sign";
        var plot = ChartPlot.New(title, subtitle);
        Color blue = ChartPlot.Colour(Palette.Arm(0));
        if (!result.SameSign)
        {
            var interval = plot.Add.HorizontalSpan(result.Low, result.High);
            interval.FillColor = ChartPlot.Colour("#E69F00").WithAlpha(0.2);
            interval.LineWidth = 0;
        }

        plot.Add.HorizontalLine(0, 1.5f, ChartPlot.Colour(Palette.Axis), LinePattern.Dashed);
        if (!result.SameSign)
        {
            plot.Add.VerticalLine(result.Crossing, 2, ChartPlot.Colour("#D55E00"));
        }

        foreach (var (value, estimate) in points)
        {
            if (estimate is { Low: double low, High: double high })
            {
                var whisker = plot.Add.Line(value, low, value, high);
                whisker.LineColor = blue;
                whisker.LineWidth = 1.5f;
                whisker.MarkerSize = 0;
            }
        }

        double[] xs = [.. points.Select(p => p.Value)], ys = [.. points.Select(p => p.Estimate.Mean!.Value)];
        var mean = plot.Add.Scatter(xs, ys, blue);
        mean.LineWidth = 2;
        mean.MarkerSize = 8;
        mean.MarkerShape = MarkerShape.FilledCircle;

        IReadOnlyList<double> x = NiceTicks.Inside(xMin, xMax);
        ChartPlot.Ticks(plot.Axes.Left, yTicks, ChartPlot.Plain(yTicks));
        ChartPlot.Ticks(plot.Axes.Bottom, x, ChartPlot.Plain(x));
        plot.Axes.Left.Label.Text = $"{metric}: {contrast}";
        plot.Axes.Bottom.Label.Text = key;
        plot.Axes.SetLimits(xMin, xMax, yTicks[0], yTicks[^1]);
        ChartPlot.Footnote(plot, "Dots: mean over replicates with its 95% interval · dashed: no difference · shaded: 95% interval of the crossing, whose estimate is the orange line");
        return ChartPlot.Finish(plot, FileName, title, subtitle, Height);
    }
}
