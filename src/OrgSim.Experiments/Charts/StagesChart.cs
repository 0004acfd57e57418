using OrgSim.Experiments.Report;
using ScottPlot;

namespace OrgSim.Experiments.Charts;

/// <summary>
/// stages-COMPETENCY.svg: the share of agents at each stage 0–3 over time, stacked, one panel per
/// arm side by side on a shared 0–100% axis, the arm's name over its panel. Habit is at the bottom,
/// so the boundary above stage 2 is the competent share of adoption.svg.
/// </summary>
internal static class StagesChart
{
    public const string YTitle = "% of agents";

    /// <summary>Legend labels, stage 0 to 3: the four stages of competence.</summary>
    public static IReadOnlyList<string> StageNames { get; } = ["stage 0: unaware", "stage 1: aware", "stage 2: practising", "stage 3: habit"];

    private const int Height = 540;

    /// <summary>The gap between panels, as a share of a panel's width.</summary>
    private const double Gap = 0.1;

    public static string FileName(int competency) => $"stages-{ResultTables.CompetencyNames[competency]}.svg";

    public static Chart Draw(ChartInput input, int competency)
    {
        string title = $"Stages of {ResultTables.CompetencyNames[competency]} over time";
        var plot = ChartPlot.New(title, input.Subtitle);
        int n = input.Series.Count, h = input.Horizon;
        double stride = h * (1 + Gap);
        IReadOnlyList<double> x = NiceTicks.Inside(0, h, ChartPlot.DataWidth(n) / n < 250 ? 4 : 6);
        var ticks = new List<double>();
        var labels = new List<string>();
        for (int a = 0; a < n; a++)
        {
            ArmSeries s = input.Series[a];
            double offset = a * stride;
            var weeks = s.StageShares[competency];
            double[] xs = [.. Enumerable.Range(0, weeks.Count).Select(w => offset + w)];
            double[] below = new double[weeks.Count];
            foreach (int stage in (int[])[3, 2, 1, 0])
            {
                double[] lower = [.. below.Select(v => 100 * Math.Min(1, v))];
                for (int week = 0; week < weeks.Count; week++)
                {
                    below[week] += weeks[week][stage];
                }

                var area = plot.Add.FillY(xs, lower, [.. below.Select(v => 100 * Math.Min(1, v))]);
                area.FillColor = ChartPlot.Colour(Palette.Stages[stage]);
                area.LineWidth = 0;
            }

            ticks.AddRange(x.Select(t => offset + t));
            labels.AddRange(x.Select(ChartPlot.Plain(x)));
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks], [.. labels]);
        IReadOnlyList<double> y = NiceTicks.Inside(0, 100);
        ChartPlot.Ticks(plot.Axes.Left, y, ChartPlot.Percent(y));
        plot.Axes.Left.Label.Text = YTitle;
        plot.Axes.Bottom.Label.Text = "weeks";
        plot.Grid.YAxisStyle.IsVisible = false; // the areas fill every panel
        plot.Axes.SetLimits(0, ((n - 1) * stride) + h, 0, 100);

        // The arms' names over their panels, as the top axis's labels.
        IXAxis names = plot.Axes.Top;
        names.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, n).Select(a => (a * stride) + (h / 2.0))],
            [.. input.Series.Select(s => SvgWriter.Fit(s.Arm, ChartPlot.DataWidth(n) / n, 16))]);
        names.TickLabelStyle.FontSize = 16;
        names.TickLabelStyle.Bold = true;
        names.TickLabelStyle.ForeColor = ChartPlot.Colour("#222222");
        names.MajorTickStyle.Length = 0;
        names.MinorTickStyle.Length = 0;
        plot.Axes.SetLimitsX(0, ((n - 1) * stride) + h, names);

        ChartPlot.Legend(plot, Enumerable.Range(0, 4).Select(s => ChartPlot.Entry(StageNames[s], Palette.Stages[s], LegendMark.Swatch)));
        return ChartPlot.Finish(plot, FileName(competency), title, input.Subtitle, Height);
    }
}
