using System.Globalization;
using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Charts;

/// <summary>
/// heatmap.svg: the final competent share of every sweep point (rows, named by the values of the
/// parameters that vary) and arm (columns), as colour and as a number, with the colour scale on the
/// right; a sweep over several parameters is split into panels, one per value of the first.
/// </summary>
internal static class HeatmapChart
{
    public const string FileName = "heatmap.svg", Title = "Competent share at the horizon across the sweep";

    private const double RowHeight = 28, ScaleWidth = 120, ScaleHeight = 220, MaxWidth = 1200, PanelGap = 36, PanelHeader = 40;

    /// <summary>The most rows in one panel, so a large sweep becomes several panels side by side rather than one very tall table.</summary>
    internal const int MaxRows = 24;

    public static Chart Draw(ResultTables tables)
    {
        var (caption, panels) = Panels(tables);
        var labels = panels.SelectMany(p => p.Rows).Select(r => r.Label).ToList();
        double labelWidth = labels.Max(r => SvgWriter.TextWidth(r, SvgWriter.LabelSize)) + 16;
        double cellWidth = Math.Clamp(tables.Arms.Max(a => SvgWriter.TextWidth(a, SvgWriter.LabelSize + 1)) + 12, 64, 160);
        double panelWidth = labelWidth + (tables.Arms.Count * cellWidth);
        int across = Math.Clamp((int)((MaxWidth - 40 - ScaleWidth + PanelGap) / (panelWidth + PanelGap)), 1, panels.Count);
        double width = Math.Max(Axes.PageWidth, 20 + (across * panelWidth) + ((across - 1) * PanelGap) + ScaleWidth + 20);
        int tallest = panels.Max(p => p.Rows.Count);
        double panelHeight = PanelHeader + 12 + (tallest * RowHeight);
        int down = (panels.Count + across - 1) / across;
        double top = caption is null ? 100 : 124;
        double height = top + Math.Max((down * panelHeight) + ((down - 1) * PanelGap), ScaleHeight + PanelHeader) + 70;
        string subtitle = string.Create(CultureInfo.InvariantCulture, $"{tables.Name} · {tables.Points.Count} sweep points · mean of the runs");

        using var svg = new SvgWriter(width, height, Title, subtitle);
        svg.Open("defs");
        svg.Open("linearGradient", ("id", "heatmap-scale"), ("x1", 0), ("y1", 1), ("x2", 0), ("y2", 0));
        foreach (double stop in (double[])[0, 0.25, 0.5, 0.75, 1])
        {
            svg.Leaf("stop", ("offset", stop), ("stop-color", Palette.Scale(stop)));
        }

        svg.Close();
        svg.Close();
        if (caption is not null)
        {
            svg.Text(20, 84, SvgWriter.Fit(caption, width - 40, SvgWriter.LabelSize), ("font-weight", "bold"), ("class", "row-header"));
        }

        for (int k = 0; k < panels.Count; k++)
        {
            var (panelTitle, rows) = panels[k];
            double px = 20 + (k % across * (panelWidth + PanelGap)), py = top + (k / across * (panelHeight + PanelGap));
            double left = px + labelWidth;
            svg.Open("g", ("class", "heatmap-panel"));
            if (panelTitle is not null)
            {
                svg.Text(px, py + 14, SvgWriter.Fit(panelTitle, panelWidth, SvgWriter.LabelSize + 1), ("font-weight", "bold"), ("class", "panel-title"));
            }

            for (int a = 0; a < tables.Arms.Count; a++)
            {
                Label(svg, left + ((a + 0.5) * cellWidth), py + PanelHeader + 2, tables.Arms[a], cellWidth - 6, ("text-anchor", "middle"), ("font-weight", "bold"), ("class", "column-label"));
            }

            for (int r = 0; r < rows.Count; r++)
            {
                var (p, label) = rows[r];
                double y = py + PanelHeader + 12 + (r * RowHeight);
                svg.Text(left - 10, y + (RowHeight / 2) + 5, label, ("text-anchor", "end"), ("class", "row-label"));
                for (int a = 0; a < tables.Arms.Count; a++)
                {
                    string arm = tables.Arms[a];
                    double? share = tables.Stat(p, arm, "competent_share_final")?.Mean
                        ?? tables.Series.FirstOrDefault(s => s.Point == p && s.Arm == arm)?.CompetentShare[^1].Mean;
                    string text = share is double value ? (100 * value).ToString("F0", CultureInfo.InvariantCulture) + "%" : "–";
                    double x = left + (a * cellWidth);
                    svg.Open("rect", ("class", "cell"), ("x", x), ("y", y), ("width", cellWidth), ("height", RowHeight),
                        ("fill", share is double shade ? Palette.Scale(shade) : "#FFFFFF"), ("stroke", "#FFFFFF"), ("stroke-width", 2));
                    svg.Title(string.Join(", ", tables.Points[p].Select((v, i) => $"{tables.ParameterPaths[i]} = {v}")) + $" · {arm}: {text}");
                    svg.Close();
                    svg.Text(x + (cellWidth / 2), y + (RowHeight / 2) + 5, text, ("text-anchor", "middle"), ("fill", Palette.TextOn(share ?? 0)), ("class", "value"));
                }
            }

            svg.Close();
        }

        double scaleX = width - ScaleWidth + 4, scaleTop = top + PanelHeader;
        svg.Open("g", ("class", "legend"));
        svg.Leaf("rect", ("x", scaleX), ("y", scaleTop), ("width", 22), ("height", ScaleHeight), ("fill", "url(#heatmap-scale)"), ("stroke", Palette.Axis));
        IReadOnlyList<double> ticks = NiceTicks.Inside(0, 100, 6);
        foreach (double tick in ticks)
        {
            double ty = scaleTop + ScaleHeight - (tick / 100 * ScaleHeight);
            svg.Leaf("line", ("x1", scaleX + 22), ("x2", scaleX + 28), ("y1", ty), ("y2", ty), ("stroke", Palette.Axis));
            svg.Text(scaleX + 32, ty + 5, Axes.Percent(ticks)(tick));
        }

        svg.Close();
        svg.Text(20, height - 24, string.Create(CultureInfo.InvariantCulture, $"Colour and number: % of agent–competency pairs at stage ≥ 2 at week {tables.HorizonWeeks}"),
            ("font-size", 14), ("fill", Palette.Muted), ("class", "note"));
        return new Chart(FileName, Title, svg.Finish());
    }

