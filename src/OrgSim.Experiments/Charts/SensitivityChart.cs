using System.Globalization;
using OrgSim.Experiments.Sensitivity;

namespace OrgSim.Experiments.Charts;

/// <summary>
/// sensitivity-N.svg, one per output of a sensitivity analysis: the parameters from most to least
/// influential, top to bottom. For Morris a tornado of μ* (bars) with σ beside each as a diamond;
/// for Sobol' each parameter's S1 and ST as paired bars with their bootstrap 95% whiskers. The
/// sentence naming the deciding parameters is the report's; the chart shows the numbers behind it.
/// </summary>
internal static class SensitivityChart
{
    private const double RowHeight = 46, LabelGap = 12, MaxLabelWidth = 380, LabelSize = 13;

    private static readonly string First = Palette.Arm(1), Total = Palette.Arm(0), SigmaColour = "#000000";

    /// <summary>The file name of output <paramref name="index"/>'s chart (0-based).</summary>
    public static string FileName(int index) => string.Create(CultureInfo.InvariantCulture, $"sensitivity-{index + 1}.svg");

    /// <summary>The chart of <paramref name="analysis"/>, the output numbered <paramref name="index"/>; null for an output that was not analysed.</summary>
    public static Chart? Draw(OutputAnalysis analysis, int index, string subtitle)
    {
        // An estimate that is not a number (an output with no variance) has no bar to draw, and an
        // axis over it would have no end.
        bool finite = analysis.Morris?.Indices.All(i => double.IsFinite(i.MuStar) && double.IsFinite(i.Sigma)) ?? true;
        finite &= analysis.Sobol?.Indices.All(i => double.IsFinite(i.First.Value + i.First.Low + i.First.High + i.Total.Value + i.Total.Low + i.Total.High)) ?? true;
        if (!finite)
        {
            return null;
        }

        if (analysis.Morris is { } morris)
        {
            return Morris(analysis.Output.Title, morris, analysis.NoiseMuStar, index, subtitle);
        }

        return analysis.Sobol is { } sobol ? Sobol(analysis.Output.Title, sobol, index, subtitle) : null;
    }

    private static Chart Morris(string output, MorrisAnalysis morris, double noise, int index, string subtitle)
    {
        IReadOnlyList<MorrisIndices> ranked = morris.RankedByMuStar();
        string title = $"What moves {output}";
        double largest = ranked.Max(i => Math.Max(i.MuStar, i.Sigma));
        largest = double.IsFinite(noise) ? Math.Max(largest, noise) : largest;
        IReadOnlyList<double> ticks = NiceTicks.Covering(0, largest > 0 ? largest : 1);
        var entries = new List<LegendEntry> { new("μ*: mean |effect|", Total, LegendMark.Swatch) };
        if (double.IsFinite(noise))
        {
            entries.Add(new LegendEntry("noise floor", Palette.Muted, LegendMark.Dashed));
        }

        string[] notes = ["◆ σ: spread of the effects", "effect: change in the output", "when the parameter moves", "across its whole range", string.Create(CultureInfo.InvariantCulture, $"Morris, {morris.Trajectories} trajectories,"), string.Create(CultureInfo.InvariantCulture, $"{morris.Evaluations:N0} design points")];
        var (svg, axes) = Frame(title, subtitle, ranked.Select(i => i.Parameter).ToList(), ticks, entries, notes);
        using (svg)
        {
            for (int row = 0; row < ranked.Count; row++)
            {
                MorrisIndices m = ranked[row];
                double centre = RowCentre(axes, row);
                double barHeight = RowHeight * 0.5;
                svg.Open("rect", ("class", "bar mu-star"), ("x", axes.X(0)), ("y", centre - (barHeight / 2)), ("width", Math.Max(0, axes.X(m.MuStar) - axes.X(0))), ("height", barHeight), ("fill", Total));
                svg.Title(string.Create(CultureInfo.InvariantCulture, $"{m.Parameter}: μ* {m.MuStar:0.000}, μ {m.Mu:0.000}, σ {m.Sigma:0.000}"));
                svg.Close();
                double sx = axes.X(m.Sigma), r = 6;
                svg.Leaf("path", ("class", "sigma"), ("fill", SigmaColour), ("d", $"M{SvgWriter.N(sx)} {SvgWriter.N(centre - r)} L{SvgWriter.N(sx + r)} {SvgWriter.N(centre)} L{SvgWriter.N(sx)} {SvgWriter.N(centre + r)} L{SvgWriter.N(sx - r)} {SvgWriter.N(centre)} Z"));
                svg.Text(axes.X(m.MuStar) + 8, centre - (barHeight / 2) - 4, m.MuStar.ToString("0.000", CultureInfo.InvariantCulture), ("font-size", 13), ("class", "value"));
            }

            if (double.IsFinite(noise))
            {
                // μ* below this line cannot be told from the replicates' noise.
                svg.Leaf("line", ("class", "noise-floor"), ("x1", axes.X(noise)), ("x2", axes.X(noise)), ("y1", axes.Top), ("y2", axes.Bottom),
                    ("stroke", Palette.Muted), ("stroke-width", 2), ("stroke-dasharray", "8 5"));
            }

            axes.DrawX(svg, ticks, Axes.Plain(ticks), "change in the output over a parameter's range");
            Legend.Draw(svg, axes.Right + Axes.LegendGap, axes.Top, entries, notes);
            return new Chart(FileName(index), title, svg.Finish());
        }
    }

