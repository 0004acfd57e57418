using System.Text;
using System.Text.Json;

namespace OrgSim.Experiments.Report;

/// <summary>
/// Writes <c>report.html</c>: one self-contained page for a workshop — the scenario's question,
/// the findings in plain sentences with their numbers, the charts, and the spread through the
/// organisation as an org chart animated week by week (arm selector, play/pause, week slider)
/// with static snapshots below.
/// </summary>
/// <remarks>
/// The page opens offline: style, script, charts and data are inline and nothing refers to a URL
/// (the SVG namespace aside). Every text that comes from data — scenario, arm and team names — is
/// HTML-escaped, and the JSON inside the page's script escapes <c>&lt;</c>, <c>&gt;</c> and
/// <c>&amp;</c> as <c>\u003C</c>, <c>\u003E</c> and <c>\u0026</c>, so no name can close the script
/// element. The output is a pure function of the input (no clock, invariant culture), LF line ends.
/// </remarks>
public static class ReportBuilder
{
    /// <summary>The charts of one sweep point in the report.</summary>
    /// <param name="Point">The point, as numbered in summary.csv.</param>
    /// <param name="Name">What the selector shows: "sweep point 2 of 6: a = 1 (point 1 in summary.csv)".</param>
    /// <param name="Charts">Its charts, in reading order.</param>
    public sealed record ReportPoint(int Point, string Name, IReadOnlyList<(string Title, string Svg)> Charts);

