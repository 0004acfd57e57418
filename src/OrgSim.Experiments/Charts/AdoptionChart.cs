namespace OrgSim.Experiments.Charts;

/// <summary>adoption.svg: the competent share week by week per arm, the mean as a line over its 95% band.</summary>
internal static class AdoptionChart
{
    public const string FileName = "adoption.svg", Title = "Competent share over time";

    public const string YTitle = "% of agent–competency pairs at stage ≥ 2";

    private const double Height = 540;

    public static Chart Draw(ChartInput input)
    {
        var entries = input.Series.Select(s => new LegendEntry(s.Arm, input.Colour(s.Arm), LegendMark.Band)).ToList();
        string[] notes = ["line: mean of the runs", "band: 95% confidence"];
        Axes axes = Axes.Standard(Height, Legend.Width(entries, notes), 0, input.Horizon, 0, 100);
        using var svg = new SvgWriter(Axes.PageWidth, Height, Title, input.Subtitle);
        IReadOnlyList<double> y = NiceTicks.Inside(0, 100), x = NiceTicks.Inside(0, input.Horizon);
        axes.DrawY(svg, y, Axes.Percent(y), YTitle);
        axes.DrawX(svg, x, Axes.Plain(x), "weeks");

        // A share's 95% interval over a few replicates can reach past 0% and 100% (a t-interval is
        // symmetric); drawn as it is, a band ran over the title and the subtitle. No share lies out
        // there, so the band is cut at the axis's ends.
        foreach (var s in input.Series)
        {
            var high = s.CompetentShare.Select((b, week) => (axes.X(week), axes.Y(100 * Math.Clamp(b.High, 0, 1))));
            var low = s.CompetentShare.Select((b, week) => (axes.X(week), axes.Y(100 * Math.Clamp(b.Low, 0, 1)))).Reverse();
            svg.Leaf("path", ("class", "band"), ("d", SvgWriter.Polyline(high.Concat(low), closed: true)),
                ("fill", input.Colour(s.Arm)), ("fill-opacity", 0.2), ("stroke", "none"));
        }

        foreach (var s in input.Series)
        {
            svg.Open("path", ("class", "series"), ("d", SvgWriter.Polyline(s.CompetentShare.Select((b, week) => (axes.X(week), axes.Y(100 * b.Mean))))),
                ("fill", "none"), ("stroke", input.Colour(s.Arm)), ("stroke-width", 3), ("stroke-linejoin", "round"));
            svg.Title(s.Arm);
            svg.Close();
        }

        Legend.Draw(svg, axes.Right + Axes.LegendGap, axes.Top, entries, notes);
        return new Chart(FileName, Title, svg.Finish());
    }
}
