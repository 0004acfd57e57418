using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Charts;

/// <summary>
/// stages-COMPETENCY.svg: the share of agents at each stage 0–3 over time, stacked, one panel per
/// arm side by side on a shared 0–100% axis. Habit is at the bottom, so the boundary above stage 2
/// is the competent share of adoption.svg.
/// </summary>
internal static class StagesChart
{
    public const string YTitle = "% of agents";

    /// <summary>Legend labels, stage 0 to 3: the four stages of competence.</summary>
    public static IReadOnlyList<string> StageNames { get; } = ["stage 0: unaware", "stage 1: aware", "stage 2: practising", "stage 3: habit"];

    private const double Height = 540, PanelGap = 22, PanelTop = 108;

    public static string FileName(int competency) => $"stages-{ResultTables.CompetencyNames[competency]}.svg";

    public static Chart Draw(ChartInput input, int competency)
    {
        string title = $"Stages of {ResultTables.CompetencyNames[competency]} over time";
        var entries = Enumerable.Range(0, 4).Select(s => new LegendEntry(StageNames[s], Palette.Stages[s], LegendMark.Swatch)).ToList();
        Axes whole = Axes.Standard(Height, Legend.Width(entries), 0, input.Horizon, 0, 100, PanelTop);
        int n = input.Series.Count;
        double panelWidth = (whole.Width - (PanelGap * (n - 1))) / n;
        IReadOnlyList<double> y = NiceTicks.Inside(0, 100), x = NiceTicks.Inside(0, input.Horizon, panelWidth < 250 ? 4 : 6);

        using var svg = new SvgWriter(Axes.PageWidth, Height, title, input.Subtitle);
        for (int a = 0; a < n; a++)
        {
            ArmSeries s = input.Series[a];
            var axes = new Axes(whole.Left + (a * (panelWidth + PanelGap)), whole.Top, panelWidth, whole.Height, 0, input.Horizon, 0, 100);
            svg.Open("g", ("class", "panel"));
            svg.Text(axes.Left + (panelWidth / 2), axes.Top - 12, SvgWriter.Fit(s.Arm, panelWidth, 16), ("text-anchor", "middle"), ("font-size", 16), ("font-weight", "bold"), ("class", "panel-title"));
            axes.DrawY(svg, y, Axes.Percent(y), a == 0 ? YTitle : null);
            var weeks = s.StageShares[competency];
            double[] below = new double[weeks.Count];
            foreach (int stage in (int[])[3, 2, 1, 0])
            {
                var lower = weeks.Select((_, week) => (axes.X(week), axes.Y(100 * below[week]))).ToList();
                for (int week = 0; week < weeks.Count; week++)
                {
                    below[week] += weeks[week][stage];
                }

                var upper = weeks.Select((_, week) => (axes.X(week), axes.Y(100 * Math.Min(1, below[week]))));
                svg.Open("path", ("class", "area"), ("d", SvgWriter.Polyline(upper.Concat(Enumerable.Reverse(lower)), closed: true)), ("fill", Palette.Stages[stage]));
                svg.Title($"{s.Arm}: {StageNames[stage]}");
                svg.Close();
            }

            axes.DrawX(svg, x, Axes.Plain(x), null);
            svg.Close();
        }

        whole.DrawXTitle(svg, whole.Left + (whole.Width / 2), "weeks");
        Legend.Draw(svg, whole.Right + Axes.LegendGap, whole.Top, entries);
        return new Chart(FileName(competency), title, svg.Finish());
    }
}
