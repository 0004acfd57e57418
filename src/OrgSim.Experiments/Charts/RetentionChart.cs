namespace OrgSim.Experiments.Charts;

/// <summary>
/// retention.svg: the retention curve — of the agent–competency pairs the seeding trained, the share
/// still at stage ≥ 2 by weeks since their training, per arm, the mean as a line over its 95% band.
/// Weeks no run reached after its training leave the line's end.
/// </summary>
internal static class RetentionChart
{
    public const string FileName = "retention.svg", Title = "Retention: is the trained cohort still competent?";

    private const int Height = 540;

    /// <summary>The chart, or null when no arm trained anyone (a scenario without seeding).</summary>
    public static Chart? Draw(ChartInput input)
    {
        var drawn = input.Series.Where(s => s.CohortRetention.Any(b => double.IsFinite(b.Mean))).ToList();
        if (drawn.Count == 0)
        {
            return null;
        }

        var plot = ChartPlot.New(Title, input.Subtitle);
        foreach (var s in drawn)
        {
            // As on adoption.svg, a band is cut at 0% and 100%, where no share lies.
            ChartPlot.Band(plot, [.. s.CohortRetention.Select(b => double.IsFinite(b.Mean) ? 100 * Math.Clamp(b.Low, 0, 1) : double.NaN)],
                [.. s.CohortRetention.Select(b => double.IsFinite(b.Mean) ? 100 * Math.Clamp(b.High, 0, 1) : double.NaN)], input.Colour(s.Arm));
        }

        foreach (var s in drawn)
        {
            ChartPlot.Line(plot, [.. s.CohortRetention.Select(b => 100 * b.Mean)], input.Colour(s.Arm), ScottPlot.LinePattern.Solid);
        }

        int last = drawn.Max(s => s.CohortRetention.Count(b => double.IsFinite(b.Mean))) - 1;
        ChartPlot.Axes(plot, 0, Math.Max(1, last), "weeks since training", 0, 100, "% of trained pairs at stage ≥ 2", percent: true);
        ChartPlot.Legend(plot, drawn.Select(s => ChartPlot.Entry(s.Arm, input.Colour(s.Arm), LegendMark.Band)), "line: mean of the runs", "band: 95% confidence");
        return ChartPlot.Finish(plot, FileName, Title, input.Subtitle, Height);
    }
}
