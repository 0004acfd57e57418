namespace OrgSim.Experiments.Charts;

/// <summary>
/// A plot area on the page and the linear scales that map data into it; draws the grid, tick
/// labels and axis titles. The space right of the plot is left for the legend.
/// </summary>
internal sealed class Axes(double left, double top, double width, double height, double xMin, double xMax, double yMin, double yMax)
{
    /// <summary>The width of every chart in px; the <c>viewBox</c> lets it scale.</summary>
    public const double PageWidth = 900;

    public const double MarginLeft = 96, MarginTop = 84, MarginBottom = 76, LegendGap = 24;

    public double Left => left;

    public double Top => top;

    public double Width => width;

    public double Height => height;

    public double Right => left + width;

    public double Bottom => top + height;

    /// <summary>The usual plot area of a page <paramref name="pageHeight"/> px high with a legend <paramref name="legendWidth"/> px wide on the right.</summary>
    public static Axes Standard(double pageHeight, double legendWidth, double xMin, double xMax, double yMin, double yMax, double top = MarginTop) =>
        new(MarginLeft, top, PageWidth - MarginLeft - LegendGap - legendWidth - 16, pageHeight - top - MarginBottom, xMin, xMax, yMin, yMax);

    public double X(double value) => left + ((value - xMin) / (xMax - xMin) * width);

    public double Y(double value) => top + height - ((value - yMin) / (yMax - yMin) * height);

    /// <summary>Horizontal grid lines at <paramref name="ticks"/>; with a <paramref name="title"/>, also the tick labels and the rotated axis title.</summary>
    public void DrawY(SvgWriter svg, IReadOnlyList<double> ticks, Func<double, string> label, string? title)
    {
        svg.Open("g", ("class", "y-axis"));
        foreach (double tick in ticks)
        {
            svg.Leaf("line", ("x1", left), ("x2", Right), ("y1", Y(tick)), ("y2", Y(tick)), ("stroke", Palette.Grid), ("stroke-width", 1));
            if (title is not null)
            {
                svg.Text(left - 8, Y(tick) + 5, label(tick), ("text-anchor", "end"));
            }
        }

        svg.Leaf("line", ("x1", left), ("x2", left), ("y1", top), ("y2", Bottom), ("stroke", Palette.Axis), ("stroke-width", 1.5));
        if (title is not null)
        {
            double x = left - MarginLeft + 26, y = top + (height / 2);
            svg.Text(x, y, SvgWriter.Fit(title, height + 60, SvgWriter.AxisTitleSize), ("text-anchor", "middle"), ("font-size", SvgWriter.AxisTitleSize),
                ("transform", $"rotate(-90 {SvgWriter.N(x)} {SvgWriter.N(y)})"), ("class", "axis-title"));
        }

        svg.Close();
    }

    /// <summary>The x axis line, tick marks and labels at <paramref name="ticks"/>, and the axis title below when there is one.</summary>
    public void DrawX(SvgWriter svg, IReadOnlyList<double> ticks, Func<double, string> label, string? title)
    {
        svg.Open("g", ("class", "x-axis"));
        svg.Leaf("line", ("x1", left), ("x2", Right), ("y1", Bottom), ("y2", Bottom), ("stroke", Palette.Axis), ("stroke-width", 1.5));
        foreach (double tick in ticks)
        {
            svg.Leaf("line", ("x1", X(tick)), ("x2", X(tick)), ("y1", Bottom), ("y2", Bottom + 6), ("stroke", Palette.Axis), ("stroke-width", 1.5));
            svg.Text(X(tick), Bottom + 24, label(tick), ("text-anchor", "middle"));
        }

        if (title is not null)
        {
            DrawXTitle(svg, left + (width / 2), title);
        }

        svg.Close();
    }

    /// <summary>An x axis title centred at <paramref name="x"/>, for axes shared by several panels.</summary>
    public void DrawXTitle(SvgWriter svg, double x, string title) =>
        svg.Text(x, Bottom + 54, title, ("text-anchor", "middle"), ("font-size", SvgWriter.AxisTitleSize), ("class", "axis-title"));

    /// <summary>Tick labels for a percentage axis: "0%", "20%", ….</summary>
    public static Func<double, string> Percent(IReadOnlyList<double> ticks) => v => NiceTicks.Label(v, ticks) + "%";

    /// <summary>Tick labels as plain numbers.</summary>
    public static Func<double, string> Plain(IReadOnlyList<double> ticks) => v => NiceTicks.Label(v, ticks);
}
