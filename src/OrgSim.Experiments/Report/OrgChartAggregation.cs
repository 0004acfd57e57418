namespace OrgSim.Experiments.Report;

/// <summary>An org chart ready to draw: its teams (or recorded groups) laid out as an icicle.</summary>
/// <param name="Chart">The chart to draw (its "teams" are groups when <paramref name="Note"/> is set).</param>
/// <param name="Icicle">The layout of <paramref name="Chart"/>'s teams.</param>
/// <param name="Note">How teams were grouped at recording, for the reader; null when the chart holds every team.</param>
internal sealed record ReadableChart(OrgChart Chart, OrgChartIcicle Icicle, string? Note);

/// <summary>
/// Keeps an org chart readable at any size: every team is laid out in the icicle of
/// <see cref="OrgChartIcicle"/>, which pools the teams too narrow to draw level by level under
/// their parent, so the tree keeps its shape however many teams there are. A chart recorded as
/// groups (<see cref="OrgChart.Grouping"/>, an organisation of more than
/// <see cref="OrgChartRecorder.MaxRecordedTeams"/> teams) is drawn as it is, with a note saying so.
/// </summary>
internal static class OrgChartAggregation
{
    /// <summary>The chart to draw for <paramref name="chart"/>.</summary>
    public static ReadableChart Readable(OrgChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        string? note = chart.Grouping is { } recorded ? OrgChartGrouping.Note(recorded.Teams, chart.Teams.Count, recorded.PooledUnits) : null;
        return new ReadableChart(chart, OrgChartIcicle.Compute(chart), note);
    }
}
