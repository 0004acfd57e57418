using System.Globalization;
using System.Text;
using OrgSim.Experiments.Charts;
using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Deck;

/// <summary>
/// <c>workshop.pptx</c>: the results of a folder as slides to take into a workshop — the title and
/// the question, the key message, one slide per chart titled with its takeaway, the org chart of each
/// arm at weeks 0, H/4, H/2, 3H/4 and H, and the method with the numbers. Drawn from the same tables,
/// charts and org chart as the report; byte-identical for identical input.
/// </summary>
public static class WorkshopDeck
{
    /// <summary>The width, in pixels, at which charts are drawn for a slide (a full-width picture on a 1920-pixel projector).</summary>
    public const int ChartPixels = 1600;

    /// <summary>The org chart snapshots span the slide's width, one above the other.</summary>
    public const int SnapshotPixels = 1800;

    /// <summary>Arms whose org charts share a slide, stacked.</summary>
    public const int ArmsPerOrgChartSlide = 2;

    /// <summary>The week of a snapshot, from its title ("ARM — week N"); 0 when it has none.</summary>
    private static int SnapshotWeek(string title) =>
        System.Text.RegularExpressions.Regex.Match(title, @"week (\d+)$") is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    /// <summary>The deck as the bytes of a .pptx file.</summary>
    /// <exception cref="InvalidDataException">A chart could not be drawn as PNG; the message names it.</exception>
    public static byte[] Build(ResultTables tables, IReadOnlyList<Chart> charts, OrgChart? org, RunFacts facts) =>
        PptxWriter.Write(tables.Heading, Slides(tables, charts, org, facts));

    /// <summary>The slides, in order.</summary>
    /// <exception cref="InvalidDataException">A chart could not be drawn as PNG; the message names it.</exception>
    public static IReadOnlyList<DeckSlide> Slides(ResultTables tables, IReadOnlyList<Chart> charts, OrgChart? org, RunFacts facts)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(charts);
        ArgumentNullException.ThrowIfNull(facts);
        var slides = new List<DeckSlide>
        {
            new(DeckSlideKind.Cover, tables.Heading, Paragraphs(tables.Question), []),
        };

        IReadOnlyList<string> message = KeyMessage.Compose(tables);
        if (message.Count > 0)
        {
            slides.Add(new(DeckSlideKind.Message, "The key message", message, []));
        }

        foreach (Chart chart in charts)
        {
            string title = Takeaway.For(chart.FileName, tables) ?? chart.Title;
            slides.Add(new(DeckSlideKind.Picture, title, [], [new DeckPicture(ChartPng.Render(chart, ChartPixels), chart.Title)]));
        }

        if (org is not null && org.Arms.Count > 0)
        {
            // One slide per snapshot week with the arms' org charts stacked at full width, two to a
            // slide: the icicle is wide, and five to a slide made its names unreadable on a projector.
            IReadOnlyList<(string Title, string Svg)> snapshots = OrgChartSvg.Snapshots(org, tables.HorizonWeeks);
            int perArm = snapshots.Count / org.Arms.Count;
            for (int w = 0; w < perArm; w++)
            {
                int week = SnapshotWeek(snapshots[w].Title);
                for (int first = 0; first < org.Arms.Count; first += ArmsPerOrgChartSlide)
                {
                    var arms = Enumerable.Range(first, Math.Min(ArmsPerOrgChartSlide, org.Arms.Count - first)).ToList();
                    var pictures = arms.Select(arm => snapshots[(arm * perArm) + w])
                        .Select(s => new DeckPicture(ChartPng.Render(s.Title + ".svg", s.Svg, width: SnapshotPixels), s.Title)).ToList();
                    string which = org.Arms.Count <= ArmsPerOrgChartSlide ? string.Empty
                        : arms.Count == 1 ? string.Create(CultureInfo.InvariantCulture, $" (arm {first + 1} of {org.Arms.Count})")
                        : string.Create(CultureInfo.InvariantCulture, $" (arms {first + 1}–{arms[^1] + 1} of {org.Arms.Count})");
                    string when = week == 0 ? "at the start" : "after " + PlainNumbers.Duration(week);
                    slides.Add(new(DeckSlideKind.Gallery, $"The org chart {when}: " + string.Join(" and ", arms.Select(a => org.Arms[a].Name)) + which, [], pictures));
                }
            }
        }

