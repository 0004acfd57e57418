namespace OrgSim.Experiments.Charts;

/// <summary>
/// retention.svg: the retention curve — of the agent–competency pairs the seeding trained, the share
/// still at stage ≥ 2 by weeks since their training, per arm, the mean as a line over its 95% band.
/// Weeks no run reached after its training leave the line's end.
/// </summary>
internal static class RetentionChart
{
    public const string FileName = "retention.svg", Title = "Retention: is the trained cohort still competent?";

    private const double Height = 540;

    /// <summary>The chart, or null when no arm trained anyone (a scenario without seeding).</summary>
    public static Chart? Draw(ChartInput input)
    {
        var drawn = input.Series.Where(s => s.CohortRetention.Any(b => double.IsFinite(b.Mean))).ToList();
        if (drawn.Count == 0)
        {
            return null;
        }

        var entries = drawn.Select(s => new LegendEntry(s.Arm, input.Colour(s.Arm), LegendMark.Band)).ToList();
        string[] notes = ["line: mean of the runs", "band: 95% confidence"];
        int last = drawn.Max(s => s.CohortRetention.Count(b => double.IsFinite(b.Mean))) - 1;
        Axes axes = Axes.Standard(Height, Legend.Width(entries, notes), 0, Math.Max(1, last), 0, 100);
        using var svg = new SvgWriter(Axes.PageWidth, Height, Title, input.Subtitle);
        IReadOnlyList<double> y = NiceTicks.Inside(0, 100), x = NiceTicks.Inside(0, Math.Max(1, last));
        axes.DrawY(svg, y, Axes.Percent(y), "% of trained pairs at stage ≥ 2");
        axes.DrawX(svg, x, Axes.Plain(x), "weeks since training");
        foreach (var s in drawn)
        {
            var defined = Defined(s.CohortRetention);
            var high = defined.Select(p => (axes.X(p.Week), axes.Y(100 * Math.Clamp(p.Band.High, 0, 1))));
            var low = defined.Select(p => (axes.X(p.Week), axes.Y(100 * Math.Clamp(p.Band.Low, 0, 1)))).Reverse();
            svg.Leaf("path", ("class", "band"), ("d", SvgWriter.Polyline(high.Concat(low), closed: true)),
                ("fill", input.Colour(s.Arm)), ("fill-opacity", 0.2), ("stroke", "none"));
        }

        foreach (var s in drawn)
        {
            svg.Open("path", ("class", "series"), ("d", SvgWriter.Polyline(Defined(s.CohortRetention).Select(p => (axes.X(p.Week), axes.Y(100 * p.Band.Mean))))),
                ("fill", "none"), ("stroke", input.Colour(s.Arm)), ("stroke-width", 3), ("stroke-linejoin", "round"));
            svg.Title($"{s.Arm}: trained pairs still competent");
            svg.Close();
        }

        Legend.Draw(svg, axes.Right + Axes.LegendGap, axes.Top, entries, notes);
        return new Chart(FileName, Title, svg.Finish());
    }

    private static List<(int Week, Report.Band Band)> Defined(IReadOnlyList<Report.Band> curve) =>
        curve.Select((b, week) => (Week: week, Band: b)).Where(p => double.IsFinite(p.Band.Mean)).ToList();
}