    /// <summary>
    /// The panels and their rows. One varying parameter: rows "path = value", in panels of at most
    /// <see cref="MaxRows"/>. Several: one panel per value of the first varying parameter, rows
    /// labelled by the values of the other varying ones only ("0.5 · 0.25 · 1000"), named in order
    /// by the caption; a panel longer than <see cref="MaxRows"/> is split.
    /// </summary>
    internal static (string? Caption, List<(string? Title, List<(int Point, string Label)> Rows)> Panels) Panels(ResultTables tables)
    {
        int count = tables.Points.Count, parameters = tables.ParameterPaths.Count;
        var varying = Enumerable.Range(0, parameters).Where(i => tables.Points.Select(v => i < v.Count ? v[i] : string.Empty).Distinct().Count() > 1).ToList();
        if (varying.Count == 0)
        {
            varying = [.. Enumerable.Range(0, parameters)];
        }

        string Value(int p, int i) => i < tables.Points[p].Count ? tables.Points[p][i] : string.Empty;
        var groups = new List<(string? Title, List<(int Point, string Label)> Rows)>();
        string? caption = null;
        if (varying.Count <= 1)
        {
            var rows = Enumerable.Range(0, count).Select(p => (p, varying.Count == 0 ? $"point {p + 1}" : $"{tables.ParameterPaths[varying[0]]} = {Value(p, varying[0])}")).ToList();
            groups.Add((null, rows));
        }
        else
        {
            var names = ShortNames(tables.ParameterPaths);
            int first = varying[0];
            caption = $"Panels: {names[first]} · rows: {string.Join(" · ", varying.Skip(1).Select(i => names[i]))} · columns: arm";
            foreach (var g in Enumerable.Range(0, count).GroupBy(p => Value(p, first)))
            {
                groups.Add(($"{names[first]} = {g.Key}", g.Select(p => (p, string.Join(" · ", varying.Skip(1).Select(i => Value(p, i))))).ToList()));
            }
        }

        var panels = new List<(string? Title, List<(int Point, string Label)> Rows)>();
        foreach (var (title, rows) in groups)
        {
            for (int start = 0; start < rows.Count; start += MaxRows)
            {
                panels.Add((start == 0 ? title : title is null ? null : title + " (cont.)", rows.Skip(start).Take(MaxRows).ToList()));
            }
        }

        return (caption, panels);
    }

    /// <summary>Each path's last segment ("model.transmission" → "transmission"), or the whole path when two would share a name.</summary>
    private static List<string> ShortNames(IReadOnlyList<string> paths)
    {
        var last = paths.Select(p => p[(p.LastIndexOf('.') + 1)..]).ToList();
        return paths.Select((p, i) => last.Count(l => l == last[i]) > 1 ? p : last[i]).ToList();
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
