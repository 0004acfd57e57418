using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using OrgSim.Experiments.Charts;
using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Output;

/// <content>
/// The charts and the report, drawn from the tables already in the folder — the same code for
/// <c>orgsim run</c>, <c>orgsim merge</c> and <c>orgsim plot</c> — and, when asked and
/// <c>rsvg-convert</c> is installed, PNG copies of the charts.
/// </content>
public sealed partial class ResultsFolder
{
    /// <summary>What to do about a damaged table, <c>run.json</c> or <c>orgchart.json</c>: every one of them is written again from the run records.</summary>
    private const string DamagedFileAdvice = "rerun the 'orgsim run' or 'orgsim merge' command that wrote the folder (it writes the file again from the run records), or rerun the scenario with --overwrite";

    /// <summary>
    /// Writes <c>plots/*.svg</c> and <c>report.html</c>, all or none. Charts of other tables never
    /// linger: <see cref="Assemble"/> removes the report and its charts whenever it replaces the tables.
    /// Notes (a missing PNG converter) go to <paramref name="note"/>.
    /// </summary>
    /// <param name="png">Also write PNG copies.</param>
    /// <param name="note">Where notes go.</param>
    /// <param name="point">The sweep point (as numbered in summary.csv) whose charts go to <c>plots/</c>; null for the first. The report carries every point's up to <see cref="ChartSet.MaxReportPoints"/>, with a selector.</param>
    /// <returns>The number of SVG files, or an error line when the tables cannot be read or have no point <paramref name="point"/>.</returns>
    /// <exception cref="IOException">A file could not be written.</exception>
    public (int Charts, string? Error) DrawReport(bool png, Action<string> note, int? point = null)
    {
        ArgumentNullException.ThrowIfNull(note);
        ResultTables tables;
        OrgChart? chart;
        try
        {
            tables = ResultTablesReader.Load(Path);
            chart = OrgChart.ReadFile(Target(OrgChartFileName));
        }
        catch (IOException e)
        {
            return (0, e.Message);
        }
        catch (DamagedFileException e)
        {
            return (0, $"{e.Message}; {DamagedFileAdvice}");
        }
        IReadOnlyList<int> points = ChartSet.Points(tables);
        if (point is int asked && !points.Contains(asked))
        {
            return (0, points.Count == 0
                ? string.Create(CultureInfo.InvariantCulture, $"--point {asked}, but the folder has no results to draw")
                : string.Create(CultureInfo.InvariantCulture, $"--point {asked}, but the folder's sweep points are {points[0]} to {points[^1]} (as numbered in summary.csv)"));
        }

        IReadOnlyList<Chart> charts = ChartSet.Draw(tables, chart, point);
        string report = Report(tables, chart, charts, points);
        string plots = Target(PlotsFolderName);
        Directory.CreateDirectory(plots);
        var drawn = new List<string>();
        using (var files = new AtomicFileSet(overwrite: true, Journal))
        {
            foreach (Chart c in charts)
            {
                files.Stage(System.IO.Path.Combine(plots, c.FileName), w => w.Write(c.Svg));
            }

            // The org chart of each arm at weeks 0, H/4, H/2, 3H/4 and H, as files too.
            if (chart is not null)
            {
                foreach (var (arm, week, snapshot) in Snapshots(chart, tables.HorizonWeeks))
                {
                    string name = string.Create(CultureInfo.InvariantCulture, $"orgchart-arm{arm + 1}-week{week:D3}.svg");
                    files.Stage(System.IO.Path.Combine(plots, name), w => w.Write(snapshot));
                }
            }

            drawn.AddRange(files.Targets);
            files.Stage(Target(ReportFileName), w => w.Write(report));
            files.Commit();
        }

        if (png && Png(drawn) is { } message)
        {
            note(message);
        }

        return (drawn.Count, null);
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
            .Select(p => new ReportBuilder.ReportPoint(p, ChartSet.PointName(tables, p) is { Length: > 0 } name ? name + string.Create(CultureInfo.InvariantCulture, $" (point {p} in summary.csv)") : string.Create(CultureInfo.InvariantCulture, $"point {p}"), Pairs(ChartSet.DrawPoint(tables, chart, p))))
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

    /// <summary>PNG copies through rsvg-convert; a missing converter is a note, not a failure.</summary>
    private static string? Png(IReadOnlyList<string> svgs)
    {
        foreach (string svg in svgs.Order(StringComparer.Ordinal))
        {
            var start = new ProcessStartInfo("rsvg-convert", ["--width", "1800", "--background-color", "white", "-o", System.IO.Path.ChangeExtension(svg, ".png"), svg])
            {
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            try
            {
                using Process process = Process.Start(start)!;
                string error = process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    return $"orgsim: rsvg-convert could not convert {System.IO.Path.GetFileName(svg)} ({error.Trim()}); the SVG files are written";
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return "orgsim: --png needs rsvg-convert, which is not installed; on Debian or Ubuntu: sudo apt-get install librsvg2-bin (the SVG files are written)";
            }
        }

        return null;
    }
}
