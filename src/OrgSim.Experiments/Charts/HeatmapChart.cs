using System.Globalization;
using OrgSim.Experiments.Report;
using ScottPlot;

namespace OrgSim.Experiments.Charts;

/// <summary>
/// heatmap.svg: the final competent share of every sweep point (rows, named by the values of the
/// parameters that vary) and arm (columns), as colour and as a number, with the colour scale on the
/// right; a sweep over several parameters is split into panels, one per value of the first.
/// </summary>
internal static class HeatmapChart
{
    public const string FileName = "heatmap.svg", Title = "Competent share at the horizon across the sweep";

    /// <summary>Layout in data units, which the limits make about one pixel each.</summary>
    private const double RowHeight = 30, PanelGap = 28, PanelHeader = 56, CaptionHeight = 30;

    /// <summary>The most rows in one panel, so a large sweep becomes several panels side by side rather than one very tall table.</summary>
    internal const int MaxRows = 24;

    /// <summary>The colour scale's stops shown in the legend, as shares.</summary>
    private static readonly double[] ScaleStops = [1, 0.75, 0.5, 0.25, 0];

    public static Chart Draw(ResultTables tables)
    {
        var (caption, panels) = Panels(tables);
        string subtitle = string.Create(CultureInfo.InvariantCulture, $"{tables.Name} · {tables.Points.Count} sweep points · mean of the runs");
        var plot = ChartPlot.New(Title, subtitle);
        ChartPlot.HideAxes(plot);
        ChartPlot.Legend(plot, ScaleStops.Select(s => ChartPlot.Entry((100 * s).ToString("F0", CultureInfo.InvariantCulture) + "%", Palette.Scale(s), LegendMark.Swatch)), "competent share", "in the cell's colour");
        ChartPlot.Footnote(plot, string.Create(CultureInfo.InvariantCulture, $"Colour and number: % of agent–competency pairs at stage ≥ 2 at week {tables.HorizonWeeks}, mean of the runs of each sweep point and arm"));

        // Laid out in pixels of the data area, whose width the legend decides.
        const int Trial = 600;
        PixelRect area = ChartPlot.DataRect(plot, Trial);
        double available = area.Width - 4;
        var labels = panels.SelectMany(p => p.Rows).Select(r => r.Label).ToList();
        double labelWidth = Math.Min(labels.Max(r => ChartPlot.TextWidth(r, ChartPlot.LabelSize)) + 16, available / 2);
        double cellWidth = Math.Clamp(tables.Arms.Max(a => ChartPlot.TextWidth(a, ChartPlot.LabelSize, bold: true)) + 16, 64, 240);
        cellWidth = Math.Max(40, Math.Min(cellWidth, (available - labelWidth) / tables.Arms.Count));
        double panelWidth = labelWidth + (tables.Arms.Count * cellWidth);
        int across = Math.Clamp((int)((available + PanelGap) / (panelWidth + PanelGap)), 1, panels.Count);
        int tallest = panels.Max(p => p.Rows.Count);
        List<string> columns = [.. tables.Arms.Select(a => Column(a, cellWidth - 8))];
        double header = (panels[0].Title is null ? PanelHeader - 26 : PanelHeader) + (columns.Any(c => c.Contains('\n', StringComparison.Ordinal)) ? 20 : 0);
        double panelHeight = header + (tallest * RowHeight);
        int down = (panels.Count + across - 1) / across;
        double top = caption is null ? 0 : CaptionHeight;
        double contentHeight = top + (down * panelHeight) + ((down - 1) * PanelGap) + 4;

        if (caption is not null)
        {
            ChartPlot.Text(plot, ChartPlot.Fit(caption, available, ChartPlot.LabelSize, bold: true), 0, 4, Alignment.UpperLeft, bold: true);
        }

        for (int k = 0; k < panels.Count; k++)
        {
            var (panelTitle, rows) = panels[k];
            double px = k % across * (panelWidth + PanelGap), py = top + (k / across * (panelHeight + PanelGap));
            double left = px + labelWidth;
            if (panelTitle is not null)
            {
                ChartPlot.Text(plot, ChartPlot.Fit(panelTitle, panelWidth, ChartPlot.LabelSize + 1, bold: true), px, py + 4, Alignment.UpperLeft, ChartPlot.LabelSize + 1, bold: true);
            }

            for (int a = 0; a < tables.Arms.Count; a++)
            {
                ChartPlot.Text(plot, columns[a], left + ((a + 0.5) * cellWidth), py + header - 6, Alignment.LowerCenter, ChartPlot.LabelSize, bold: true);
            }

            for (int r = 0; r < rows.Count; r++)
            {
                var (p, label) = rows[r];
                double y = py + header + (r * RowHeight);
                ChartPlot.Text(plot, ChartPlot.Fit(label, labelWidth - 14, ChartPlot.LabelSize), left - 10, y + (RowHeight / 2) + 2, Alignment.MiddleRight);
                for (int a = 0; a < tables.Arms.Count; a++)
                {
                    string arm = tables.Arms[a];
                    double? share = tables.Stat(p, arm, "competent_share_final")?.Mean
                        ?? tables.Series.FirstOrDefault(s => s.Point == p && s.Arm == arm)?.CompetentShare[^1].Mean;
                    string text = share is double value ? (100 * value).ToString("F0", CultureInfo.InvariantCulture) + "%" : "–";
                    double x = left + (a * cellWidth);
                    ChartPlot.Cell(plot, x, x + cellWidth, y + RowHeight, y, share is double shade ? Palette.Scale(shade) : "#FFFFFF");
                    ChartPlot.Text(plot, text, x + (cellWidth / 2), y + (RowHeight / 2) + 2, Alignment.MiddleCenter, ChartPlot.NoteSize, Palette.TextOn(share ?? 0));
                }
            }
        }

        // y grows downwards, as in a table: the first row at the top; one unit is one pixel.
        plot.Axes.SetLimits(0, area.Width, contentHeight, 0);
        int height = (int)Math.Ceiling(Trial - area.Height + contentHeight);
        return ChartPlot.Finish(plot, FileName, Title, subtitle, height);
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

    /// <summary>An arm's name over its column: on one line if it fits, else broken after a hyphen or space into two, each shortened to fit.</summary>
    private static string Column(string arm, double width)
    {
        if (ChartPlot.TextWidth(arm, ChartPlot.LabelSize, bold: true) <= width)
        {
            return arm;
        }

        int cut = arm.LastIndexOfAny(['-', ' '], arm.Length - 2);
        while (cut > 0 && ChartPlot.TextWidth(arm[..(cut + 1)], ChartPlot.LabelSize, bold: true) > width)
        {
            cut = arm.LastIndexOfAny(['-', ' '], cut - 1);
        }

        return cut <= 0
            ? ChartPlot.Fit(arm, width, ChartPlot.LabelSize, bold: true)
            : arm[..(cut + 1)].TrimEnd() + "\n" + ChartPlot.Fit(arm[(cut + 1)..], width, ChartPlot.LabelSize, bold: true);
    }

    /// <summary>Each path's last segment ("model.transmission" → "transmission"), or the whole path when two would share a name.</summary>
    private static List<string> ShortNames(IReadOnlyList<string> paths)
    {
        var last = paths.Select(p => p[(p.LastIndexOf('.') + 1)..]).ToList();
        return paths.Select((p, i) => last.Count(l => l == last[i]) > 1 ? p : last[i]).ToList();
    }
}
