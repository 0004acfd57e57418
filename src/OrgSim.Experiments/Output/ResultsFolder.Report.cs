using System.Globalization;
using System.Text.RegularExpressions;
using OrgSim.Experiments.Charts;
using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Output;

/// <content>
/// The charts and the report, drawn from the tables already in the folder — the same code for
/// <c>orgsim run</c>, <c>orgsim merge</c> and <c>orgsim plot</c> — and, when asked, PNG copies of
/// the charts, drawn in-process (<see cref="ChartPng"/>).
/// </content>
public sealed partial class ResultsFolder
{
    /// <summary>What to do about a damaged table, <c>run.json</c> or <c>orgchart.json</c>: every one of them is written again from the run records.</summary>
    private const string DamagedFileAdvice = "rerun the 'orgsim run' or 'orgsim merge' command that wrote the folder (it writes the file again from the run records), or rerun the scenario with --overwrite";

    /// <summary>
    /// Writes <c>plots/*.svg</c> (with <paramref name="png"/>, <c>plots/*.png</c> beside them) and
    /// <c>report.html</c>, all or none. Charts of other tables never linger: <see cref="Assemble"/>
    /// removes the report and its charts whenever it replaces the tables. Notes go to <paramref name="note"/>.
    /// </summary>
    /// <param name="png">Also write PNG copies.</param>
    /// <param name="note">Where notes go.</param>
    /// <param name="point">The sweep point (as numbered in summary.csv) whose charts go to <c>plots/</c>; null for the first. The report carries every point's up to <see cref="ChartSet.MaxReportPoints"/>, with a selector.</param>
    /// <returns>The number of SVG files and the report's key message, or an error line when the tables cannot be read, have no point <paramref name="point"/>, or a chart cannot be drawn as PNG.</returns>
    /// <exception cref="IOException">A file could not be written.</exception>
    public (int Charts, string? Error, IReadOnlyList<string> KeyMessage) DrawReport(bool png, Action<string> note, int? point = null)
    {
        ArgumentNullException.ThrowIfNull(note);
        var (tables, chart, error) = LoadTables();
        if (tables is null)
        {
            return (0, error, []);
        }
        IReadOnlyList<int> points = ChartSet.Points(tables);
        if (point is int asked && !points.Contains(asked))
        {
            return (0, points.Count == 0
                ? string.Create(CultureInfo.InvariantCulture, $"--point {asked}, but the folder has no results to draw")
                : points.Count == 1 ? string.Create(CultureInfo.InvariantCulture, $"--point {asked}, but the folder has no sweep: its only point is {points[0]}; leave --point out")
                : string.Create(CultureInfo.InvariantCulture, $"--point {asked}, but the folder's sweep points are {points[0]} to {points[^1]} (as numbered in summary.csv)"), []);
        }

        IReadOnlyList<Chart> charts = ChartSet.Draw(tables, chart, point);
        string report = Report(tables, chart, charts, points);

        // The org chart of each arm at weeks 0, H/4, H/2, 3H/4 and H, as files too.
        var svgs = charts.Select(c => (c.FileName, c.Svg, c.Png)).ToList();
        if (chart is not null)
        {
            svgs.AddRange(Snapshots(chart, tables.HorizonWeeks).Select(s =>
                (string.Create(CultureInfo.InvariantCulture, $"orgchart-arm{s.Arm + 1}-week{s.Week:D3}.svg"), s.Svg, (Func<int, byte[]>?)null)));
        }

        // Every PNG is drawn before anything is written, so that a chart that cannot be drawn leaves the folder as it was.
        var pngs = new List<(string FileName, byte[] Bytes)>();
        if (png)
        {
            try
            {
                pngs.AddRange(svgs.Select(s => (System.IO.Path.ChangeExtension(s.FileName, ".png"), ChartPng.Render(s.FileName, s.Svg, s.Png))));
            }
            catch (InvalidDataException e)
            {
                return (0, $"{e.Message}; nothing was written; run again without --png for the SVG files and report, and please report the problem", []);
            }
        }

        string plots = Target(PlotsFolderName);
        Directory.CreateDirectory(plots);
        using (var files = new AtomicFileSet(overwrite: true, Journal))
        {
            foreach (var (fileName, svg, _) in svgs)
            {
                files.Stage(System.IO.Path.Combine(plots, fileName), w => w.Write(svg));
            }

            foreach (var (fileName, bytes) in pngs)
            {
                files.Stage(System.IO.Path.Combine(plots, fileName), bytes);
            }

            files.Stage(Target(ReportFileName), w => w.Write(report));
            files.Commit();
        }

        return (svgs.Count, null, KeyMessage.Compose(tables));
    }

    /// <summary>The tables and the org chart (null without orgchart.json), or an error line.</summary>
    private (ResultTables? Tables, OrgChart? Chart, string? Error) LoadTables()
    {
        try
        {
            return (ResultTablesReader.Load(Path), OrgChart.ReadFile(Target(OrgChartFileName)), null);
        }
        catch (IOException e)
        {
            return (null, null, e.Message);
        }
        catch (DamagedFileException e)
        {
            return (null, null, $"{e.Message}; {DamagedFileAdvice}");
        }
    }

    /// <summary>The report: for a sweep, the overview charts and a selectable block of charts per point (the first <see cref="ChartSet.MaxReportPoints"/>); otherwise <paramref name="charts"/>.</summary>
    private static string Report(ResultTables tables, OrgChart? chart, IReadOnlyList<Chart> charts, IReadOnlyList<int> points)
    {
        static List<(string Title, string Svg)> Pairs(IEnumerable<Chart> list) => list.Select(c => (c.Title, c.Svg)).ToList();
        if (points.Count <= 1)
        {
            return ReportBuilder.Build(tables, Pairs(charts), chart);
        }

        var perPoint = points.Take(ChartSet.MaxReportPoints)
            .Select(p => new ReportBuilder.ReportPoint(p, ChartSet.PointName(tables, p) is { Length: > 0 } name ? name + string.Create(CultureInfo.InvariantCulture, $" (point {p} in summary.csv)") : string.Create(CultureInfo.InvariantCulture, $"point {p}"), Pairs(ChartSet.DrawPoint(tables, chart, p).Select(c => c with { Svg = SvgIds.Scope(c.Svg, string.Create(CultureInfo.InvariantCulture, $"p{p}-")) }))))
            .ToList();
        return ReportBuilder.Build(tables, Pairs(ChartSet.DrawOverview(tables)), chart, perPoint);
    }

    /// <summary>Each arm's snapshots with their week, read from the snapshot's title ("ARM — week N").</summary>
    private static IEnumerable<(int Arm, int Week, string Svg)> Snapshots(OrgChart chart, int horizon)
    {
        IReadOnlyList<(string Title, string Svg)> all = OrgChartSvg.Snapshots(chart, horizon);
        int perArm = chart.Arms.Count == 0 ? 0 : all.Count / chart.Arms.Count;
        return all.Select((s, i) =>
        {
            Match match = Regex.Match(s.Title, @"week (\d+)$");
            int week = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : i % Math.Max(1, perArm);
            return (perArm == 0 ? 0 : i / perArm, week, s.Svg);
        });
    }
}
