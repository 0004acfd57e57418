using System.Globalization;
using OrgSim.Core.Agents;
using OrgSim.Experiments.Calibration;
using OrgSim.Experiments.Statistics;

namespace OrgSim.Experiments.Charts;

/// <summary>
/// fit.svg: for each competency and group of the observed survey, one panel of the competent
/// share by week — observed, as dots with their binomial 95% interval (Wilson), and simulated at
/// the posterior, as the median line over posterior runs in a 90% band.
/// </summary>
internal static class FitChart
{
    public const string FileName = "fit.svg";

    /// <summary>At most this many panels; the rest are named in a note.</summary>
    public const int MaxPanels = 12;

    private const double PanelHeight = 210, PanelGap = 56;

    /// <param name="observed">The observed survey.</param>
    /// <param name="runs">Each posterior run's stage shares per observed row (NaN where undefined).</param>
    /// <param name="subtitle">What was fitted to what.</param>
    public static Chart Draw(ObservedSurvey observed, IReadOnlyList<IReadOnlyList<double[]>> runs, string subtitle)
    {
        var panels = observed.Rows.Select((row, i) => (Row: row, Index: i))
            .GroupBy(r => (Competency: r.Row.Competency is { } c ? Competencies.Name(c) : ObservedSurveyReader.Pooled, Group: Group(r.Row)))
            .ToList();
        int shown = Math.Min(panels.Count, MaxPanels);
        double height = Axes.MarginTop + (shown * (PanelHeight + PanelGap)) + 40;
        string title = "Fitted and observed competent share";
        using var svg = new SvgWriter(Axes.PageWidth, height, title, subtitle);
        int maxWeek = Math.Max(1, observed.Rows.Max(r => r.Week));
        IReadOnlyList<double> xTicks = NiceTicks.Covering(0, maxWeek);

        // One scale for every panel, fitted to what is drawn: survey shares are often a few
        // percent, and on a 0–100% axis their dots and band lay flat on the floor.
        double highest = observed.Rows.Select(r => Wilson(CompetentCount(r), r.Ratings).High)
            .Concat(runs.SelectMany(run => run.Select(Competent)).Where(double.IsFinite))
            .DefaultIfEmpty(1).Max();
        IReadOnlyList<double> yTicks = NiceTicks.Covering(0, Math.Clamp(highest, 0.01, 1));
        double yMax = Math.Min(1, yTicks[^1]);
        yTicks = yTicks.Where(t => t <= yMax).ToList();
        for (int p = 0; p < shown; p++)
        {
            var rows = panels[p].OrderBy(r => r.Row.Week).ToList();
            double top = Axes.MarginTop + (p * (PanelHeight + PanelGap));
            var axes = Axes.Standard(top + PanelHeight + Axes.MarginBottom, 0, 0, xTicks[^1], 0, yMax, top);
            axes.DrawY(svg, yTicks, v => (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%", "% competent");
            axes.DrawX(svg, xTicks, Axes.Plain(xTicks), p == shown - 1 ? "week" : null);
            svg.Text(axes.Left, top - 10, $"{panels[p].Key.Competency} · {panels[p].Key.Group}", ("font-size", 15), ("font-weight", "bold"), ("class", "panel-title"));
            var band = rows.Select(r => (r.Row.Week, Quantiles(runs.Select(run => Competent(run[r.Index])).Where(double.IsFinite).ToList()))).Where(b => b.Item2 is not null).Select(b => (b.Week, Q: b.Item2!.Value)).ToList();
            if (band.Count == 1)
            {
                // One wave in this group: no line to draw, so the band is a bar and the median a tick beside the dot.
                var (week, q) = band[0];
                double x = axes.X(week);
                svg.Leaf("rect", ("class", "band"), ("x", x - 9), ("y", axes.Y(q.High)), ("width", 18), ("height", Math.Max(1, axes.Y(q.Low) - axes.Y(q.High))), ("fill", Palette.Arm(0)), ("fill-opacity", 0.2), ("stroke", "none"));
                svg.Leaf("line", ("class", "median"), ("x1", x - 9), ("x2", x + 9), ("y1", axes.Y(q.Median)), ("y2", axes.Y(q.Median)), ("stroke", Palette.Arm(0)), ("stroke-width", 2));
            }
            else if (band.Count > 0)
            {
                var outline = band.Select(b => (axes.X(b.Week), axes.Y(b.Q.High))).Concat(band.AsEnumerable().Reverse().Select(b => (axes.X(b.Week), axes.Y(b.Q.Low))));
                svg.Leaf("path", ("class", "band"), ("d", SvgWriter.Polyline(outline, closed: true)), ("fill", Palette.Arm(0)), ("fill-opacity", 0.2), ("stroke", "none"));
                svg.Leaf("path", ("class", "median"), ("d", SvgWriter.Polyline(band.Select(b => (axes.X(b.Week), axes.Y(b.Q.Median))))), ("fill", "none"), ("stroke", Palette.Arm(0)), ("stroke-width", 2));
            }

            foreach (var (row, _) in rows)
            {
                var (share, low, high) = Wilson(CompetentCount(row), row.Ratings);
                double x = axes.X(row.Week);
                svg.Leaf("line", ("class", "observed-interval"), ("x1", x), ("x2", x), ("y1", axes.Y(low)), ("y2", axes.Y(high)), ("stroke", "#000000"), ("stroke-width", 1.5));
                svg.Open("circle", ("class", "observed"), ("cx", x), ("cy", axes.Y(share)), ("r", 4), ("fill", "#000000"));
                svg.Title(string.Create(CultureInfo.InvariantCulture, $"week {row.Week}: observed {share:P1} of {row.Ratings} ratings (95% {low:P1}–{high:P1})"));
                svg.Close();
            }
        }

        string note = "Dots: observed share with its binomial 95% interval · line and band: median and 90% of runs at the posterior";
        if (panels.Count > shown)
        {
            note += string.Create(CultureInfo.InvariantCulture, $" · {panels.Count - shown} more panels not drawn");
        }

        svg.Text(20, height - 16, note, ("font-size", 14), ("fill", Palette.Muted), ("class", "note"));
        return new Chart(FileName, title, svg.Finish());
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
