using System.Globalization;
using System.Text;

namespace OrgSim.Experiments.Report;

/// <summary>
/// Draws the org chart as SVG: the team tree as an icicle (see <see cref="OrgChartIcicle"/>) —
/// one labelled row per level, each team a rectangle as wide as the headcount of the team and
/// everyone under it, nested under its parent — filled by the share of the team's own
/// agent–competency pairs at stage 2 or 3 in one week of one arm, on a colour-blind-safe
/// sequential scale from light grey (0%) to dark blue (100%).
/// </summary>
/// <remarks>
/// The same layout serves 30 teams and 30,000: teams too narrow to draw are pooled per level under
/// their parent ("12 teams"), and a name is written only where it fits in its rectangle at
/// <see cref="OrgChartIcicle.FontSize"/> px of a drawing <see cref="OrgChartIcicle.Width"/> units
/// wide; every rectangle also has its name, people and share as a tooltip. Output is
/// byte-identical for the same input, in any culture; names are escaped.
/// </remarks>
public static class OrgChartSvg
{
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
    /// The SVG of <paramref name="readable"/>; when <paramref name="interactive"/>, each rectangle's
    /// group carries <c>data-cell</c> (its index in the icicle's cells) and the title the id
    /// <c>spread-title</c>, for the report's animation — only one such chart may be on a page.
    /// </summary>
    internal static string Render(ReadableChart readable, int arm, int week, bool interactive)
    {
        OrgChart chart = readable.Chart;
        OrgChartIcicle icicle = readable.Icicle;
        OrgChartArm data = chart.Arms[arm];
        IReadOnlyList<byte> percents = week >= 0 && week < data.Weeks.Count ? data.Weeks[week] : [];
        string title = Title(data.Name, week);

        const double width = OrgChartIcicle.Width, pad = 24;
        double y = pad + 26;
        double noteY = y + 30;
        double top = (readable.Note is null ? y : noteY) + 24;
        double legendTop = top + icicle.Height + 44;
        double height = legendTop + 84 + pad;

        var svg = new StringBuilder();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(Markup.Number(width)).Append(' ').Append(Markup.Number(height))
            .Append("\" width=\"").Append(Markup.Number(width)).Append("\" height=\"").Append(Markup.Number(height))
            .Append("\" role=\"img\" font-family=\"").Append(Font).Append("\" fill=\"#1a1a1a\">\n");
        svg.Append("<title>").Append(Markup.Escape(title)).Append("</title>\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.Append("<text x=\"").Append(Markup.Number(pad)).Append("\" y=\"").Append(Markup.Number(y)).Append("\" font-size=\"26\" font-weight=\"bold\"")
            .Append(interactive ? " id=\"spread-title\"" : string.Empty).Append('>').Append(Markup.Escape(title)).Append("</text>\n");
        if (readable.Note is { } note)
        {
            svg.Append("<text x=\"").Append(Markup.Number(pad)).Append("\" y=\"").Append(Markup.Number(noteY)).Append("\" font-size=\"17\" fill=\"#444444\">")
                .Append(Markup.Escape(note)).Append("</text>\n");
        }

        foreach (IcicleRow row in icicle.Rows.Where(r => r.Label.Length > 0))
        {
            // "Levels 0–1" is wider than "Level 2": smaller, so it stays left of the icicle.
            string size = row.Label.Length > "Level 10".Length ? "14" : "16";
            svg.Append("<text class=\"level\" x=\"").Append(Markup.Number(pad)).Append("\" y=\"").Append(Markup.Number(top + row.Top + row.Height / 2))
                .Append("\" font-size=\"").Append(size).Append("\" font-weight=\"bold\" dominant-baseline=\"central\">").Append(Markup.Escape(row.Label)).Append("</text>\n");
        }

        for (int c = 0; c < icicle.Cells.Count; c++)
        {
            IcicleCell cell = icicle.Cells[c];
            IcicleRow row = icicle.Rows[cell.Row];
            int percent = OrgChartIcicle.Percent(cell, percents, chart.Teams);
            svg.Append("<g");
            if (interactive)
            {
                svg.Append(" data-cell=\"").Append(Markup.Integer(c)).Append('"');
            }

            svg.Append("><title>").Append(Markup.Escape(Tooltip(cell.Name, cell.People, percent))).Append("</title>")
                .Append("<rect x=\"").Append(Markup.Number(cell.X)).Append("\" y=\"").Append(Markup.Number(top + row.Top))
                .Append("\" width=\"").Append(Markup.Number(cell.Width)).Append("\" height=\"").Append(Markup.Number(row.Height))
                .Append("\" fill=\"").Append(Colours[percent]).Append("\" stroke=\"#ffffff\" stroke-width=\"1\"/>");
            if (cell.Label is { } label)
            {
                double cx = label.X + label.Width / 2, cy = top + label.Y + label.Height / 2;
                svg.Append("<text class=\"unit\" x=\"").Append(Markup.Number(cx)).Append("\" y=\"").Append(Markup.Number(cy))
                    .Append("\" font-size=\"").Append(Markup.Number(OrgChartIcicle.FontSize)).Append("\" text-anchor=\"middle\" dominant-baseline=\"central\" fill=\"")
                    .Append(TextColour(percent)).Append('"');
                if (label.Vertical)
                {
                    svg.Append(" transform=\"rotate(-90 ").Append(Markup.Number(cx)).Append(' ').Append(Markup.Number(cy)).Append(")\"");
                }

                svg.Append('>');
                if (label.Lines.Length == 1)
                {
                    svg.Append(Markup.Escape(label.Lines[0]));
                }
                else
                {
                    for (int l = 0; l < label.Lines.Length; l++)
                    {
                        double dy = l == 0 ? -(label.Lines.Length - 1) / 2.0 * OrgChartIcicle.Line : OrgChartIcicle.Line;
                        svg.Append("<tspan x=\"").Append(Markup.Number(cx)).Append("\" dy=\"").Append(Markup.Number(dy)).Append("\">").Append(Markup.Escape(label.Lines[l])).Append("</tspan>");
                    }
                }

                svg.Append("</text>");
            }

            svg.Append("</g>\n");
        }

        AppendLegend(svg, pad, legendTop, 1);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>A rectangle's tooltip; the report's script writes the same text as the week changes.</summary>
    internal static string Tooltip(string label, int size, int percent) =>
        label + " — " + Markup.Integer(size) + (size == 1 ? " person, " : " people, ") + Markup.Integer(percent) + "% competent";

    /// <summary>Dark text on the light fills, white on the dark ones (from 60%); the report's script uses the same rule.</summary>
    internal static string TextColour(int percent) => percent >= TextTurnsWhite ? "#ffffff" : "#1a1a1a";

    /// <summary>The percentage from which a label is written in white.</summary>
    internal const int TextTurnsWhite = 60;

    private static void AppendLegend(StringBuilder svg, double x, double top, double s)
    {
        svg.Append("<text x=\"").Append(Markup.Number(x)).Append("\" y=\"").Append(Markup.Number(top)).Append("\" font-size=\"").Append(Markup.Number(18 * s))
            .Append("\">Colour: share of the team's own competency pairs at stage 2 or 3. Width: the team and everyone under it. \u201cN teams\u201d: teams too small to draw, pooled per level.</text>\n");
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
