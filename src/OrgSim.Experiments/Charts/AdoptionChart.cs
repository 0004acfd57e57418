namespace OrgSim.Experiments.Charts;

/// <summary>adoption.svg: the competent share week by week per arm, the mean as a line over its 95% band.</summary>
internal static class AdoptionChart
{
    public const string FileName = "adoption.svg", Title = "Competent share over time";

    public const string YTitle = "% of agent–competency pairs at stage ≥ 2";

    private const int Height = 540;

    public static Chart Draw(ChartInput input)
    {
        var plot = ChartPlot.New(Title, input.Subtitle);

        // A share's 95% interval over a few replicates can reach past 0% and 100% (a t-interval is
        // symmetric); drawn as it is, a band ran over the title and the subtitle. No share lies out
        // there, so the band is cut at the axis's ends.
        foreach (var s in input.Series)
        {
            ChartPlot.Band(plot, [.. s.CompetentShare.Select(b => 100 * Math.Clamp(b.Low, 0, 1))], [.. s.CompetentShare.Select(b => 100 * Math.Clamp(b.High, 0, 1))], input.Colour(s.Arm));
        }

        foreach (var s in input.Series)
        {
            ChartPlot.Line(plot, [.. s.CompetentShare.Select(b => 100 * b.Mean)], input.Colour(s.Arm), ScottPlot.LinePattern.Solid);
        }

        ChartPlot.Axes(plot, 0, input.Horizon, "weeks", 0, 100, YTitle, percent: true);
        ChartPlot.Legend(plot, input.Series.Select(s => ChartPlot.Entry(s.Arm, input.Colour(s.Arm), LegendMark.Band)), "line: mean of the runs", "band: 95% confidence");
        return ChartPlot.Finish(plot, FileName, Title, input.Subtitle, Height);
    }
}
