using System.Globalization;
using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Charts;

/// <summary>
/// Draws every chart of a run from its results: what <c>orgsim run</c> and <c>orgsim plot</c> write
/// to <c>plots/</c> and the HTML report shows. Pure: no files, no clock; the same input gives
/// byte-identical SVG whatever the current culture.
/// </summary>
public static class ChartSet
{
    /// <summary>
    /// The charts of <paramref name="tables"/>, in reading order: adoption.svg, stages-COMPETENCY.svg
    /// (four), weeks-to.svg, levels.svg (when two or more levels were recorded), front.svg, retention.svg (when some arm trained anyone), heatmap.svg (only
    /// with more than one sweep point), wheel.svg, and wheel-teams.svg when <paramref name="orgChart"/>
    /// is given. With a sweep, all but the heatmap show the first point. Empty when there are no results.
    /// </summary>
    /// <param name="tables">The results, e.g. from <see cref="Output.ResultsFolder.DrawReport"/>.</param>
    /// <param name="orgChart">The org chart for the per-team wheels, or null to leave them out.</param>
    public static IReadOnlyList<Chart> Draw(ResultTables tables, OrgChart? orgChart)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.Series.Count == 0)
        {
            return [];
        }

        int point = tables.Series.Min(s => s.Point);
        var input = new ChartInput(tables, tables.Series.Where(s => s.Point == point).ToList(), Subtitle(tables, point));
        var charts = new List<Chart>();

        // A sensitivity analysis is what its folder is for: its charts come first, and a design's
        // points are scattered over many parameters, so there is no heatmap of them.
        string analysed = string.Create(CultureInfo.InvariantCulture, $"{tables.Name} · {tables.Points.Count:N0} design points × {tables.Series.Where(s => s.Point == point).Min(s => s.Replicates)} runs per arm");
        charts.AddRange(tables.Sensitivity.Select((a, i) => SensitivityChart.Draw(a, i, analysed)).OfType<Chart>());
        charts.Add(AdoptionChart.Draw(input));
        charts.AddRange(Enumerable.Range(0, ResultTables.CompetencyNames.Count).Select(c => StagesChart.Draw(input, c)));
        charts.Add(WeeksToChart.Draw(input));
        if (LevelsChart.Draw(input) is Chart levels)
        {
            charts.Add(levels);
        }

        charts.Add(FrontChart.Draw(input));
        if (RetentionChart.Draw(input) is Chart retention)
        {
            charts.Add(retention);
        }
        if (tables.Points.Count > 1 && tables.Sensitivity.Count == 0)
        {
            charts.Add(HeatmapChart.Draw(tables));
        }

        charts.Add(WheelChart.DrawOrganisation(input));
        if (orgChart is not null && WheelChart.DrawTeams(input, orgChart) is Chart teams)
        {
            charts.Add(teams);
        }

        return charts;
    }

    /// <summary>"quickstart · sweep point 1 of 6: a = 1, b = 2 · mean of 20 runs per arm".</summary>
    private static string Subtitle(ResultTables tables, int point)
    {
        var parts = new List<string> { tables.Name };
        if (tables.Points.Count > 1 && point < tables.Points.Count)
        {
            var values = tables.Points[point].Select((v, i) => $"{(i < tables.ParameterPaths.Count ? tables.ParameterPaths[i] : "?")} = {v}");
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"sweep point {point + 1} of {tables.Points.Count}: {string.Join(", ", values)}"));
        }

        int runs = tables.Series.Where(s => s.Point == point).Min(s => s.Replicates);
        parts.Add(runs == 1 ? "one run per arm" : string.Create(CultureInfo.InvariantCulture, $"mean of {runs} runs per arm"));
        return string.Join(" · ", parts.Where(p => p.Length > 0));
    }
}
