using System.Globalization;
using ScottPlot;

namespace OrgSim.Experiments.Charts;

/// <summary>levels.svg: the competent share at the horizon by hierarchy level, a group of bars per level, a bar per arm.</summary>
internal static class LevelsChart
{
    public const string FileName = "levels.svg";

    private const int Height = 540;

    /// <summary>The chart, or null when the results hold fewer than two levels (a flat graph has nothing to compare by level).</summary>
    public static Chart? Draw(ChartInput input)
    {
        int levels = input.Series.Max(s => s.LevelShares.Count == 0 ? 0 : s.LevelShares[^1].Count);
        if (levels < 2)
        {
            return null;
        }

        string title = string.Create(CultureInfo.InvariantCulture, $"Competent share at week {input.Horizon} by hierarchy level");
        var plot = ChartPlot.New(title, input.Subtitle);
        int n = input.Series.Count;
        double barWidth = 0.8 / n;
        bool labelled = barWidth * ChartPlot.DataWidth(n) / levels >= 30;
        var bars = new List<Bar>();
        for (int a = 0; a < n; a++)
        {
            var shares = input.Series[a].LevelShares;
            for (int level = 0; shares.Count > 0 && level < Math.Min(levels, shares[^1].Count); level++)
            {
                double value = 100 * shares[^1][level];
                bars.Add(new Bar
                {
                    Position = level + 0.5 + ((a - ((n - 1) / 2.0)) * barWidth),
                    Value = value,
                    Size = barWidth * 0.95,
                    FillColor = ChartPlot.Colour(input.Colour(input.Series[a].Arm)),
                    LineWidth = 0,
                    Label = labelled ? value.ToString("F0", CultureInfo.InvariantCulture) + "%" : "",
                });
            }
        }

        var plotted = plot.Add.Bars(bars);
        plotted.ValueLabelStyle.FontSize = ChartPlot.NoteSize;
        plotted.ValueLabelStyle.ForeColor = ChartPlot.Colour("#222222");
        ChartPlot.Axes(plot, 0, levels, "hierarchy level (0 = top)", 0, 100, AdoptionChart.YTitle, percent: true);
        ChartPlot.Ticks(plot.Axes.Bottom, [.. Enumerable.Range(0, levels).Select(l => l + 0.5)],
            v => Level((int)v, levels));
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsY(0, 109); // room for a label over a bar at 100%; the ticks stop at 100%
        ChartPlot.Legend(plot, input.Series.Select(s => ChartPlot.Entry(s.Arm, input.Colour(s.Arm), LegendMark.Swatch)));
        return ChartPlot.Finish(plot, FileName, title, input.Subtitle, Height);
    }

    private static string Level(int level, int levels) =>
        "level " + level.ToString(CultureInfo.InvariantCulture) + (level == 0 ? "\n(top)" : level == levels - 1 ? "\n(front line)" : "");
}
