using System.Globalization;
using OrgSim.Experiments.Report;
using ScottPlot;

namespace OrgSim.Experiments.Charts;

/// <summary>
/// weeks-to.svg: mean weeks to 50% and to 90% competent per arm, bars with 95% whiskers, each labelled
/// with how many runs got there ("7/20 runs"). Runs that never reached a threshold count as H + 1
/// weeks, so a mean with such runs is no time anyone waited: its bar is pale with a dashed outline and carries only the
/// count, never a number (a footnote says so). The dashed line is the horizon H, the dotted one H + 1
/// ("not reached"): bars stop at H and whiskers at H + 1. When no run reached a threshold there is no
/// bar, only "never" and the count at the bar's foot. Labels sit over the bar's whisker, or, where
/// they would reach the horizon line, inside the bar's top (on a white box for a pale bar): no line strikes through them.
/// </summary>
internal static class WeeksToChart
{
    public const string FileName = "weeks-to.svg", Title = "Weeks to 50% and to 90% competent";

    private const int Height = 540;

    /// <summary>The data area's height in px, near enough to keep labels clear of the horizon line; its width, near enough to tell a narrow bar.</summary>
    private const double PlotHeight = 330, LabelBlock = 44, ApproxDataWidth = 560;

    private static readonly (string Label, string Weeks, string Reached)[] Thresholds =
    [
        ("to 50% competent", "weeks_to_50pct", "reached_50pct"),
        ("to 90% competent", "weeks_to_90pct", "reached_90pct"),
    ];

