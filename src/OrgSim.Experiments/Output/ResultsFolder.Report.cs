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
    /// <returns>The number of SVG files and the report's key message, or an error line when the tables cannot be read or a chart cannot be drawn as PNG.</returns>
    /// <exception cref="IOException">A file could not be written.</exception>
    public (int Charts, string? Error, IReadOnlyList<string> KeyMessage) DrawReport(bool png, Action<string> note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var (tables, chart, error) = LoadTables();
        if (tables is null)
        {
            return (0, error, []);
        }
        IReadOnlyList<Chart> charts = ChartSet.Draw(tables, chart);

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

            files.Stage(Target(ReportFileName), w => w.Write(ReportBuilder.Build(tables, charts.Select(c => (c.Title, c.Svg)).ToList(), chart)));
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
