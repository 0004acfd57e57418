namespace OrgSim.Experiments.Charts;

/// <summary>The one place a chart becomes a PNG: its own drawing when it has one, else its SVG rasterised.</summary>
public static class ChartPng
{
    /// <summary>
    /// <paramref name="chart"/> as PNG, <paramref name="width"/> pixels wide: <see cref="Chart.Png"/>
    /// when the chart draws its own, else <see cref="SvgRaster.Png"/> of its SVG.
    /// </summary>
    /// <exception cref="InvalidDataException">The chart could not be drawn as PNG; the message names it.</exception>
    public static byte[] Render(Chart chart, int width = SvgRaster.DefaultWidth)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return Render(chart.FileName, chart.Svg, chart.Png, width);
    }

    /// <summary>An SVG that is not a <see cref="Chart"/> (an org chart snapshot), named <paramref name="fileName"/> in errors.</summary>
    /// <exception cref="InvalidDataException">The SVG could not be rasterised; the message names it.</exception>
    public static byte[] Render(string fileName, string svg, Func<int, byte[]>? own = null, int width = SvgRaster.DefaultWidth)
    {
        try
        {
            return own is null ? SvgRaster.Png(svg, width) : own(width);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"{fileName} could not be drawn as PNG: {e.Message}", e);
        }
    }
}
