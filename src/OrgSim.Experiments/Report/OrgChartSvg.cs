using System.Globalization;
using System.Text;

namespace OrgSim.Experiments.Report;

/// <summary>
/// Draws the org chart as SVG: the teams as a tidy tree (see <see cref="OrgChartLayout"/>), one
/// circle per team with its area proportional to the team's people, filled by the share of its
/// agent–competency pairs at stage 2 or 3 in one week of one arm, on a colour-blind-safe sequential
/// scale from light grey (0%) to dark blue (100%).
/// </summary>
/// <remarks>
/// Large organisations are drawn as groups of teams — one row of circles per level, one column per
/// unit — under the rule of <see cref="OrgChartAggregation"/> (more than 400 teams, or more than
/// 160 side by side). The drawing is always <see cref="Width"/> units wide with text at a fixed
/// size: a wide tree fits its widest row into that width, scales its circles with the slot (at
/// least <see cref="MinRadius"/>) and staggers crowded rows onto two lines so neighbours can be
/// twice as large; a forest of teams without managers wraps into a grid. Output is
/// byte-identical for the same input, in any culture; names are escaped.
/// </remarks>
public static class OrgChartSvg
{
    private const double Width = 1200, MaxRadius = 16, MinRadius = 4;
    private const string Font = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

    /// <summary>The scale's colours at 0, 25, 50, 75 and 100%: light grey, then ColorBrewer GnBu, lightness falling throughout.</summary>
    private static readonly (int R, int G, int B)[] Stops = [(0xee, 0xee, 0xee), (0xa8, 0xdd, 0xb5), (0x4e, 0xb3, 0xd3), (0x08, 0x68, 0xac), (0x08, 0x40, 0x81)];

    /// <summary>The fill for each whole percentage 0..100, shared by the SVG and the report's animation.</summary>
    internal static IReadOnlyList<string> Colours { get; } = Enumerable.Range(0, 101).Select(Interpolate).ToList();

    /// <summary>The chart of arm <paramref name="arm"/> (index into <see cref="OrgChart.Arms"/>) at week <paramref name="week"/>, titled "ARM — week N".</summary>
    /// <exception cref="ArgumentOutOfRangeException">The arm does not exist, or the week was not recorded.</exception>
    public static string Snapshot(OrgChart chart, int arm, int week)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentOutOfRangeException.ThrowIfNegative(arm);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(arm, chart.Arms.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(week);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(week, chart.Arms[arm].Weeks.Count);
        return Render(OrgChartAggregation.Readable(chart), arm, week, interactive: false);
    }

    /// <summary>
    /// For each arm, the charts at weeks 0, H/4, H/2, 3H/4 and H of the horizon
    /// <paramref name="horizon"/> (a week past the last recorded one shows the last), titled as in
    /// <see cref="Snapshot"/>.
    /// </summary>
    public static IReadOnlyList<(string Title, string Svg)> Snapshots(OrgChart chart, int horizon)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        ReadableChart readable = OrgChartAggregation.Readable(chart);
        var snapshots = new List<(string Title, string Svg)>();
        for (int arm = 0; arm < chart.Arms.Count; arm++)
        {
            int last = chart.Arms[arm].Weeks.Count - 1;
            foreach (int week in SnapshotWeeks(horizon).Select(w => Math.Min(w, last)).Where(w => w >= 0).Distinct())
            {
                snapshots.Add((Title(chart.Arms[arm].Name, week), Render(readable, arm, week, interactive: false)));
            }
        }

