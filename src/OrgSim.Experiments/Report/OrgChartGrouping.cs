using System.Globalization;
using System.Text.Json.Serialization;

namespace OrgSim.Experiments.Report;

/// <summary>
/// How the "teams" of an <see cref="OrgChart"/> stand for groups of the organisation's teams: set
/// when the organisation had more than <see cref="OrgChartRecorder.MaxRecordedTeams"/> teams, so
/// the run recorded the groups the report draws (<see cref="TeamGroups"/>) instead of every team.
/// </summary>
/// <param name="Teams">The organisation's teams, all of them in some group.</param>
/// <param name="PooledUnits">The smallest units, which share one column of groups ("other units"); 0 when every unit has its own.</param>
/// <remarks>Both keys are required in orgchart.json: a missing one would read as 0, a grouping no run made.</remarks>
public sealed record OrgChartGrouping([property: JsonRequired] int Teams, [property: JsonRequired] int PooledUnits)
{
    /// <summary>The line under the chart's title that tells the reader how teams were grouped.</summary>
    internal static string Note(int teams, int groups, int pooledUnits) =>
        $"{teams.ToString("N0", CultureInfo.InvariantCulture)} teams drawn as {groups.ToString(CultureInfo.InvariantCulture)} groups: each rectangle is the teams of one unit at one level"
        + (pooledUnits > 0 ? $"; the {pooledUnits.ToString(CultureInfo.InvariantCulture)} smallest units share the rightmost rectangles" : string.Empty) + ".";
}