    private static Chart Sobol(string output, SobolAnalysis sobol, int index, string subtitle)
    {
        var ranked = sobol.Indices.OrderByDescending(i => i.Total.Value).ToList();
        string title = $"What explains the variance of {output}";
        double low = Math.Min(0, ranked.Min(i => Math.Min(i.First.Low, i.Total.Low)));
        double high = Math.Max(0.1, ranked.Max(i => Math.Max(i.First.High, i.Total.High)));
        IReadOnlyList<double> ticks = NiceTicks.Covering(Math.Max(-1, low), Math.Min(1.5, high));
        var entries = new List<LegendEntry> { new("S1: alone", First, LegendMark.Swatch), new("ST: with interactions", Total, LegendMark.Swatch) };
        string[] notes = ["whiskers: bootstrap 95% CI", "share of the output's variance", string.Create(CultureInfo.InvariantCulture, $"Sobol', N = {sobol.BaseSamples:N0},"), string.Create(CultureInfo.InvariantCulture, $"{sobol.Evaluations:N0} design points")];
        var (svg, axes) = Frame(title, subtitle, ranked.Select(i => i.Parameter).ToList(), ticks, entries, notes);
        using (svg)
        {
            double zero = axes.X(Math.Clamp(0, ticks[0], ticks[^1]));
            for (int row = 0; row < ranked.Count; row++)
            {
                double centre = RowCentre(axes, row), barHeight = RowHeight * 0.34;
                foreach (var (estimate, colour, offset, name) in new[] { (ranked[row].First, First, -barHeight / 2, "s1"), (ranked[row].Total, Total, barHeight / 2, "st") })
                {
                    double value = Math.Clamp(estimate.Value, ticks[0], ticks[^1]);
                    double x0 = Math.Min(zero, axes.X(value)), x1 = Math.Max(zero, axes.X(value)), y = centre + offset;
                    svg.Open("rect", ("class", $"bar {name}"), ("x", x0), ("y", y - (barHeight / 2)), ("width", x1 - x0), ("height", barHeight), ("fill", colour));
                    svg.Title(string.Create(CultureInfo.InvariantCulture, $"{ranked[row].Parameter}: {name.ToUpperInvariant()} {estimate.Value:0.000} [{estimate.Low:0.000}, {estimate.High:0.000}]"));
                    svg.Close();
                    double lo = axes.X(Math.Clamp(estimate.Low, ticks[0], ticks[^1])), hi = axes.X(Math.Clamp(estimate.High, ticks[0], ticks[^1])), w = 4;
                    svg.Leaf("path", ("class", "whisker"), ("stroke", "#000000"), ("stroke-width", 1.5), ("fill", "none"),
                        ("d", $"M{SvgWriter.N(lo)} {SvgWriter.N(y)} H{SvgWriter.N(hi)} M{SvgWriter.N(lo)} {SvgWriter.N(y - w)} V{SvgWriter.N(y + w)} M{SvgWriter.N(hi)} {SvgWriter.N(y - w)} V{SvgWriter.N(y + w)}"));
                }
            }

            axes.DrawX(svg, ticks, Axes.Plain(ticks), "share of the output's variance");
            Legend.Draw(svg, axes.Right + Axes.LegendGap, axes.Top, entries, notes);
            return new Chart(FileName(index), title, svg.Finish());
        }
    }

    /// <summary>The page and plot area for <paramref name="parameters"/> rows, their labels on the left, vertical grid lines at <paramref name="ticks"/>.</summary>
    private static (SvgWriter Svg, Axes Axes) Frame(string title, string subtitle, List<string> parameters, IReadOnlyList<double> ticks, List<LegendEntry> entries, string[] notes)
    {
        double labelWidth = Math.Min(MaxLabelWidth, parameters.Max(p => SvgWriter.TextWidth(p, LabelSize)));
        double left = 24 + labelWidth + LabelGap, top = Axes.MarginTop;
        double height = top + (parameters.Count * RowHeight) + Axes.MarginBottom + 10;
        double legendWidth = Legend.Width(entries, notes);
        height = Math.Max(height, top + (entries.Count * Legend.RowHeight) + (notes.Length * 20) + 40);
        var axes = new Axes(left, top, Axes.PageWidth - left - Axes.LegendGap - legendWidth - 16, height - top - Axes.MarginBottom, ticks[0], ticks[^1], 0, parameters.Count);
        // A bold title runs wider than the usual estimate of a text's width.
        var svg = new SvgWriter(Axes.PageWidth, height, SvgWriter.Fit(title, (Axes.PageWidth - 40) * 0.85, SvgWriter.TitleSize), subtitle);
        svg.Open("g", ("class", "grid"));
        foreach (double tick in ticks)
        {
            svg.Leaf("line", ("x1", axes.X(tick)), ("x2", axes.X(tick)), ("y1", axes.Top), ("y2", axes.Bottom), ("stroke", Palette.Grid), ("stroke-width", 1));
        }

        svg.Close();
        for (int row = 0; row < parameters.Count; row++)
        {
            string shown = SvgWriter.Fit(parameters[row], labelWidth, LabelSize);
            svg.Open("g", ("class", "parameter"));
            if (shown != parameters[row])
            {
                svg.Title(parameters[row]);
            }

            svg.Text(left - LabelGap, RowCentre(axes, row) + 5, shown, ("text-anchor", "end"), ("font-size", LabelSize));
            svg.Close();
        }

        return (svg, axes);
    }

    private static double RowCentre(Axes axes, int row) => axes.Top + ((row + 0.5) * RowHeight);
}
