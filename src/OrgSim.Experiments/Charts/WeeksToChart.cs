using System.Globalization;
using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Charts;

/// <summary>
/// weeks-to.svg: mean weeks to 50% and to 90% competent per arm, bars with 95% whiskers, each labelled
/// with how many runs got there ("7/20 runs"). Runs that never reached a threshold count as H + 1
/// weeks, so a mean with such runs is no time anyone waited: its bar is hatched and carries only the
/// count, never a number (the tooltip says in how many runs it was not reached within the horizon). The axis
/// ends at the horizon: bars stop at H and whiskers at H + 1 ("not reached"). When no run reached a
/// threshold there is no bar, only "never".
/// </summary>
internal static class WeeksToChart
{
    public const string FileName = "weeks-to.svg", Title = "Weeks to 50% and to 90% competent";

    private const double Height = 540;

    private static readonly (string Label, string Weeks, string Reached)[] Thresholds =
    [
        ("to 50% competent", "weeks_to_50pct", "reached_50pct"),
        ("to 90% competent", "weeks_to_90pct", "reached_90pct"),
    ];

    public static Chart Draw(ChartInput input)
    {
        int h = input.Horizon;
        var entries = input.Series.Select(s => new LegendEntry(s.Arm, input.Colour(s.Arm), LegendMark.Swatch)).ToList();
        entries.Add(new LegendEntry(string.Create(CultureInfo.InvariantCulture, $"horizon: {h} weeks"), Palette.Muted, LegendMark.Dashed));
        string[] notes = ["bars: mean, whiskers: 95% CI", "k/n runs: how many got there", "hatched, no number: some runs", "not " + PlainNumbers.Within(h) + ",", "counted as H + 1", "dotted top edge: H + 1,", "not reached"];
        IReadOnlyList<double> y = NiceTicks.Inside(0, h);
        double never = h + 1;
        Axes axes = Axes.Standard(Height, Legend.Width(entries, notes), 0, Thresholds.Length, 0, never, Axes.MarginTop + 30); // room for two labels over a bar at the top

        using var svg = new SvgWriter(Axes.PageWidth, Height, Title, input.Subtitle);
        svg.Open("defs");
        for (int a = 0; a < input.Series.Count; a++)
        {
            string colour = input.Colour(input.Series[a].Arm);
            svg.Open("pattern", ("id", Hatch(a)), ("width", 10), ("height", 10), ("patternUnits", "userSpaceOnUse"), ("patternTransform", "rotate(45)"));
            svg.Leaf("rect", ("width", 10), ("height", 10), ("fill", colour), ("fill-opacity", 0.3));
            svg.Leaf("line", ("x1", 0), ("x2", 0), ("y1", 0), ("y2", 10), ("stroke", colour), ("stroke-width", 6));
            svg.Close();
        }

        svg.Close();
        axes.DrawY(svg, y, Axes.Plain(y), "weeks");
        axes.DrawX(svg, [], Axes.Plain(y), null);
        svg.Leaf("line", ("class", "horizon"), ("x1", axes.Left), ("x2", axes.Right), ("y1", axes.Y(h)), ("y2", axes.Y(h)),
            ("stroke", Palette.Muted), ("stroke-width", 2), ("stroke-dasharray", "8 5"));
        svg.Leaf("line", ("class", "censored-mark"), ("x1", axes.Left), ("x2", axes.Right), ("y1", axes.Y(never)), ("y2", axes.Y(never)),
            ("stroke", Palette.Muted), ("stroke-width", 1), ("stroke-dasharray", "2 3"));

        int n = input.Series.Count;
        double groupWidth = axes.Width / Thresholds.Length, barWidth = Math.Min(90, groupWidth * 0.75 / n);
        for (int g = 0; g < Thresholds.Length; g++)
        {
            double centre = axes.X(g + 0.5);
            svg.Text(centre, axes.Bottom + 26, Thresholds[g].Label, ("text-anchor", "middle"), ("font-size", SvgWriter.AxisTitleSize), ("class", "group-label"));
            for (int a = 0; a < n; a++)
            {
                string arm = input.Series[a].Arm;
                double x = centre + ((a - (n / 2.0)) * barWidth), mid = x + (barWidth / 2);
                var weeks = input.Tables.Stat(input.Point, arm, Thresholds[g].Weeks);
                StatRow? reachedRow = input.Tables.Stat(input.Point, arm, Thresholds[g].Reached);
                double? reached = reachedRow?.Mean;
                if (weeks?.Mean is not double mean)
                {
                    Note(svg, mid, axes.Bottom, barWidth, "no data");
                    continue;
                }

                int runs = reachedRow?.N ?? weeks.N;
                int got = reached is double r ? (int)Math.Round(r * runs, MidpointRounding.AwayFromZero) : mean >= never ? 0 : runs;
                string count = string.Create(CultureInfo.InvariantCulture, $"{got}/{runs} runs");
                if (reached == 0 || (reached is null && mean >= never))
                {
                    Note(svg, mid, axes.Bottom, barWidth, "never");
                    svg.Text(mid, axes.Y(never) - 6, count, ("text-anchor", "middle"), ("font-size", 13), ("class", "reached"));
                    continue;
                }

                bool censored = reached is < 1;
                double barTop = axes.Y(Math.Min(mean, h));
                svg.Open("rect", ("class", censored ? "bar censored" : "bar"), ("x", x + 2), ("y", barTop), ("width", barWidth - 4), ("height", axes.Bottom - barTop),
                    ("fill", censored ? $"url(#{Hatch(a)})" : input.Colour(arm)), ("stroke", input.Colour(arm)), ("stroke-width", 2));
                svg.Title(censored
                    ? $"{arm}, {Thresholds[g].Label}: not {PlainNumbers.Within(h)} in {runs - got} of {runs} runs"
                    : $"{arm}, {Thresholds[g].Label}: {PlainNumbers.OneDecimal(mean)} weeks, reached in {got} of {runs} runs");
                svg.Close();
                double labelY = barTop;
                if (weeks.Low is double low && weeks.High is double high && high > low)
                {
                    low = Math.Min(low, never);
                    high = Math.Min(high, never);
                    double w = Math.Min(10, barWidth / 4);
                    svg.Leaf("path", ("class", "whisker"), ("stroke", "#000000"), ("stroke-width", 1.5), ("fill", "none"),
                        ("d", $"M{SvgWriter.N(mid)} {SvgWriter.N(axes.Y(low))} V{SvgWriter.N(axes.Y(high))} M{SvgWriter.N(mid - w)} {SvgWriter.N(axes.Y(high))} H{SvgWriter.N(mid + w)} M{SvgWriter.N(mid - w)} {SvgWriter.N(axes.Y(low))} H{SvgWriter.N(mid + w)}"));
                    labelY = Math.Min(labelY, axes.Y(high));
                }

                // A mean that counts runs as H + 1 is no time anyone waited: a censored bar gets only its count.
                if (!censored)
                {
                    svg.Text(mid, labelY - 24, PlainNumbers.OneDecimal(mean), ("text-anchor", "middle"), ("class", "value"));
                }

                svg.Text(mid, labelY - 6, count, ("text-anchor", "middle"), ("font-size", 13), ("class", "reached"));
            }
        }

        Legend.Draw(svg, axes.Right + Axes.LegendGap, axes.Top, entries, notes);
        return new Chart(FileName, Title, svg.Finish());
    }

    private static string Hatch(int arm) => string.Create(CultureInfo.InvariantCulture, $"weeks-to-hatch-{arm}");

    /// <summary>A word in place of a bar, horizontal if it fits in the bar's slot, else written upwards.</summary>
    private static void Note(SvgWriter svg, double x, double bottom, double slot, string word)
    {
        if (SvgWriter.TextWidth(word, SvgWriter.LabelSize) <= slot)
        {
            svg.Text(x, bottom - 8, word, ("text-anchor", "middle"), ("font-style", "italic"), ("class", word == "never" ? "never" : "missing"));
        }
        else
        {
            svg.Text(x + 5, bottom - 8, word, ("font-style", "italic"), ("class", word == "never" ? "never" : "missing"), ("transform", $"rotate(-90 {SvgWriter.N(x + 5)} {SvgWriter.N(bottom - 8)})"));
        }
    }
}