    /// <summary>The report's HTML for <paramref name="tables"/>, with <paramref name="charts"/> (SVG markup) inlined and the animation of <paramref name="chart"/>, or a note when it is null (a folder written before org charts were recorded).</summary>
    /// <param name="tables">The results.</param>
    /// <param name="charts">The charts, in reading order; with <paramref name="points"/>, those of the whole run only (sensitivity, heatmap).</param>
    /// <param name="chart">The org chart, or null.</param>
    /// <param name="points">For a sweep, the charts of each sweep point the reader can choose (the first shown), or null to show <paramref name="charts"/> alone.</param>
    public static string Build(ResultTables tables, IReadOnlyList<(string Title, string Svg)> charts, OrgChart? chart, IReadOnlyList<ReportPoint>? points = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(charts);
        ReadableChart? readable = chart is null ? null : OrgChartAggregation.Readable(chart);
        var html = new StringBuilder();
        AppendHead(html, tables.Heading + " — OrgSim report");

        html.Append("<header>\n<h1>").Append(Markup.Escape(tables.Heading)).Append("</h1>\n");
        if (tables.Description.Length > 0)
        {
            html.Append("<p class=\"lead\">").Append(Markup.Escape(tables.Description)).Append("</p>\n");
        }

        html.Append("</header>\n<section id=\"question\">\n<h2>The question</h2>\n").Append(Question(tables.Question)).Append("</section>\n");
        if (KeyMessage.Compose(tables) is { Count: > 0 } message)
        {
            html.Append("<section id=\"key-message\" class=\"key-message\">\n<h2>Key message</h2>\n<p>")
                .Append(Markup.Escape(string.Join(" ", message))).Append("</p>\n</section>\n");
        }
        if (tables.Sensitivity.Count > 0)
        {
            html.Append("<section id=\"sensitivity\">\n<h2>What decides the answer</h2>\n<ul>\n");
            foreach (Sensitivity.OutputAnalysis analysis in tables.Sensitivity)
            {
                html.Append("<li>").Append(Markup.Escape(Sensitivity.SensitivityFindings.Sentence(analysis))).Append("</li>\n");
            }

            html.Append("</ul>\n<p class=\"note\">From ").Append(Markup.Escape(Output.ResultsFolder.SensitivityFileName))
                .Append(" (each design point's values and outputs are in ").Append(Markup.Escape(Output.ResultsFolder.DesignFileName))
                .Append("). The findings below show design point 0 alone, one of the ")
                .Append(Markup.Integer(tables.Points.Count)).Append(" the analysis ran; the charts after the sensitivity charts are those of the design point chosen above them (up to the first 50).</p>\n</section>\n");
        }

        html.Append("<section id=\"findings\">\n<h2>Findings</h2>\n").Append(FindingsWriter.Html(tables)).Append("</section>\n");

        html.Append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        if (charts.Count == 0)
        {
            html.Append("<p class=\"note\">No charts were drawn for this run.</p>\n");
        }

        AppendFigures(html, charts);
        if (points is { Count: > 0 })
        {
            AppendPoints(html, tables, points);
        }

        html.Append("</section>\n<section id=\"spread\">\n<h2>The spread through the organisation</h2>\n");
        if (readable is null)
        {
            html.Append("<p class=\"note\">This output folder has no ").Append(Output.ResultsFolder.OrgChartFileName)
                .Append(" (it was written by an older OrgSim), so the animation is left out; run the scenario again to get it.</p>\n</section>\n");
        }
        else
        {
            AppendSpread(html, tables, readable);
        }

        html.Append("<footer>Made by OrgSim from the files of this output folder: summary.csv and contrasts.csv for the findings, timeseries.csv, levels.csv and outcomes.csv for the charts, ")
            .Append(Output.ResultsFolder.OrgChartFileName).Append(" for the org chart.</footer>\n");
        if (readable is { Chart.Arms.Count: > 0 })
        {
            html.Append("<script type=\"application/json\" id=\"spread-data\">").Append(SpreadJson(tables, readable)).Append("</script>\n")
                .Append("<script>\n").Append(ReportAssets.Script).Append("</script>\n");
        }

        if (points is { Count: > 1 })
        {
            html.Append("<script>\n").Append(ReportAssets.PointScript).Append("</script>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendFigures(StringBuilder html, IEnumerable<(string Title, string Svg)> charts)
    {
        foreach (var (title, svg) in charts)
        {
            // A chart that draws its own title gets no heading above it, so the title is not read twice.
            string escaped = Markup.Escape(title);
            html.Append("<figure aria-label=\"").Append(escaped).Append("\">\n");
            if (!svg.Contains(escaped, StringComparison.Ordinal))
            {
                html.Append("<h3>").Append(escaped).Append("</h3>\n");
            }

            html.Append(Inline(svg)).Append("</figure>\n");
        }
    }

    /// <summary>The per-point charts: a selector and, per point, its charts in a block of their own, all but the first hidden until chosen.</summary>
    private static void AppendPoints(StringBuilder html, ResultTables tables, IReadOnlyList<ReportPoint> points)
    {
        if (points.Count > 1)
        {
            html.Append("<div class=\"controls\">\n<label for=\"point\">Sweep point</label>\n<select id=\"point\">\n");
            for (int i = 0; i < points.Count; i++)
            {
                html.Append("<option value=\"").Append(Markup.Integer(points[i].Point)).Append('"').Append(i == 0 ? " selected" : string.Empty).Append('>')
                    .Append(Markup.Escape(points[i].Name)).Append("</option>\n");
            }

            html.Append("</select>\n</div>\n");
        }

        int all = Math.Max(tables.Points.Count, points.Count);
        if (all > points.Count)
        {
            html.Append("<p class=\"note\">This sweep has ").Append(Markup.Integer(all)).Append(" points; the report carries the charts of points ")
                .Append(Markup.Integer(points[0].Point)).Append(" to ").Append(Markup.Integer(points[^1].Point))
                .Append(" (as numbered in summary.csv). To draw another point\u2019s charts into plots/, run <code>orgsim plot DIR --point N</code>.</p>\n");
        }

        for (int i = 0; i < points.Count; i++)
        {
            html.Append("<div class=\"point-charts\" data-point=\"").Append(Markup.Integer(points[i].Point)).Append('"').Append(i == 0 ? string.Empty : " hidden").Append(">\n");
            AppendFigures(html, points[i].Charts);
            html.Append("</div>\n");
        }
    }

    private static void AppendSpread(StringBuilder html, ResultTables tables, ReadableChart readable)
    {
        OrgChart chart = readable.Chart;
        html.Append("<p>One run per arm (the first replicate")
            .Append(tables.Points.Count > 1 ? " at the first sweep point" : string.Empty)
            .Append("). Each row is a level of the organisation; each rectangle is a team")
            .Append(readable.Note is null ? string.Empty : " or a group of teams (the chart says how they were grouped)")
            .Append(", as wide as the people in it and under it, beneath the team of its manager. Teams too small to draw are pooled per level (“N teams”). ")
            .Append("The darker a rectangle, the larger the share of its team's competency pairs at stage 2 or 3. Press Play, or drag the slider; hover over a rectangle for its numbers.</p>\n");

        if (chart.Arms.Count == 0)
        {
            html.Append("<p class=\"note\">The org chart has no arms recorded.</p>\n</section>\n");
            return;
        }

        string horizon = Markup.Integer(tables.HorizonWeeks);
        html.Append("<div class=\"controls\">\n<label for=\"arm\">Arm</label>\n<select id=\"arm\">\n");
        for (int a = 0; a < chart.Arms.Count; a++)
        {
            html.Append("<option value=\"").Append(Markup.Integer(a)).Append('"').Append(a == 0 ? " selected" : string.Empty).Append('>')
                .Append(Markup.Escape(chart.Arms[a].Name)).Append("</option>\n");
        }

        html.Append("</select>\n<button id=\"play\" type=\"button\">Play</button>\n")
            .Append("<input type=\"range\" id=\"week\" min=\"0\" max=\"").Append(horizon).Append("\" step=\"1\" value=\"0\" aria-label=\"Week\">\n")
            .Append("<span id=\"week-label\">week 0</span>\n</div>\n");
        html.Append("<div id=\"spread-chart\">\n").Append(OrgChartSvg.Render(readable, 0, 0, interactive: true)).Append("</div>\n");

        html.Append("<h3>Snapshots</h3>\n<p>The same charts at weeks ").Append(string.Join(", ", OrgChartSvg.SnapshotWeeks(tables.HorizonWeeks).Select(Markup.Integer)))
            .Append(", for printing.</p>\n<div class=\"snapshots\">\n");
        for (int a = 0; a < chart.Arms.Count; a++)
        {
            int last = chart.Arms[a].Weeks.Count - 1;
            foreach (int week in OrgChartSvg.SnapshotWeeks(tables.HorizonWeeks).Select(w => Math.Min(w, last)).Where(w => w >= 0).Distinct())
            {
                html.Append("<figure>\n").Append(OrgChartSvg.Render(readable, a, week, interactive: false)).Append("</figure>\n");
            }
        }

        html.Append("</div>\n</section>\n");
    }

    /// <summary>
    /// The animation's data. System.Text.Json's default encoder escapes <c>&lt;</c>, <c>&gt;</c>,
    /// <c>&amp;</c>, quotes and every non-ASCII character as <c>\uXXXX</c>, which keeps the block
    /// inert inside <c>&lt;script&gt;</c>; the tests check it.
    /// </summary>
    private static string SpreadJson(ResultTables tables, ReadableChart readable)
    {
        OrgChart chart = readable.Chart;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("horizon", tables.HorizonWeeks);
            json.WriteStartArray("arms");
            foreach (OrgChartArm arm in chart.Arms)
            {
                json.WriteStringValue(arm.Name);
            }

            json.WriteEndArray();
            json.WriteStartArray("labels");
            foreach (IcicleCell cell in readable.Icicle.Cells)
            {
                json.WriteStringValue(cell.Name);
            }

            json.WriteEndArray();
            json.WriteStartArray("sizes");
            foreach (IcicleCell cell in readable.Icicle.Cells)
            {
                json.WriteNumberValue(cell.People);
            }

            json.WriteEndArray();
            json.WriteNumber("white_from", OrgChartSvg.TextTurnsWhite);
            json.WriteStartArray("colours");
            foreach (string colour in OrgChartSvg.Colours)
            {
                json.WriteStringValue(colour);
            }

            json.WriteEndArray();
            json.WriteStartArray("weeks");
            foreach (OrgChartArm arm in chart.Arms)
            {
                json.WriteStartArray();
                foreach (IReadOnlyList<byte> week in arm.Weeks)
                {
                    json.WriteStartArray();
                    foreach (IcicleCell cell in readable.Icicle.Cells)
                    {
                        json.WriteNumberValue(OrgChartIcicle.Percent(cell, week, chart.Teams));
                    }

                    json.WriteEndArray();
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// The question as paragraphs: blank lines separate them, wrapped lines join, and a line that
    /// starts a list item ("- ", "* ", "1. ") starts a new line.
    /// </summary>
    /// <summary>A self-contained page's start, up to and including <c>&lt;body&gt;</c>: <paramref name="title"/> (escaped here) and the report's style.</summary>
    internal static void AppendHead(StringBuilder html, string title) =>
        html.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Markup.Escape(title)).Append("</title>\n")
            .Append("<link rel=\"icon\" href=\"data:,\">\n") // no favicon request, so no console error for a missing one
            .Append("<style>\n").Append(ReportAssets.Css).Append("</style>\n</head>\n<body>\n");

    internal static string Question(string question)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            return "<p class=\"note\">The scenario states no question: give it a <code>question:</code> key, or open the file with a comment that states it.</p>\n";
        }

        var html = new StringBuilder();
        var paragraph = new StringBuilder();
        void Flush()
        {
            if (paragraph.Length > 0)
            {
                html.Append("<p>").Append(paragraph).Append("</p>\n");
                paragraph.Clear();
            }
        }

        foreach (string raw in question.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (paragraph.Length > 0)
            {
                paragraph.Append(IsListItem(line) ? "<br>\n" : " ");
            }

            paragraph.Append(Markup.Escape(line));
        }

        Flush();
        return html.ToString();
    }

    private static bool IsListItem(string line) =>
        line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal) || line.StartsWith("• ", StringComparison.Ordinal)
        || (line.Length > 2 && char.IsAsciiDigit(line[0]) && line.TakeWhile(char.IsAsciiDigit).Count() is int digits && digits < line.Length - 1 && line[digits] is '.' or ')' && line[digits + 1] == ' ');

    /// <summary>An SVG document as inline markup: without its XML declaration or doctype, which HTML does not take.</summary>
    internal static string Inline(string svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        string text = svg.TrimStart('\uFEFF').TrimStart();
        foreach (string prefix in new[] { "<?xml", "<!DOCTYPE" })
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                int end = text.IndexOf('>', StringComparison.Ordinal);
                text = end < 0 ? string.Empty : text[(end + 1)..].TrimStart();
            }
        }

        return text.EndsWith('\n') ? text : text + "\n";
    }
}