        return snapshots;
    }

    /// <summary>Weeks 0, H/4, H/2, 3H/4 and H, without repeats.</summary>
    internal static IEnumerable<int> SnapshotWeeks(int horizon) => new[] { 0, horizon / 4, horizon / 2, 3 * horizon / 4, horizon }.Distinct();

    /// <summary>The title of a chart: "ARM — week N".</summary>
    internal static string Title(string arm, int week) => arm + " — week " + Markup.Integer(week);

    /// <summary>
    /// The SVG of <paramref name="readable"/>; when <paramref name="interactive"/>, circles carry
    /// <c>data-team</c> (their index in the chart's teams) and the title the id <c>spread-title</c>,
    /// for the report's animation — only one such chart may be on a page.
    /// </summary>
    internal static string Render(ReadableChart readable, int arm, int week, bool interactive)
    {
        OrgChart chart = readable.Chart;
        OrgChartLayout layout = readable.Layout;
        OrgChartArm data = chart.Arms[arm];
        IReadOnlyList<byte> percents = week >= 0 && week < data.Weeks.Count ? data.Weeks[week] : [];
        string title = Title(data.Name, week);

        int n = chart.Teams.Count;
        const double width = Width, pad = 24, available = Width - 2 * pad;

        // A forest of lone teams (no managers) wraps into a grid; a tree fits its widest row into
        // the fixed width, its circles scaling with the slot, and staggers crowded rows in two.
        bool grid = n > 1 && layout.Rows == 1;
        int columns = grid ? Math.Clamp((int)(available / (2 * MaxRadius + 14)), 1, n) : 0;
        double slot = grid ? available / columns : available / (layout.Width + 1);
        bool stagger = !grid && slot < 2.3 * MaxRadius;
        double maxRadius = Math.Max(MinRadius, Math.Min(MaxRadius, 0.45 * slot * (stagger ? 2 : 1)));
        double staggerDrop = stagger ? 2 * maxRadius + 6 : 0;
        double rowHeight = grid ? Math.Max(slot, 2 * maxRadius + 10) : Math.Max(90, staggerDrop + 2 * maxRadius + 60);
        int[] rank = new int[n];
        if (stagger)
        {
            foreach (var row in Enumerable.Range(0, n).GroupBy(t => layout.Depth[t]))
            {
                int i = 0;
                foreach (int t in row.OrderBy(t => layout.X[t]).ThenBy(t => t))
                {
                    rank[t] = i++;
                }
            }
        }

        double y = pad + 26;
        double noteY = y + 30;
        double treeTop = (readable.Note is null ? y : noteY) + 30 + maxRadius;
        int drawnRows = grid ? (n + columns - 1) / columns : layout.Rows;
        double legendTop = treeTop + Math.Max(0, drawnRows - 1) * rowHeight + staggerDrop + maxRadius + 40;
        double height = legendTop + 84 + pad;
        double left = grid ? pad + slot / 2 : (width - layout.Width * slot) / 2;
        double X(int team) => grid ? left + team % columns * slot : left + layout.X[team] * slot;
        double Y(int team) => grid ? treeTop + team / columns * rowHeight : treeTop + layout.Depth[team] * rowHeight + (rank[team] % 2) * staggerDrop;
        const double s = 1;

        var svg = new StringBuilder();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(Markup.Number(width)).Append(' ').Append(Markup.Number(height))
            .Append("\" width=\"").Append(Markup.Number(width)).Append("\" height=\"").Append(Markup.Number(height))
            .Append("\" role=\"img\" font-family=\"").Append(Font).Append("\" fill=\"#1a1a1a\">\n");
        svg.Append("<title>").Append(Markup.Escape(title)).Append("</title>\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.Append("<text x=\"").Append(Markup.Number(pad)).Append("\" y=\"").Append(Markup.Number(y)).Append("\" font-size=\"").Append(Markup.Number(26 * s))
            .Append("\" font-weight=\"bold\"").Append(interactive ? " id=\"spread-title\"" : string.Empty).Append('>').Append(Markup.Escape(title)).Append("</text>\n");
        if (readable.Note is { } note)
        {
            svg.Append("<text x=\"").Append(Markup.Number(pad)).Append("\" y=\"").Append(Markup.Number(noteY)).Append("\" font-size=\"").Append(Markup.Number(17 * s))
                .Append("\" fill=\"#444444\">").Append(Markup.Escape(note)).Append("</text>\n");
        }

        if (chart.Teams.Count > 0 && layout.Parent.Any(p => p >= 0))
        {
            svg.Append("<path fill=\"none\" stroke=\"#9a9a9a\" stroke-width=\"").Append(Markup.Number(1.2 * Math.Sqrt(s))).Append("\" d=\"");
            for (int t = 0; t < chart.Teams.Count; t++)
            {
                int p = layout.Parent[t];
                if (p >= 0)
                {
                    svg.Append('M').Append(Markup.Number(X(p))).Append(' ').Append(Markup.Number(Y(p)))
                        .Append('L').Append(Markup.Number(X(t))).Append(' ').Append(Markup.Number(Y(t)));
                }
            }

            svg.Append("\"/>\n");
        }

        int largest = chart.Teams.Count == 0 ? 1 : Math.Max(1, chart.Teams.Max(t => t.Size));
        for (int t = 0; t < chart.Teams.Count; t++)
        {
            OrgChartTeam team = chart.Teams[t];
            int percent = t < percents.Count ? Math.Min((int)percents[t], 100) : 0;
            double radius = Math.Max(MinRadius, maxRadius * Math.Sqrt(Math.Max(0, team.Size) / (double)largest));
            svg.Append("<circle");
            if (interactive)
            {
                svg.Append(" data-team=\"").Append(Markup.Integer(t)).Append('"');
            }

            svg.Append(" cx=\"").Append(Markup.Number(X(t))).Append("\" cy=\"").Append(Markup.Number(Y(t))).Append("\" r=\"").Append(Markup.Number(radius))
                .Append("\" fill=\"").Append(Colours[percent]).Append("\" stroke=\"#505050\" stroke-width=\"1.2\"><title>")
                .Append(Markup.Escape(Tooltip(team.Label, team.Size, percent))).Append("</title></circle>\n");
        }

        AppendLegend(svg, pad, legendTop, s);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>A circle's tooltip; the report's script writes the same text as the week changes.</summary>
    internal static string Tooltip(string label, int size, int percent) =>
        label + " — " + Markup.Integer(size) + (size == 1 ? " person, " : " people, ") + Markup.Integer(percent) + "% competent";

    private static void AppendLegend(StringBuilder svg, double x, double top, double s)
    {
        svg.Append("<text x=\"").Append(Markup.Number(x)).Append("\" y=\"").Append(Markup.Number(top)).Append("\" font-size=\"").Append(Markup.Number(18 * s))
            .Append("\">Share of the team's competency pairs at stage 2 or 3 (circle area: people)</text>\n");
        double swatch = 64 * s, gap = 4 * s, swatchTop = top + 12 * s;
        for (int i = 0; i <= 4; i++)
        {
            double sx = x + i * (swatch + gap);
            svg.Append("<rect x=\"").Append(Markup.Number(sx)).Append("\" y=\"").Append(Markup.Number(swatchTop)).Append("\" width=\"").Append(Markup.Number(swatch))
                .Append("\" height=\"").Append(Markup.Number(22 * s)).Append("\" fill=\"").Append(Colours[i * 25]).Append("\" stroke=\"#505050\" stroke-width=\"1\"/>\n");
            svg.Append("<text x=\"").Append(Markup.Number(sx + swatch / 2)).Append("\" y=\"").Append(Markup.Number(swatchTop + 22 * s + 22 * s))
                .Append("\" font-size=\"").Append(Markup.Number(18 * s)).Append("\" text-anchor=\"middle\">").Append(Markup.Integer(i * 25)).Append("%</text>\n");
        }
    }

    private static string Interpolate(int percent)
    {
        double position = percent / 25.0;
        int i = Math.Min((int)position, Stops.Length - 2);
        double f = position - i;
        int Channel(int a, int b) => (int)Math.Round(a + (b - a) * f, MidpointRounding.AwayFromZero);
        var (r0, g0, b0) = Stops[i];
        var (r1, g1, b1) = Stops[i + 1];
        return string.Create(CultureInfo.InvariantCulture, $"#{Channel(r0, r1):x2}{Channel(g0, g1):x2}{Channel(b0, b1):x2}");
    }
}
