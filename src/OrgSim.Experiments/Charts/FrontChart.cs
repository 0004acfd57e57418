namespace OrgSim.Experiments.Charts;

/// <summary>
/// front.svg: how far the new way of working has travelled from where it started, per week: the
/// mean (solid) and the largest (dashed) graph distance of competent agents from the nearest seed.
/// Weeks without a competent agent leave a gap.
/// </summary>
internal static class FrontChart
{
    public const string FileName = "front.svg", Title = "Spread front: distance from the seeds";

    private const double Height = 540;

    public static Chart Draw(ChartInput input)
    {
        var entries = input.Series.Select(s => new LegendEntry(s.Arm, input.Colour(s.Arm), LegendMark.Line)).ToList();
        entries.Add(new LegendEntry("mean distance", Palette.Muted, LegendMark.Line));
        entries.Add(new LegendEntry("max distance", Palette.Muted, LegendMark.Dashed));
        double top = input.Series.SelectMany(s => s.FrontMax.Concat(s.FrontMean)).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        IReadOnlyList<double> y = NiceTicks.Covering(0, top), x = NiceTicks.Inside(0, input.Horizon);
        Axes axes = Axes.Standard(Height, Legend.Width(entries), 0, input.Horizon, 0, y[^1]);

        using var svg = new SvgWriter(Axes.PageWidth, Height, Title, input.Subtitle);
        axes.DrawY(svg, y, Axes.Plain(y), "distance from the nearest seed (hops)");
        axes.DrawX(svg, x, Axes.Plain(x), "weeks");
        foreach (var s in input.Series)
        {
            Line(svg, axes, s.FrontMean, "mean", null, input.Colour(s.Arm), $"{s.Arm}: mean distance");
            Line(svg, axes, s.FrontMax, "max", "8 5", input.Colour(s.Arm), $"{s.Arm}: max distance");
        }

        Legend.Draw(svg, axes.Right + Axes.LegendGap, axes.Top, entries);
        return new Chart(FileName, Title, svg.Finish());
    }

    private static void Line(SvgWriter svg, Axes axes, IReadOnlyList<double> values, string kind, string? dashes, string colour, string title)
    {
        string d = SvgWriter.Polyline(values.Select((v, week) => (axes.X(week), double.IsFinite(v) ? axes.Y(v) : double.NaN)));
        if (d.Length == 0)
        {
            return;
        }

        svg.Open("path", ("class", kind), ("d", d), ("fill", "none"), ("stroke", colour), ("stroke-width", 3), ("stroke-dasharray", dashes), ("stroke-linejoin", "round"));
        svg.Title(title);
        svg.Close();
    }
}
