using System.Globalization;
using OrgSim.Experiments.Reporting;

namespace OrgSim.Experiments.Charts;

/// <summary>
/// heatmap.svg: the final competent share of every sweep point (rows, named by their parameter
/// values) and arm (columns), as colour and as a number, with the colour scale on the right.
/// </summary>
internal static class HeatmapChart
{
    public const string FileName = "heatmap.svg", Title = "Competent share at the horizon across the sweep";

    private const double Top = 112, RowHeight = 38, ScaleWidth = 120, ScaleHeight = 220, MaxRowLabel = 300;

    public static Chart Draw(ResultTables tables)
    {
        var rows = tables.Points.Select(values => string.Join(", ", values.Select((v, i) => $"{tables.ParameterPaths[i]} = {v}"))).ToList();
        double labelWidth = Math.Min(MaxRowLabel, rows.Max(r => SvgWriter.TextWidth(r, SvgWriter.LabelSize))) + 12;
        double left = 20 + labelWidth, columnWidth = (Axes.PageWidth - left - ScaleWidth - 30) / Math.Max(1, tables.Arms.Count);
        double height = Top + Math.Max(rows.Count * RowHeight, ScaleHeight) + 70;
        string subtitle = string.Create(CultureInfo.InvariantCulture, $"{tables.Name} · {rows.Count} sweep points · mean of the runs");

        using var svg = new SvgWriter(Axes.PageWidth, height, Title, subtitle);
        svg.Open("defs");
        svg.Open("linearGradient", ("id", "heatmap-scale"), ("x1", 0), ("y1", 1), ("x2", 0), ("y2", 0));
        foreach (double stop in (double[])[0, 0.25, 0.5, 0.75, 1])
        {
            svg.Leaf("stop", ("offset", stop), ("stop-color", Palette.Scale(stop)));
        }

        svg.Close();
        svg.Close();

        for (int a = 0; a < tables.Arms.Count; a++)
        {
            string arm = tables.Arms[a];
            double cx = left + ((a + 0.5) * columnWidth);
            Label(svg, cx, Top - 12, arm, columnWidth - 16, ("text-anchor", "middle"), ("font-weight", "bold"), ("class", "column-label"));
        }

        for (int p = 0; p < rows.Count; p++)
        {
            double y = Top + (p * RowHeight);
            Label(svg, left - 12, y + (RowHeight / 2) + 5, rows[p], MaxRowLabel, ("text-anchor", "end"), ("class", "row-label"));
            for (int a = 0; a < tables.Arms.Count; a++)
            {
                string arm = tables.Arms[a];
                double? share = tables.Stat(p, arm, "competent_share_final")?.Mean
                    ?? tables.Series.FirstOrDefault(s => s.Point == p && s.Arm == arm)?.CompetentShare[^1].Mean;
                string text = share is double value ? (100 * value).ToString("F0", CultureInfo.InvariantCulture) + "%" : "–";
                double x = left + (a * columnWidth);
                svg.Open("rect", ("class", "cell"), ("x", x), ("y", y), ("width", columnWidth), ("height", RowHeight),
                    ("fill", share is double shade ? Palette.Scale(shade) : "#FFFFFF"), ("stroke", "#FFFFFF"), ("stroke-width", 2));
                svg.Title($"{rows[p]} · {arm}: {text}");
                svg.Close();
                if (columnWidth >= 44)
                {
                    svg.Text(x + (columnWidth / 2), y + (RowHeight / 2) + 5, text, ("text-anchor", "middle"), ("fill", Palette.TextOn(share ?? 0)), ("class", "value"));
                }
            }
        }

        double scaleX = Axes.PageWidth - ScaleWidth + 4;
        svg.Open("g", ("class", "legend"));
        svg.Leaf("rect", ("x", scaleX), ("y", Top), ("width", 22), ("height", ScaleHeight), ("fill", "url(#heatmap-scale)"), ("stroke", Palette.Axis));
        IReadOnlyList<double> ticks = NiceTicks.Inside(0, 100, 6);
        foreach (double tick in ticks)
        {
            double ty = Top + ScaleHeight - (tick / 100 * ScaleHeight);
            svg.Leaf("line", ("x1", scaleX + 22), ("x2", scaleX + 28), ("y1", ty), ("y2", ty), ("stroke", Palette.Axis));
            svg.Text(scaleX + 32, ty + 5, Axes.Percent(ticks)(tick));
        }

        svg.Close();
        svg.Text(20, height - 24, string.Create(CultureInfo.InvariantCulture, $"Colour and number: % of agent–competency pairs at stage ≥ 2 at week {tables.HorizonWeeks}"),
            ("font-size", 14), ("fill", Palette.Muted), ("class", "note"));
        return new Chart(FileName, Title, svg.Finish());
    }

    /// <summary>A label from data, shortened to <paramref name="width"/> px with its full text as a tooltip.</summary>
    private static void Label(SvgWriter svg, double x, double y, string text, double width, params (string, object?)[] attributes)
    {
        string shown = SvgWriter.Fit(text, width, SvgWriter.LabelSize + 1); // a little wider: column labels are bold
        svg.Open("g");
        if (shown != text)
        {
            svg.Title(text);
        }

        svg.Text(x, y, shown, attributes);
        svg.Close();
    }
}