        slides.Add(new(DeckSlideKind.Notes, "How these numbers were made", Method(tables, facts), []));
        return slides;
    }

    /// <summary>The question's paragraphs (blank lines separate them), each as one line.</summary>
    private static List<string> Paragraphs(string text) =>
        [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.TrimEntries)))];

    /// <summary>The method in two or three lines, then per arm the headline numbers with their 95% intervals.</summary>
    private static List<string> Method(ResultTables tables, RunFacts facts)
    {
        var lines = new List<string>();
        int runs = tables.Series.Where(s => s.Point == 0).Select(s => s.Replicates).DefaultIfEmpty(0).Max();
        var method = new StringBuilder("An agent-based simulation");
        if (facts.Agents is long agents)
        {
            method.Append(CultureInfo.InvariantCulture, $" of an organisation of {agents:N0} people");
        }

        method.Append(CultureInfo.InvariantCulture, $", week by week for {tables.HorizonWeeks} weeks; each of the {tables.Arms.Count} arms ran {runs} {(runs == 1 ? "time" : "times")}");
        if (facts.Seed is ulong seed)
        {
            method.Append(CultureInfo.InvariantCulture, $" (seed {seed})");
        }

        method.Append(". Numbers are means over the runs with their 95% confidence intervals; “competent” is stage 2 or 3 of the four stages of competence.");
        lines.Add(method.ToString());
        if (tables.ParameterPaths.Count > 0 && tables.Points.Count > 0)
        {
            lines.Add("A sweep: these slides show its first point (" + tables.PointValues(0) + "); summary.csv has every point.");
        }

        foreach (string arm in tables.Arms)
        {
            var parts = new List<string>();
            if (tables.Stat(0, arm, "competent_share_final") is { Mean: double final } f)
            {
                parts.Add($"competent at week {tables.HorizonWeeks}: {PlainNumbers.OneDecimal(100 * final)}%{Interval(f, 100)}");
            }

            if (tables.HalfwayReach(0, arm) is var (reached, n, weeks) && tables.Stat(0, arm, "weeks_to_50pct") is { } w)
            {
                parts.Add(reached >= n ? $"weeks to 50%: {PlainNumbers.OneDecimal(weeks)}{Interval(w, 1)}"
                    : $"50% reached in {reached} of {n} runs {PlainNumbers.Within(tables.HorizonWeeks)}");
            }

            if (tables.Stat(0, arm, "retention") is { Mean: double kept } k)
            {
                parts.Add($"retained after {tables.RetentionWeeks} weeks: {PlainNumbers.OneDecimal(100 * kept)}%{Interval(k, 100)}");
            }

            if (parts.Count > 0)
            {
                lines.Add(arm + " — " + string.Join("; ", parts) + ".");
            }
        }

        lines.Add("Made with OrgSim" + (facts.Version is { Length: > 0 } v ? " " + ShortVersion(v) : string.Empty) + "; the run's files (summary.csv, run.json) hold every number and parameter.");
        return lines;
    }

    /// <summary>"0.1.0+24d9a88e2ec7…" as "0.1.0 (24d9a88)": the commit is kept, short enough for a slide.</summary>
    private static string ShortVersion(string version) => version.Split('+') is [string release, string commit] && commit.Length > 7
        ? $"{release} ({commit[..7]})"
        : version;

    private static string Interval(StatRow row, double scale) => row is { Low: double low, High: double high, N: >= 2 }
        ? $" [{PlainNumbers.OneDecimal(scale * low)}, {PlainNumbers.OneDecimal(scale * high)}]"
        : string.Empty;
}
