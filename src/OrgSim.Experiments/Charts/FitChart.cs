using System.Globalization;
using OrgSim.Core.Agents;
using OrgSim.Experiments.Calibration;
using OrgSim.Experiments.Statistics;
using ScottPlot;

namespace OrgSim.Experiments.Charts;

/// <summary>
/// fit.svg: for each competency and group of the observed survey, one panel of the competent
/// share by week — observed, as dots with their binomial 95% interval (Wilson), and simulated at
/// the posterior, as the median line over posterior runs in a 90% band. The panels are stacked on
/// one shared week axis, each with its own 0–max% scale, the same for all.
/// </summary>
internal static class FitChart
{
    public const string FileName = "fit.svg";

    /// <summary>At most this many panels; the rest are named in a note.</summary>
    public const int MaxPanels = 12;

    private const int PanelHeight = 210, PanelGap = 56, Top = 84, Bottom = 110;

    /// <summary>The room over each panel for its title, as a share of the panel's scale.</summary>
    private const double TitleRoom = 0.3;

    /// <param name="observed">The observed survey.</param>
    /// <param name="runs">Each posterior run's stage shares per observed row (NaN where undefined).</param>
    /// <param name="subtitle">What was fitted to what.</param>
    public static Chart Draw(ObservedSurvey observed, IReadOnlyList<IReadOnlyList<double[]>> runs, string subtitle)
    {
        var panels = observed.Rows.Select((row, i) => (Row: row, Index: i))
            .GroupBy(r => (Competency: r.Row.Competency is { } c ? Competencies.Name(c) : ObservedSurveyReader.Pooled, Group: Group(r.Row)))
            .ToList();
        int shown = Math.Min(panels.Count, MaxPanels);
        int height = Top + (shown * (PanelHeight + PanelGap)) + Bottom;
        const string Title = "Fitted and observed competent share";
        var plot = ChartPlot.New(Title, subtitle);
        int maxWeek = Math.Max(1, observed.Rows.Max(r => r.Week));
        IReadOnlyList<double> xTicks = NiceTicks.Covering(0, maxWeek);
        Color blue = ChartPlot.Colour(Palette.Arm(0));

        // One scale for every panel, fitted to what is drawn: survey shares are often a few
        // percent, and on a 0–100% axis their dots and band lay flat on the floor.
        double highest = observed.Rows.Select(r => Wilson(CompetentCount(r), r.Ratings).High)
            .Concat(runs.SelectMany(run => run.Select(Competent)).Where(double.IsFinite))
            .DefaultIfEmpty(1).Max();
        IReadOnlyList<double> yTicks = NiceTicks.Covering(0, Math.Clamp(highest, 0.01, 1));
        double yMax = Math.Min(1, yTicks[^1]);
        yTicks = yTicks.Where(t => t <= yMax).ToList();
        double stride = yMax * (1 + TitleRoom);
        var ticks = new List<double>();
        var labels = new List<string>();
        for (int p = 0; p < shown; p++)
        {
            double floor = (shown - 1 - p) * stride;
            double Y(double share) => floor + share;
            ticks.AddRange(yTicks.Select(Y));
            labels.AddRange(yTicks.Select(v => (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%"));
            var rows = panels[p].OrderBy(r => r.Row.Week).ToList();
            var title = plot.Add.Text($"{panels[p].Key.Competency} · {panels[p].Key.Group}", 0, Y(yMax * (1 + (TitleRoom / 3))));
            title.LabelFontSize = ChartPlot.LabelSize;
            title.LabelBold = true;
            title.LabelFontColor = ChartPlot.Colour("#222222");
            title.LabelAlignment = Alignment.LowerLeft;

            var band = rows.Select(r => (r.Row.Week, Quantiles(runs.Select(run => Competent(run[r.Index])).Where(double.IsFinite).ToList()))).Where(b => b.Item2 is not null).Select(b => (b.Week, Q: b.Item2!.Value)).ToList();
            if (band.Count == 1)
            {
                // One wave in this group: no line to draw, so the band is a bar and the median a tick beside the dot.
                var (week, q) = band[0];
                double w = xTicks[^1] * 0.012;
                var bar = plot.Add.Rectangle(week - w, week + w, Y(q.Low), Y(q.High));
                bar.FillColor = blue.WithAlpha(0.2);
                bar.LineWidth = 0;
                var median = plot.Add.Line(week - w, Y(q.Median), week + w, Y(q.Median));
                median.LineColor = blue;
                median.LineWidth = 2;
                median.MarkerSize = 0;
            }
            else if (band.Count > 0)
            {
                double[] weeks = [.. band.Select(b => (double)b.Week)];
                var fill = plot.Add.FillY(weeks, [.. band.Select(b => Y(b.Q.Low))], [.. band.Select(b => Y(b.Q.High))]);
                fill.FillColor = blue.WithAlpha(0.2);
                fill.LineWidth = 0;
                var median = plot.Add.ScatterLine(weeks, [.. band.Select(b => Y(b.Q.Median))], blue);
                median.LineWidth = 2;
            }

            foreach (var (row, _) in rows)
            {
                var (share, low, high) = Wilson(CompetentCount(row), row.Ratings);
                var interval = plot.Add.Line(row.Week, Y(low), row.Week, Y(high));
                interval.LineColor = Colors.Black;
                interval.LineWidth = 1.5f;
                interval.MarkerSize = 0;
                var dot = plot.Add.Marker(row.Week, Y(share), MarkerShape.FilledCircle, 8, Colors.Black);
                dot.LegendText = "";
            }
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks], [.. labels]);
        ChartPlot.Ticks(plot.Axes.Bottom, xTicks, ChartPlot.Plain(xTicks));
        plot.Axes.Left.Label.Text = "% competent";
        plot.Axes.Bottom.Label.Text = "week";
        // A little room either side, so that the dots and bars of the first and the last wave are drawn whole.
        plot.Axes.SetLimits(-0.03 * xTicks[^1], 1.03 * xTicks[^1], 0, ((shown - 1) * stride) + (yMax * (1 + TitleRoom)));

        var observedEntry = new LegendItem
        {
            LabelText = "observed, 95% interval",
            LabelFontSize = ChartPlot.LabelSize,
            LabelFontColor = ChartPlot.Colour("#222222"),
            MarkerShape = MarkerShape.FilledCircle,
            MarkerSize = 8,
            MarkerColor = Colors.Black,
        };
        ChartPlot.Legend(plot, [observedEntry, ChartPlot.Entry("fitted: median,", Palette.Arm(0), LegendMark.Band)], "band: 90% of runs", "at the posterior");
        if (panels.Count > shown)
        {
            ChartPlot.Footnote(plot, string.Create(CultureInfo.InvariantCulture, $"{panels.Count - shown} more panels not drawn"));
        }

        return ChartPlot.Finish(plot, FileName, Title, subtitle, height);
    }

    private static string Group(ObservedRow row) =>
        row.Level is int level ? string.Create(CultureInfo.InvariantCulture, $"level {level}") : row.Unit ?? "whole organisation";

    private static double Competent(double[] shares) => shares[2] + shares[3];

    private static int CompetentCount(ObservedRow row) =>
        row.HasStages ? row.StageCount(Stage.ConsciousCompetence) + row.StageCount(Stage.UnconsciousCompetence) : row.Competent;

    private static (double Low, double Median, double High)? Quantiles(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        return (SortedQuantile.Type7(values, 0.05), SortedQuantile.Type7(values, 0.5), SortedQuantile.Type7(values, 0.95));
    }

    private static (double Share, double Low, double High) Wilson(int count, int n) =>
        ConfidenceIntervals.WilsonProportion(count, n) is { Mean: double p, Low: double low, High: double high } ? (p, low, high) : (0, 0, 1);
}
