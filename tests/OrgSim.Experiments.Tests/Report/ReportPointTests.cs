using System.Text.RegularExpressions;
using OrgSim.Experiments.Charts;
using OrgSim.Experiments.Jobs;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Tests.Report;

/// <summary>The sweep-point selector of the report and <c>orgsim plot --point</c>.</summary>
public partial class ReportPointTests
{
    private static readonly string Sweep = TestScenarios.SmallText(agents: 60, replicates: 2, horizon: 8) + "\nsweep:\n  grid:\n    model.transmission: [0.02, 0.3, 0.9]\n";

    [GeneratedRegex("<div class=\"point-charts\" data-point=\"(\\d+)\"( hidden)?>\\n(.*?)</div>\\n(?=<div class=\"point-charts\"|</section>)", RegexOptions.Singleline)]
    private static partial Regex PointBlock();

    [GeneratedRegex("<option value=\"(\\d+)\"[^>]*>([^<]*)</option>")]
    private static partial Regex Option();

    [Fact]
    public void Report_OfASweep_OffersEveryPointAndDrawsEachPointsOwnCharts()
    {
        string folder = TestRuns.InFolder(Sweep, report: true);
        string html = File.ReadAllText(Path.Combine(folder, ResultsFolder.ReportFileName));

        int select = html.IndexOf("<select id=\"point\">", StringComparison.Ordinal);
        Assert.True(select >= 0, "no point selector");
        var options = Option().Matches(html[select..html.IndexOf("</select>", select, StringComparison.Ordinal)]).ToList();
        Assert.Equal(["0", "1", "2"], options.Select(o => o.Groups[1].Value));
        Assert.StartsWith("sweep point 2 of 3: model.transmission = 0.3 (point 1 in summary.csv)", options[1].Groups[2].Value, StringComparison.Ordinal);

        var blocks = PointBlock().Matches(html).ToList();
        Assert.Equal(["0", "1", "2"], blocks.Select(b => b.Groups[1].Value));
        Assert.Equal([false, true, true], blocks.Select(b => b.Groups[2].Success));

        // The adoption chart of each point is that point's, and the points' data differ, so do the charts.
        string Adoption(int p) => Regex.Match(blocks[p].Groups[3].Value, "<figure aria-label=\"Competent share over time\">.*?</figure>", RegexOptions.Singleline).Value;
        Assert.All(Enumerable.Range(0, 3), p => Assert.NotEmpty(Adoption(p)));
        Assert.Equal(3, Enumerable.Range(0, 3).Select(Adoption).Distinct().Count());
        Assert.Contains("sweep point 3 of 3", Adoption(2), StringComparison.Ordinal);

        // The heatmap covers the whole sweep and is drawn once, outside the blocks.
        Assert.Equal(1, Regex.Count(html, "<title>Competent share at the horizon across the sweep"));
        Assert.DoesNotContain(blocks, b => b.Value.Contains("Competent share at the horizon across the sweep", StringComparison.Ordinal));
        Assert.Contains("document.getElementById('point')", html, StringComparison.Ordinal);

        // The same chart inlined once per point keeps its ids unique in the page, so a point's clip paths are its own.
        var ids = Regex.Matches(html, "\\bid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Empty(ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Contains("url(#p1-adoption-clip1)", blocks[1].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_WithoutASweep_HasNoPointSelector()
    {
        string folder = TestRuns.InFolder(TestScenarios.SmallText(agents: 60, replicates: 2, horizon: 8), report: true);
        string html = File.ReadAllText(Path.Combine(folder, ResultsFolder.ReportFileName));

        Assert.DoesNotContain("id=\"point\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("point-charts", html.Replace(".point-charts[hidden]", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        JobOutcome refused = PlotJob.Execute(folder, png: false, _ => { }, point: 1);
        Assert.Equal("orgsim plot: --point 1, but the folder has no sweep: its only point is 0; leave --point out", Assert.Single(refused.Errors));
    }

    [Fact]
    public void Plot_WithAPoint_DrawsThatPointsChartsIntoPlots_AndRefusesAPointTheSweepHasNot()
    {
        string folder = TestRuns.InFolder(Sweep, report: true);
        string adoption = Path.Combine(folder, ResultsFolder.PlotsFolderName, "adoption.svg");
        string first = File.ReadAllText(adoption);
        Assert.Contains("sweep point 1 of 3", first, StringComparison.Ordinal);
        string report = File.ReadAllText(Path.Combine(folder, ResultsFolder.ReportFileName));

        Assert.Equal(JobStatus.Success, PlotJob.Execute(folder, png: false, _ => { }, point: 2).Status);
        string third = File.ReadAllText(adoption);
        Assert.Contains("sweep point 3 of 3", third, StringComparison.Ordinal);
        Assert.Equal(report, File.ReadAllText(Path.Combine(folder, ResultsFolder.ReportFileName)));

        JobOutcome refused = PlotJob.Execute(folder, png: false, _ => { }, point: 3);
        Assert.Equal(JobStatus.BadInput, refused.Status);
        Assert.Contains("--point 3, but the folder's sweep points are 0 to 2", string.Join('\n', refused.Errors), StringComparison.Ordinal);
        Assert.Equal(third, File.ReadAllText(adoption));
    }

    [Fact]
    public void Draw_OfAPoint_IsThatPointsCharts_AndTheDefaultIsTheFirst()
    {
        ResultTables tables = ResultTablesReader.Load(TestRuns.InFolder(Sweep));

        Assert.Equal([0, 1, 2], ChartSet.Points(tables));
        Assert.Equal(ChartSet.Draw(tables, null).Select(c => c.Svg), ChartSet.Draw(tables, null, 0).Select(c => c.Svg));
        Assert.Equal(ChartSet.Draw(tables, null).Select(c => c.Svg), ChartSet.Draw(tables, null, 99).Select(c => c.Svg));
        Assert.NotEqual(ChartSet.DrawPoint(tables, null, 0)[0].Svg, ChartSet.DrawPoint(tables, null, 1)[0].Svg);
        Assert.Equal(ChartSet.DrawPoint(tables, null, 1).Select(c => c.Svg), ChartSet.DrawPoint(tables, null, 1).Select(c => c.Svg));
        Assert.Equal(["heatmap.svg"], ChartSet.DrawOverview(tables).Select(c => c.FileName));
    }

    [Fact]
    public void Build_OfAHugeSweep_SaysWhichPointsItCarriesAndHowToDrawAnother()
    {
        ResultTables tables = ReportFixtures.Tables() with { Points = Enumerable.Range(0, 60).Select(p => (IReadOnlyList<string>)[p.ToString(System.Globalization.CultureInfo.InvariantCulture)]).ToList() };
        var points = Enumerable.Range(0, ChartSet.MaxReportPoints).Select(p => new ReportBuilder.ReportPoint(p, "p" + p, [("Chart " + p, "<svg><text>" + p + "</text></svg>")])).ToList();

        string html = ReportBuilder.Build(tables, [], null, points);

        Assert.Equal(ChartSet.MaxReportPoints, Regex.Count(html, "<option value="));
        Assert.Contains("This sweep has 60 points; the report carries the charts of points 0 to 49 (as numbered in summary.csv). To draw another point\u2019s charts into plots/, run <code>orgsim plot DIR --point N</code>.", html, StringComparison.Ordinal);
        Assert.Equal(ChartSet.MaxReportPoints - 1, Regex.Count(html, "data-point=\"\\d+\" hidden>"));
    }
}
