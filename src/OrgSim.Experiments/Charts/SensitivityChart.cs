using System.Globalization;
using OrgSim.Experiments.Sensitivity;
using ScottPlot;

namespace OrgSim.Experiments.Charts;

/// <summary>
/// sensitivity-N.svg, one per output of a sensitivity analysis: the parameters from most to least
/// influential, top to bottom. For Morris a tornado of μ* (bars) with σ beside each as a diamond;
/// for Sobol' each parameter's S1 and ST as paired bars with their bootstrap 95% whiskers. The
/// sentence naming the deciding parameters is the report's; the chart shows the numbers behind it.
/// </summary>
internal static class SensitivityChart
{
    private const double MaxLabelWidth = 330;

    private const float LabelSize = 13;

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
        var plot = Frame(title, subtitle, [.. ranked.Select(i => i.Parameter)], ticks, "change in the output over a parameter's range");
        int n = ranked.Count;
        var bars = plot.Add.Bars(ranked.Select((m, row) => new Bar
        {
            Position = Y(row, n),
            Value = m.MuStar,
            Size = 0.5,
            FillColor = ChartPlot.Colour(Total),
            LineWidth = 0,
        }).ToList());
        bars.Horizontal = true;
        for (int row = 0; row < n; row++)
        {
            MorrisIndices m = ranked[row];
            // The value over the bar's end, clear of σ's diamond on the bar's centre line.
            ChartPlot.Text(plot, m.MuStar.ToString("0.000", CultureInfo.InvariantCulture), m.MuStar, Y(row, n) + 0.27, Alignment.LowerLeft, ChartPlot.NoteSize - 1);
            plot.Add.Marker(m.Sigma, Y(row, n), MarkerShape.FilledDiamond, 13, ChartPlot.Colour(SigmaColour));
        }

        var entries = new List<LegendItem> { ChartPlot.Entry("μ*: mean |effect|", Total, LegendMark.Swatch), Diamond("σ: spread of the effects") };
        if (double.IsFinite(noise))
        {
            // μ* left of this line cannot be told from the replicates' noise.
            var floor = plot.Add.VerticalLine(noise, 2, ChartPlot.Colour(Palette.Muted), LinePattern.Dashed);
            floor.LabelText = "";
            entries.Add(ChartPlot.Entry("noise floor", Palette.Muted, LegendMark.Dashed));
        }

        ChartPlot.Legend(plot, entries, "effect: change in the output", "when the parameter moves", "across its whole range",
            string.Create(CultureInfo.InvariantCulture, $"Morris, {morris.Trajectories} trajectories,"), string.Create(CultureInfo.InvariantCulture, $"{morris.Evaluations:N0} design points"));
        return ChartPlot.Finish(plot, FileName(index), title, subtitle, Height(n));
    }

    private static Chart Sobol(string output, SobolAnalysis sobol, int index, string subtitle)
    {
        var ranked = sobol.Indices.OrderByDescending(i => i.Total.Value).ToList();
        string title = $"What explains the variance of {output}";
        double low = Math.Min(0, ranked.Min(i => Math.Min(i.First.Low, i.Total.Low)));
        double high = Math.Max(0.1, ranked.Max(i => Math.Max(i.First.High, i.Total.High)));
        IReadOnlyList<double> ticks = NiceTicks.Covering(Math.Max(-1, low), Math.Min(1.5, high));
        double Clamp(double v) => Math.Clamp(v, ticks[0], ticks[^1]);
        var plot = Frame(title, subtitle, [.. ranked.Select(i => i.Parameter)], ticks, "share of the output's variance");
        int n = ranked.Count;
        const double Offset = 0.19, Size = 0.34, Cap = 0.09;
        var bars = new List<Bar>();
        for (int row = 0; row < n; row++)
        {
            foreach (var (estimate, colour, y) in new[] { (ranked[row].First, First, Y(row, n) + Offset), (ranked[row].Total, Total, Y(row, n) - Offset) })
            {
                bars.Add(new Bar { Position = y, Value = Clamp(estimate.Value), Size = Size, FillColor = ChartPlot.Colour(colour), LineWidth = 0 });
                double lo = Clamp(estimate.Low), hi = Clamp(estimate.High);
                foreach (var (x1, y1, x2, y2) in new[] { (lo, y, hi, y), (lo, y - Cap, lo, y + Cap), (hi, y - Cap, hi, y + Cap) })
                {
                    var whisker = plot.Add.Line(x1, y1, x2, y2);
                    whisker.LineColor = Colors.Black;
                    whisker.LineWidth = 1.5f;
                    whisker.MarkerSize = 0;
                }
            }
        }

        plot.Add.Bars(bars).Horizontal = true;
        plot.MoveToBack(plot.GetPlottables().OfType<ScottPlot.Plottables.BarPlot>().Single());
        ChartPlot.Legend(plot, [ChartPlot.Entry("S1: alone", First, LegendMark.Swatch), ChartPlot.Entry("ST: with interactions", Total, LegendMark.Swatch)],
            "whiskers: bootstrap 95% CI", "share of the output's variance", string.Create(CultureInfo.InvariantCulture, $"Sobol', N = {sobol.BaseSamples:N0},"), string.Create(CultureInfo.InvariantCulture, $"{sobol.Evaluations:N0} design points"));
        return ChartPlot.Finish(plot, FileName(index), title, subtitle, Height(n));
    }

    /// <summary>
    /// A plot with a row per parameter, the first at the top, named on the left (shortened past <see cref="MaxLabelWidth"/>),
    /// the x axis over <paramref name="ticks"/> with vertical grid lines.
    /// </summary>
    private static Plot Frame(string title, string subtitle, List<string> parameters, IReadOnlyList<double> ticks, string xTitle)
    {
        // A long output's name in the title is cut rather than run under the legend.
        var plot = ChartPlot.New(ChartPlot.Fit(title, ChartPlot.PageWidth - 40, ChartPlot.TitleSize, bold: true), subtitle);
        int n = parameters.Count;
        ChartPlot.Ticks(plot.Axes.Bottom, ticks, ChartPlot.Plain(ticks));
        plot.Axes.Bottom.Label.Text = xTitle;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, n).Select(row => Y(row, n))], [.. parameters.Select(p => ChartPlot.Fit(p, MaxLabelWidth, LabelSize))]);
        plot.Axes.Left.TickLabelStyle.FontSize = LabelSize;
        plot.Axes.Left.Label.Text = "";
        plot.Grid.XAxisStyle.IsVisible = true;
        plot.Grid.XAxisStyle.MajorLineStyle.Color = ChartPlot.Colour(Palette.Grid);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 1;
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.Axes.SetLimits(ticks[0], ticks[^1], -0.6, n - 0.4);
        return plot;
    }

    /// <summary>The y of row <paramref name="row"/> of <paramref name="n"/>: the first, most influential, at the top.</summary>
    private static double Y(int row, int n) => n - 1 - row;

    private static int Height(int rows) => Math.Max(440, 76 + 40 + (rows * 46) + 70);

    private static LegendItem Diamond(string label) => new()
    {
        LabelText = label,
        LabelFontSize = ChartPlot.LabelSize,
        LabelFontColor = ChartPlot.Colour("#222222"),
        MarkerShape = MarkerShape.FilledDiamond,
        MarkerSize = 13,
        MarkerFillColor = ChartPlot.Colour(SigmaColour),
        MarkerLineColor = ChartPlot.Colour(SigmaColour),
    };
}
