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
    /// <summary>The most sweep points whose charts the report carries, each selectable; a larger sweep's report shows the first ones and says how to draw another.</summary>
    public const int MaxReportPoints = 50;

    /// <summary>
    /// The charts of <paramref name="tables"/>, in reading order: adoption.svg, stages-COMPETENCY.svg
    /// (four), weeks-to.svg, levels.svg (when two or more levels were recorded), front.svg, retention.svg (when some arm trained anyone), heatmap.svg (only
    /// with more than one sweep point), wheel.svg, and wheel-teams.svg when <paramref name="orgChart"/>
    /// is given. With a sweep, all but the heatmap show sweep point <paramref name="point"/> (the first when null,
    /// or when the sweep has no such point). Empty when there are no results.
    /// </summary>
    /// <param name="tables">The results, e.g. from <see cref="Output.ResultsFolder.DrawReport"/>.</param>
    /// <param name="orgChart">The org chart for the per-team wheels, or null to leave them out.</param>
    /// <param name="point">The sweep point of the per-point charts, or null for the first.</param>
    public static IReadOnlyList<Chart> Draw(ResultTables tables, OrgChart? orgChart, int? point = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.Series.Count == 0)
        {
            return [];
        }

        int drawn = point is int p && tables.Series.Any(s => s.Point == p) ? p : tables.Series.Min(s => s.Point);
        var charts = new List<Chart>();
        charts.AddRange(DrawSensitivity(tables));
        IReadOnlyList<Chart> perPoint = DrawPoint(tables, orgChart, drawn);
        int wheels = perPoint.ToList().FindIndex(c => c.FileName.StartsWith("wheel", StringComparison.Ordinal));
        charts.AddRange(wheels < 0 ? perPoint : perPoint.Take(wheels));
        charts.AddRange(DrawHeatmap(tables));
        charts.AddRange(wheels < 0 ? [] : perPoint.Skip(wheels));
        return charts;
    }

    /// <summary>The sweep points that have results, in order.</summary>
    public static IReadOnlyList<int> Points(ResultTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return tables.Series.Select(s => s.Point).Distinct().Order().ToList();
    }

    /// <summary>The charts that cover the whole run rather than one sweep point: the sensitivity charts, then the heatmap of a sweep.</summary>
    public static IReadOnlyList<Chart> DrawOverview(ResultTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return tables.Series.Count == 0 ? [] : [.. DrawSensitivity(tables), .. DrawHeatmap(tables)];
    }

    /// <summary>The charts of one sweep point, <paramref name="point"/>, in reading order (adoption … wheel-teams); empty when it has no results.</summary>
    public static IReadOnlyList<Chart> DrawPoint(ResultTables tables, OrgChart? orgChart, int point)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var series = tables.Series.Where(s => s.Point == point).ToList();
        if (series.Count == 0)
        {
            return [];
        }

        var input = new ChartInput(tables, series, Subtitle(tables, point));
        var charts = new List<Chart> { AdoptionChart.Draw(input) };
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

        charts.Add(WheelChart.DrawOrganisation(input));
        if (orgChart is not null && WheelChart.DrawTeams(input, orgChart) is Chart teams)
        {
            charts.Add(teams);
        }

        return charts;
    }

    /// <summary>"sweep point 2 of 6: a = 1, b = 2", the name of a point in the report's selector; "" without a sweep.</summary>
    public static string PointName(ResultTables tables, int point)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.Points.Count <= 1 || point < 0 || point >= tables.Points.Count)
        {
            return string.Empty;
        }

        return string.Create(CultureInfo.InvariantCulture, $"sweep point {point + 1} of {tables.Points.Count}: {tables.PointValues(point)}");
    }

    // A sensitivity analysis is what its folder is for: its charts come first, and a design's
    // points are scattered over many parameters, so there is no heatmap of them.
    private static IEnumerable<Chart> DrawSensitivity(ResultTables tables)
    {
        int first = tables.Series.Min(s => s.Point);
        string analysed = string.Create(CultureInfo.InvariantCulture, $"{tables.Name} · {tables.Points.Count:N0} design points × {tables.Series.Where(s => s.Point == first).Min(s => s.Replicates)} runs per arm");
        return tables.Sensitivity.Select((a, i) => SensitivityChart.Draw(a, i, analysed)).OfType<Chart>();
    }

    private static IEnumerable<Chart> DrawHeatmap(ResultTables tables) =>
        tables.Points.Count > 1 && tables.Sensitivity.Count == 0 ? [HeatmapChart.Draw(tables)] : [];

    /// <summary>"quickstart · sweep point 1 of 6: a = 1, b = 2 · mean of 20 runs per arm".</summary>
    private static string Subtitle(ResultTables tables, int point)
    {
        var parts = new List<string> { tables.Name, PointName(tables, point) };
        int runs = tables.Series.Where(s => s.Point == point).Min(s => s.Replicates);
        parts.Add(runs == 1 ? "one run per arm" : string.Create(CultureInfo.InvariantCulture, $"mean of {runs} runs per arm"));
        return string.Join(" · ", parts.Where(p => p.Length > 0));
    }
}
