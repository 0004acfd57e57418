using System.Diagnostics;
using OrgSim.Experiments.Charts;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Report;
using OrgSim.Experiments.Reporting;

namespace OrgSim.Cli.Commands;

/// <summary>
/// Draws <c>plots/*.svg</c> and <c>report.html</c> from the tables already in an output folder —
/// the same code for <c>orgsim run</c> and <c>orgsim plot DIR</c> — and, when asked and
/// <c>rsvg-convert</c> is installed, PNG copies of the charts.
/// </summary>
internal static class ReportFiles
{
    /// <summary>The folder, inside an output folder, that holds the charts.</summary>
    public const string PlotsFolder = "plots";

    /// <summary>Writes the charts and the report; returns the number of SVG files, or an error line. Notes (a missing PNG converter) go to <paramref name="notes"/>.</summary>
    public static (int Charts, string? Error) Write(string folder, bool png, TextWriter notes)
    {
        ResultTables tables;
        try
        {
            tables = ResultTables.Load(folder);
        }
        catch (IOException e)
        {
            return (0, e.Message);
        }

        OrgChart? chart = OrgChart.Read(folder);
        IReadOnlyList<Chart> charts = ChartSet.Draw(tables, chart);
        string plots = Path.Combine(folder, PlotsFolder);
        Directory.CreateDirectory(plots);
        using (var files = new AtomicFileSet(overwrite: true))
        {
            foreach (Chart c in charts)
            {
                files.Stage(Path.Combine(plots, c.FileName), w => w.Write(c.Svg));
            }

            // The org chart of each arm at weeks 0, H/4, H/2, 3H/4 and H, as files too.
            if (chart is not null)
            {
                foreach (var (arm, week, snapshot) in Snapshots(chart, tables.HorizonWeeks))
                {
                    string name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"orgchart-arm{arm + 1}-week{week:D3}.svg");
                    files.Stage(Path.Combine(plots, name), w => w.Write(snapshot));
                }
            }

            files.Stage(Path.Combine(folder, "report.html"), w => w.Write(ReportBuilder.Build(tables, charts.Select(c => (c.Title, c.Svg)).ToList(), chart)));
            files.Commit();
        }

        string[] drawn = Directory.GetFiles(plots, "*.svg").Order(StringComparer.Ordinal).ToArray();
        if (png && Png(drawn) is { } note)
        {
            notes.WriteLine(note);
        }

        return (drawn.Length, null);
    }

    /// <summary>Each arm's snapshots with their week, read from the snapshot's title ("ARM — week N").</summary>
    private static IEnumerable<(int Arm, int Week, string Svg)> Snapshots(OrgChart chart, int horizon)
    {
        IReadOnlyList<(string Title, string Svg)> all = OrgChartSvg.Snapshots(chart, horizon);
        int perArm = chart.Arms.Count == 0 ? 0 : all.Count / chart.Arms.Count;
        return all.Select((s, i) =>
        {
            var match = System.Text.RegularExpressions.Regex.Match(s.Title, @"week (\d+)$");
            int week = match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : i % Math.Max(1, perArm);
            return (perArm == 0 ? 0 : i / perArm, week, s.Svg);
        });
    }

    /// <summary>PNG copies through rsvg-convert; a missing converter is a note, not a failure.</summary>
    private static string? Png(IReadOnlyList<string> svgs)
    {
        foreach (string svg in svgs)
        {
            var start = new ProcessStartInfo("rsvg-convert", ["--width", "1800", "--background-color", "white", "-o", Path.ChangeExtension(svg, ".png"), svg])
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
                    return $"orgsim: rsvg-convert could not convert {Path.GetFileName(svg)} ({error.Trim()}); the SVG files are written";
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
