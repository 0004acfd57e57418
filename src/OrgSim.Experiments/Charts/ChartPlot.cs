using System.Text.RegularExpressions;
using ScottPlot;
using ScottPlot.Panels;
using SkiaSharp;

namespace OrgSim.Experiments.Charts;

/// <summary>
/// The project's look on a ScottPlot <see cref="Plot"/>: white page, title and subtitle top left,
/// the shipped font, a horizontal grid, left and bottom axis lines, ticks and labels chosen here
/// (<see cref="NiceTicks"/>, invariant culture), the legend in a panel right of the data area.
/// <see cref="Finish"/> turns the plot into a <see cref="Chart"/> whose SVG and PNG are drawn from it.
/// </summary>
internal static partial class ChartPlot
{
    /// <summary>The width of every chart in px; the <c>viewBox</c> lets the SVG scale, the PNG is drawn at any width.</summary>
    public const int PageWidth = 900;

    public const float LabelSize = 15, AxisTitleSize = 16, TitleSize = 22, NoteSize = 14;

    private static readonly Lock Registering = new();
    private static bool _registered;

    /// <summary>
    /// Registers <see cref="ChartFont"/> with ScottPlot and makes it the default, once. SkiaSharp's
    /// Linux build has no fontconfig: without this ScottPlot draws no text at all.
    /// </summary>
    public static void RegisterFont()
    {
        lock (Registering)
        {
            if (_registered)
            {
                return;
            }

            Fonts.FontResolvers.Insert(0, new ShippedFontResolver());
            Fonts.Default = ChartFont.Family;
            Fonts.Sans = ChartFont.Family;
            _registered = true;
        }
    }

    public static Color Colour(string hex) => Color.FromHex(hex);

    /// <summary>A plot in the project's look, with <paramref name="title"/> and <paramref name="subtitle"/> above it.</summary>
    public static Plot New(string title, string subtitle)
    {
        RegisterFont();
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Axes.AddPanel(new HeaderPanel(title, subtitle));
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Grid.YAxisStyle.MajorLineStyle.Color = Colour(Palette.Grid);
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 1;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Right.MinimumSize = 24; // room for the last x tick label when there is no legend
        foreach (IAxis axis in (IAxis[])[plot.Axes.Left, plot.Axes.Bottom])
        {
            axis.FrameLineStyle.Color = Colour(Palette.Axis);
            axis.FrameLineStyle.Width = 1.5f;
            axis.MajorTickStyle.Color = Colour(Palette.Axis);
            axis.MajorTickStyle.Width = 1.5f;
            axis.MajorTickStyle.Length = 6;
            axis.MinorTickStyle.Length = 0;
            axis.TickLabelStyle.FontSize = LabelSize;
            axis.TickLabelStyle.ForeColor = Colour("#222222");
            axis.Label.FontSize = AxisTitleSize;
            axis.Label.Bold = false;
            axis.Label.ForeColor = Colour("#222222");
        }

        plot.Axes.Left.MajorTickStyle.Length = 0;
        return plot;
    }

