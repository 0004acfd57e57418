using ScottPlot;

namespace OrgSim.Experiments.Charts;

/// <summary>
/// front.svg: how far the new way of working has travelled from where it started, per week: the
/// mean (solid) and the largest (dashed) graph distance of competent agents from the nearest seed.
/// Weeks without a competent agent leave a gap.
/// </summary>
internal static class FrontChart
{
    public const string FileName = "front.svg", Title = "Spread front: distance from the seeds";

    private const int Height = 540;

    public static Chart Draw(ChartInput input)
    {
        var plot = ChartPlot.New(Title, input.Subtitle);
        foreach (var s in input.Series)
        {
            ChartPlot.Line(plot, s.FrontMean, input.Colour(s.Arm), LinePattern.Solid);
            ChartPlot.Line(plot, s.FrontMax, input.Colour(s.Arm), LinePattern.Dashed);
        }

        double top = input.Series.SelectMany(s => s.FrontMax.Concat(s.FrontMean)).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        ChartPlot.Axes(plot, 0, input.Horizon, "weeks", 0, NiceTicks.Covering(0, top)[^1], "distance from the nearest seed (hops)");
        var entries = input.Series.Select(s => ChartPlot.Entry(s.Arm, input.Colour(s.Arm), LegendMark.Line)).ToList();
        entries.Add(ChartPlot.Entry("mean distance", Palette.Muted, LegendMark.Line));
        entries.Add(ChartPlot.Entry("max distance", Palette.Muted, LegendMark.Dashed));
        ChartPlot.Legend(plot, entries);
        return ChartPlot.Finish(plot, FileName, Title, input.Subtitle, Height);
    }
}