    public static Chart Draw(ChartInput input)
    {
        int h = input.Horizon;
        double never = h + 1, top = never + (h * 0.04);
        double weeksPerPx = top / PlotHeight;
        var plot = ChartPlot.New(Title, input.Subtitle);
        plot.Add.HorizontalLine(h, 2, ChartPlot.Colour(Palette.Muted), LinePattern.Dashed);
        plot.Add.HorizontalLine(never, 1, ChartPlot.Colour(Palette.Muted), LinePattern.Dotted);

        int n = input.Series.Count;
        double barWidth = Math.Min(0.75 / n, 0.3);
        // With many arms a bar is narrower than "10/10 runs": counts drop " runs" (the legend says
        // what k/n means), labels get smaller, and neighbouring "never"s alternate in height.
        bool narrow = barWidth * ApproxDataWidth / Thresholds.Length < 64;
        float countSize = narrow ? 12 : 13, numberSize = narrow ? 13 : ChartPlot.LabelSize;
        var bars = new List<Bar>();
        for (int g = 0; g < Thresholds.Length; g++)
        {
            for (int a = 0; a < n; a++)
            {
                string arm = input.Series[a].Arm;
                Color colour = ChartPlot.Colour(input.Colour(arm));
                double mid = g + 0.5 + ((a - ((n - 1) / 2.0)) * barWidth);
                var weeks = input.Tables.Stat(input.Point, arm, Thresholds[g].Weeks);
                StatRow? reachedRow = input.Tables.Stat(input.Point, arm, Thresholds[g].Reached);
                double? reached = reachedRow?.Mean;
                if (weeks?.Mean is not double mean)
                {
                    Label(plot, mid, 0, "no data", bottom: true, italic: true);
                    continue;
                }

                int runs = reachedRow?.N ?? weeks.N;
                int got = reached is double r ? (int)Math.Round(r * runs, MidpointRounding.AwayFromZero) : mean >= never ? 0 : runs;
                string count = narrow ? string.Create(CultureInfo.InvariantCulture, $"{got}/{runs}") : string.Create(CultureInfo.InvariantCulture, $"{got}/{runs} runs");
                if (reached == 0 || (reached is null && mean >= never))
                {
                    Label(plot, mid, 0, count, bottom: true, size: countSize);
                    Label(plot, mid, (narrow && a % 2 == 1 ? 40 : 22) * weeksPerPx, "never", bottom: true, size: narrow ? 13 : ChartPlot.LabelSize, italic: true);
                    continue;
                }

                bool censored = reached is < 1;
                double barTop = Math.Min(mean, h);
                bars.Add(new Bar
                {
                    Position = mid,
                    Value = barTop,
                    Size = barWidth * 0.9,
                    FillColor = censored ? colour.WithAlpha(0.25) : colour,
                    LineColor = colour,
                    LineWidth = 2,
                    LinePattern = censored ? LinePattern.Dashed : LinePattern.Solid,
                });
                double labelAt = barTop, whiskerLow = barTop;
                if (weeks.Low is double low && weeks.High is double high && high > low)
                {
                    low = Math.Min(low, never);
                    high = Math.Min(high, never);
                    double w = barWidth / 8;
                    foreach ((double x1, double y1, double x2, double y2) in (ReadOnlySpan<(double, double, double, double)>)[(mid, low, mid, high), (mid - w, high, mid + w, high), (mid - w, low, mid + w, low)])
                    {
                        var whisker = plot.Add.Line(x1, y1, x2, y2);
                        whisker.LineColor = Colors.Black;
                        whisker.LineWidth = 1.5f;
                        whisker.MarkerSize = 0;
                    }

                    labelAt = Math.Max(labelAt, high);
                    whiskerLow = Math.Min(whiskerLow, low);
                }

                // A mean that counts runs as H + 1 is no time anyone waited: a censored bar gets only its count.
                string[] lines = censored ? [count] : [PlainNumbers.OneDecimal(mean), count];
                bool above = labelAt + ((LabelBlock + 6) * weeksPerPx) < h;
                if (above)
                {
                    Label(plot, mid, labelAt + (4 * weeksPerPx), count, bottom: true, size: countSize);
                    if (!censored)
                    {
                        Label(plot, mid, labelAt + (22 * weeksPerPx), lines[0], bottom: true, size: numberSize);
                    }
                }
                else
                {
                    // Inside the bar, below the whisker: white on a solid bar; on a pale one, on a white box.
                    double at = whiskerLow - (8 * weeksPerPx);
                    if (!censored)
                    {
                        Label(plot, mid, at, lines[0], bottom: false, size: numberSize, colour: Colors.White, bold: true);
                        at -= 22 * weeksPerPx;
                    }

                    Label(plot, mid, at, count, bottom: false, size: countSize, colour: censored ? null : Colors.White, boxed: censored);
                }
            }
        }

        if (bars.Count > 0)
        {
            plot.Add.Bars(bars);
        }

        // The bars go under the lines and the labels.
        foreach (var bar in plot.GetPlottables().OfType<ScottPlot.Plottables.BarPlot>().ToList())
        {
            plot.MoveToBack(bar);
        }

        IReadOnlyList<double> y = NiceTicks.Inside(0, h);
        ChartPlot.Ticks(plot.Axes.Left, y, ChartPlot.Plain(y));
        ChartPlot.Ticks(plot.Axes.Bottom, [0.5, 1.5], v => Thresholds[(int)v].Label);
        plot.Axes.Bottom.TickLabelStyle.FontSize = ChartPlot.AxisTitleSize;
        plot.Axes.Bottom.MajorTickStyle.Length = 8; // room between the axis and the group labels
        plot.Axes.Bottom.MajorTickStyle.Color = Colors.Transparent;
        plot.Axes.Left.Label.Text = "weeks";
        plot.Axes.SetLimits(0, Thresholds.Length, 0, top);

        var entries = input.Series.Select(s => ChartPlot.Entry(s.Arm, input.Colour(s.Arm), LegendMark.Swatch)).ToList();
        // Pale with a dashed outline, not hatched: Skia's SVG canvas drops ScottPlot's hatch (a shader).
        var pale = ChartPlot.Entry("not all runs got there", Palette.Muted, LegendMark.Swatch);
        pale.FillColor = ChartPlot.Colour(Palette.Muted).WithAlpha(0.25);
        pale.OutlineColor = ChartPlot.Colour(Palette.Muted);
        pale.OutlineWidth = 1.5f;
        pale.OutlinePattern = LinePattern.Dashed;
        entries.Add(pale);
        entries.Add(ChartPlot.Entry(string.Create(CultureInfo.InvariantCulture, $"horizon: {h} weeks"), Palette.Muted, LegendMark.Dashed));
        var dotted = ChartPlot.Entry("H + 1: not reached", Palette.Muted, LegendMark.Dashed);
        dotted.LinePattern = LinePattern.Dotted;
        dotted.LineWidth = 1.5f;
        entries.Add(dotted);
        ChartPlot.Legend(plot, entries, "bars: mean; whiskers: 95% CI", "k/n runs: how many got there");
        ChartPlot.Footnote(plot, string.Create(CultureInfo.InvariantCulture,
            $"Pale bars carry no number: runs that did not get there {PlainNumbers.Within(h)} count as H + 1 = {h + 1} weeks, so their mean is no time anyone waited."));
        return ChartPlot.Finish(plot, FileName, Title, input.Subtitle, Height);
    }

    /// <summary>A label centred on <paramref name="x"/>, its foot (<paramref name="bottom"/>) or its head at <paramref name="y"/>.</summary>
    private static void Label(Plot plot, double x, double y, string text, bool bottom, float size = ChartPlot.LabelSize, bool italic = false, bool boxed = false, Color? colour = null, bool bold = false)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontSize = size;
        label.LabelItalic = italic;
        label.LabelFontColor = colour ?? ChartPlot.Colour("#222222");
        label.LabelBold = bold;
        label.LabelAlignment = bottom ? Alignment.LowerCenter : Alignment.UpperCenter;
        if (boxed)
        {
            label.LabelBackgroundColor = Colors.White;
            label.LabelPadding = 2;
        }
    }
}