    /// <summary>Ticks at <paramref name="ticks"/> labelled by <paramref name="label"/>, no minor ticks.</summary>
    public static void Ticks(IAxis axis, IReadOnlyList<double> ticks, Func<double, string> label) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks], [.. ticks.Select(label)]);

    /// <summary>Both axes: limits, nice ticks inside them (y as "%" when <paramref name="percent"/>), titles.</summary>
    public static void Axes(Plot plot, double xMin, double xMax, string? xTitle, double yMin, double yMax, string yTitle, bool percent = false, int maxXTicks = 7)
    {
        IReadOnlyList<double> y = NiceTicks.Inside(yMin, yMax), x = NiceTicks.Inside(xMin, xMax, maxXTicks);
        Ticks(plot.Axes.Left, y, percent ? Percent(y) : Plain(y));
        Ticks(plot.Axes.Bottom, x, Plain(x));
        plot.Axes.Left.Label.Text = yTitle;
        plot.Axes.Bottom.Label.Text = xTitle ?? "";
        plot.Axes.SetLimits(xMin, xMax, yMin, yMax);
    }

    /// <summary>About how wide the data area is, in px, with a legend of <paramref name="entries"/> arms: for choosing whether labels fit.</summary>
    public static double DataWidth(int entries) => PageWidth - 96 - 200;

    /// <summary>Tick labels for a percentage axis: "0%", "20%", ….</summary>
    public static Func<double, string> Percent(IReadOnlyList<double> ticks) => v => NiceTicks.Label(v, ticks) + "%";

    /// <summary>Tick labels as plain numbers.</summary>
    public static Func<double, string> Plain(IReadOnlyList<double> ticks) => v => NiceTicks.Label(v, ticks);

    /// <summary>
    /// A line through (week, value) for the weeks whose value is finite, split where it is not, so that
    /// undefined weeks leave a gap; returns the pieces.
    /// </summary>
    public static List<ScottPlot.Plottables.Scatter> Line(Plot plot, IReadOnlyList<double> values, string colour, LinePattern pattern, float width = 3)
    {
        var pieces = new List<ScottPlot.Plottables.Scatter>();
        int week = 0;
        while (week < values.Count)
        {
            int start = week;
            while (week < values.Count && double.IsFinite(values[week]))
            {
                week++;
            }

            if (week > start)
            {
                double[] xs = [.. Enumerable.Range(start, week - start).Select(w => (double)w)];
                var line = plot.Add.ScatterLine(xs, [.. values.Skip(start).Take(week - start)], Colour(colour));
                line.LineWidth = width;
                line.LinePattern = pattern;
                line.MarkerSize = 0;
                pieces.Add(line);
            }

            week++;
        }

        return pieces;
    }

    /// <summary>A translucent band between <paramref name="low"/> and <paramref name="high"/> over the weeks where both are finite.</summary>
    public static void Band(Plot plot, IReadOnlyList<double> low, IReadOnlyList<double> high, string colour)
    {
        int[] weeks = [.. Enumerable.Range(0, Math.Min(low.Count, high.Count)).Where(w => double.IsFinite(low[w]) && double.IsFinite(high[w]))];
        if (weeks.Length < 2)
        {
            return;
        }

        var band = plot.Add.FillY([.. weeks.Select(w => (double)w)], [.. weeks.Select(w => low[w])], [.. weeks.Select(w => high[w])]);
        band.FillColor = Colour(colour).WithAlpha(0.2);
        band.LineWidth = 0;
    }

    /// <summary>The width of <paramref name="text"/> in the shipped font at <paramref name="size"/> px, measured.</summary>
    public static double TextWidth(string text, float size, bool bold = false)
    {
        using var font = new SKFont(bold ? ChartFont.Bold : ChartFont.Regular, size);
        return font.MeasureText(text);
    }

    /// <summary><paramref name="text"/>, shortened with an ellipsis if it would be wider than <paramref name="width"/> px in the shipped font.</summary>
    public static string Fit(string text, double width, float size, bool bold = false)
    {
        if (TextWidth(text, size, bold) <= width)
        {
            return text;
        }

        int keep = text.Length - 1;
        while (keep > 1 && TextWidth(string.Concat(text.AsSpan(0, keep), "…"), size, bold) > width)
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, keep), "…");
    }

    /// <summary>A text at (<paramref name="x"/>, <paramref name="y"/>) in data units, anchored by <paramref name="alignment"/>, in the shipped font.</summary>
    public static ScottPlot.Plottables.Text Text(Plot plot, string text, double x, double y, Alignment alignment, float size = LabelSize, string colour = "#222222", bool bold = false)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontName = ChartFont.Family;
        label.LabelFontSize = size;
        label.LabelFontColor = Colour(colour);
        label.LabelBold = bold;
        label.LabelAlignment = alignment;
        return label;
    }

    /// <summary>A filled rectangle between the given data coordinates, edged in white <paramref name="edge"/> px wide so that neighbouring cells stay apart.</summary>
    public static void Cell(Plot plot, double left, double right, double bottom, double top, string colour, float edge = 2)
    {
        var cell = plot.Add.Rectangle(left, right, bottom, top);
        cell.FillColor = Colour(colour);
        cell.LineColor = Colors.White;
        cell.LineWidth = edge;
    }

    /// <summary>
    /// The data area <paramref name="plot"/> gets on a page <paramref name="height"/> px tall, found by laying it out once: for a
    /// chart that places cells and their labels in pixels, with limits making one data unit one pixel.
    /// </summary>
    public static PixelRect DataRect(Plot plot, int height)
    {
        plot.RenderInMemory(PageWidth, height);
        return plot.RenderManager.LastRender.DataRect;
    }

    /// <summary>No axes, ticks or grid: for a chart that labels its cells itself.</summary>
    public static void HideAxes(Plot plot)
    {
        foreach (IAxis axis in (IAxis[])[plot.Axes.Left, plot.Axes.Bottom])
        {
            axis.FrameLineStyle.Width = 0;
            axis.MajorTickStyle.Length = 0;
            axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
            axis.Label.Text = "";
        }

        plot.Axes.Left.MinimumSize = 20;
        plot.Axes.Bottom.MinimumSize = 8;
        plot.Grid.IsVisible = false;
    }

    /// <summary>A legend entry: a line (optionally dashed), a swatch, or a line over a translucent band.</summary>
    public static LegendItem Entry(string label, string colour, LegendMark mark)
    {
        Color c = Colour(colour);
        var item = new LegendItem { LabelText = label, LabelFontSize = LabelSize, LabelFontColor = Colour("#222222") };
        switch (mark)
        {
            case LegendMark.Swatch:
                item.FillColor = c;
                break;
            case LegendMark.Band:
                item.FillColor = c.WithAlpha(0.2);
                item.LineColor = c;
                item.LineWidth = 3;
                break;
            default:
                item.LineColor = c;
                item.LineWidth = 3;
                item.LinePattern = mark == LegendMark.Dashed ? LinePattern.Dashed : LinePattern.Solid;
                break;
        }

        return item;
    }

    /// <summary>A legend line without a mark, in smaller grey text: how to read the chart.</summary>
    public static LegendItem Note(string text) =>
        new() { LabelText = text, LabelFontSize = NoteSize, LabelFontColor = Colour(Palette.Muted) };

    /// <summary>The legend, entries then notes, in a column right of the data area, top-aligned.</summary>
    public static void Legend(Plot plot, IEnumerable<LegendItem> entries, params string[] notes)
    {
        plot.Legend.ManualItems.AddRange(entries);
        plot.Legend.ManualItems.AddRange(notes.Select(Note));
        plot.Legend.DisplayPlottableLegendItems = false;
        plot.Legend.OutlineWidth = 0;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.BackgroundColor = Colors.Transparent;
        plot.Legend.SymbolWidth = 28;
        plot.Legend.SymbolHeight = 14;
        plot.Legend.SymbolPadding = 10;
        plot.Legend.Padding = new PixelPadding(0, 0, 0, 0);
        plot.Legend.InterItemPadding = new PixelPadding(0, 0, 5, 5);
        LegendPanel panel = plot.ShowLegend(Edge.Right);
        panel.Alignment = Alignment.UpperLeft;
        panel.Padding = new PixelPadding(24, 16, 0, 0);
    }

    /// <summary>A line of small grey text under the plot, across the page, wrapped to fit: what a legend note cannot say in a few words.</summary>
    public static void Footnote(Plot plot, string text) => plot.Axes.AddPanel(new FootnotePanel(text));

    /// <summary>
    /// The chart: SVG drawn from <paramref name="plot"/> at <see cref="PageWidth"/> × <paramref name="height"/>
    /// and a PNG of the same plot at any width, same aspect ratio.
    /// </summary>
    public static Chart Finish(Plot plot, string fileName, string title, string subtitle, int height)
    {
        string svg = Svg(plot.GetSvgXml(PageWidth, height), Path.GetFileNameWithoutExtension(fileName), subtitle.Length == 0 ? title : $"{title} — {subtitle}");
        byte[] Png(int width)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(width, 100);
            lock (plot)
            {
                plot.ScaleFactor = (double)width / PageWidth;
                try
                {
                    return plot.GetImageBytes(width, (int)Math.Round((double)width * height / PageWidth), ImageFormat.Png);
                }
                finally
                {
                    plot.ScaleFactor = 1;
                }
            }
        }

        return new Chart(fileName, title, svg) { Png = Png };
    }

    /// <summary>
    /// Skia's SVG made inlinable, scalable and deterministic: no XML declaration; a <c>viewBox</c> from the
    /// root's width and height; <paramref name="tooltip"/> as the document's title; Skia's clip ids, numbered
    /// by a counter that runs over the whole process, renumbered from 1 and prefixed with <paramref name="id"/>
    /// so that charts inlined in one HTML page do not share ids; fallback fonts after the shipped one for a
    /// viewer without it (Verdana has near the same widths); LF line ends and a final LF.
    /// </summary>
    internal static string Svg(string xml, string id, string tooltip)
    {
        string text = xml.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        text = XmlDeclaration().Replace(text, "");
        Match root = RootSize().Match(text);
        if (!root.Success)
        {
            throw new InvalidOperationException("ScottPlot's SVG has no root element with a width and a height");
        }

        string open = root.Value.TrimEnd('>') +
            $" viewBox=\"0 0 {root.Groups["w"].Value} {root.Groups["h"].Value}\">\n\t<title>" + System.Security.SecurityElement.Escape(tooltip) + "</title>";
        text = string.Concat(text.AsSpan(0, root.Index), open, text.AsSpan(root.Index + root.Length)).Trim();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        text = ClipId().Replace(text, m =>
        {
            if (!ids.TryGetValue(m.Value, out string? renamed))
            {
                renamed = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{id}-clip{ids.Count + 1}");
                ids.Add(m.Value, renamed);
            }

            return renamed;
        });
        text = text.Replace($"font-family=\"{ChartFont.Family}\"", $"font-family=\"'{ChartFont.Family}', Verdana, sans-serif\"", StringComparison.Ordinal);
        return text + "\n";
    }

    [GeneratedRegex(@"\bcl_[0-9a-f]+\b")]
    private static partial Regex ClipId();

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex("<svg[^>]*?width=\"(?<w>[0-9.]+)\"[^>]*?height=\"(?<h>[0-9.]+)\"[^>]*>")]
    private static partial Regex RootSize();

    /// <summary>Resolves <see cref="ChartFont.Family"/> to the shipped typefaces; other names fall through to ScottPlot's resolvers.</summary>
    private sealed class ShippedFontResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == ChartFont.Family ? (bold ? ChartFont.Bold : ChartFont.Regular) : null;
    }

    /// <summary>Small grey text under the plot, wrapped at the page's width.</summary>
    private sealed class FootnotePanel : PanelBase
    {
        private readonly LabelStyle[] _lines;

        public FootnotePanel(string text)
        {
            Edge = Edge.Bottom;
            _lines = [.. Wrap(text, PageWidth - 80).Select(line => new LabelStyle { Text = line, FontSize = NoteSize, ForeColor = Colour(Palette.Muted), Alignment = Alignment.UpperLeft, FontName = ChartFont.Family })];
        }

        public override float Measure(Paint paint) => 8 + (_lines.Length * 19);

        public override void Render(RenderPack rp, float size, float offset)
        {
            float top = rp.DataRect.Bottom + offset + 6;
            for (int i = 0; i < _lines.Length; i++)
            {
                _lines[i].Render(rp.Canvas, new Pixel(20, top + (i * 19)), rp.Paint);
            }
        }

        private static List<string> Wrap(string text, double width)
        {
            var lines = new List<string> { "" };
            foreach (string word in text.Split(' '))
            {
                string joined = lines[^1].Length == 0 ? word : lines[^1] + " " + word;
                if (lines[^1].Length > 0 && Width(joined) > width)
                {
                    lines.Add(word);
                }
                else
                {
                    lines[^1] = joined;
                }
            }

            return lines;
        }

        private static float Width(string text)
        {
            using var font = new SKFont(ChartFont.Regular, NoteSize);
            return font.MeasureText(text);
        }
    }

    /// <summary>The title, bold, and the subtitle, grey, left-aligned at the page's left edge above the data area.</summary>
    private sealed class HeaderPanel : PanelBase
    {
        private readonly LabelStyle _title, _subtitle;

        public HeaderPanel(string title, string subtitle)
        {
            Edge = Edge.Top;
            _title = new LabelStyle { Text = title, FontSize = TitleSize, Bold = true, ForeColor = Colour("#222222"), Alignment = Alignment.UpperLeft, FontName = ChartFont.Family };
            _subtitle = new LabelStyle { Text = SvgWriter.Fit(subtitle, PageWidth - 40, LabelSize), FontSize = LabelSize, ForeColor = Colour(Palette.Muted), Alignment = Alignment.UpperLeft, FontName = ChartFont.Family };
        }

        public override float Measure(Paint paint) => _subtitle.Text.Length == 0 ? 56 : 76;

        public override void Render(RenderPack rp, float size, float offset)
        {
            float top = rp.DataRect.Top - offset - size;
            _title.Render(rp.Canvas, new Pixel(20, top + 12), rp.Paint);
            if (_subtitle.Text.Length > 0)
            {
                _subtitle.Render(rp.Canvas, new Pixel(20, top + 42), rp.Paint);
            }
        }
    }
}
