using System.Globalization;

namespace OrgSim.Experiments.Charts;

/// <summary>levels.svg: the competent share at the horizon by hierarchy level, a group of bars per level, a bar per arm.</summary>
internal static class LevelsChart
{
    public const string FileName = "levels.svg";

    private const double Height = 540;

    /// <summary>The chart, or null when the results hold fewer than two levels (a flat graph has nothing to compare by level).</summary>
    public static Chart? Draw(ChartInput input)
    {
        int levels = input.Series.Max(s => s.LevelShares.Count == 0 ? 0 : s.LevelShares[^1].Count);
        if (levels < 2)
        {
            return null;
        }

        string title = string.Create(CultureInfo.InvariantCulture, $"Competent share at week {input.Horizon} by hierarchy level");
        var entries = input.Series.Select(s => new LegendEntry(s.Arm, input.Colour(s.Arm), LegendMark.Swatch)).ToList();
        Axes axes = Axes.Standard(Height, Legend.Width(entries), 0, levels, 0, 100);
        IReadOnlyList<double> y = NiceTicks.Inside(0, 100);

        using var svg = new SvgWriter(Axes.PageWidth, Height, title, input.Subtitle);
        axes.DrawY(svg, y, Axes.Percent(y), AdoptionChart.YTitle);
        axes.DrawX(svg, [], Axes.Plain(y), null);
        int n = input.Series.Count;
        double groupWidth = axes.Width / levels, barWidth = groupWidth * 0.8 / n;
        for (int level = 0; level < levels; level++)
        {
            double centre = axes.X(level + 0.5);
            string name = level.ToString(CultureInfo.InvariantCulture);
            string role = level == 0 ? "(top)" : level == levels - 1 ? "(front line)" : "";
            svg.Text(centre, axes.Bottom + 24, SvgWriter.Fit("level " + name, groupWidth, SvgWriter.LabelSize), ("text-anchor", "middle"), ("class", "group-label"));
            svg.Text(centre, axes.Bottom + 44, SvgWriter.Fit(role, groupWidth, SvgWriter.LabelSize), ("text-anchor", "middle"), ("fill", Palette.Muted));
            for (int a = 0; a < n; a++)
            {
                var shares = input.Series[a].LevelShares;
                if (shares.Count == 0 || level >= shares[^1].Count)
                {
                    continue;
                }

                double value = 100 * shares[^1][level], x = centre + ((a - (n / 2.0)) * barWidth);
                string text = value.ToString("F0", CultureInfo.InvariantCulture) + "%";
                svg.Open("rect", ("class", "bar"), ("x", x + 1), ("y", axes.Y(value)), ("width", barWidth - 2), ("height", axes.Bottom - axes.Y(value)), ("fill", input.Colour(input.Series[a].Arm)));
                svg.Title($"{input.Series[a].Arm}, level {name}: {text}");
                svg.Close();
                if (barWidth >= 40)
                {
                    svg.Text(x + (barWidth / 2), axes.Y(value) - 6, text, ("text-anchor", "middle"), ("font-size", 14), ("class", "value"));
                }
            }
        }

        axes.DrawXTitle(svg, axes.Left + (axes.Width / 2), "hierarchy level (0 = top)");
        Legend.Draw(svg, axes.Right + Axes.LegendGap, axes.Top, entries);
        return new Chart(FileName, title, svg.Finish());
    }
}
