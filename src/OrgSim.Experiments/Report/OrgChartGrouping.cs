using System.Globalization;

namespace OrgSim.Experiments.Report;

/// <summary>
/// How the "teams" of an <see cref="OrgChart"/> stand for groups of the organisation's teams: set
/// when the organisation had more than <see cref="OrgChartRecorder.MaxRecordedTeams"/> teams, so
/// the run recorded the groups the report draws (<see cref="TeamGroups"/>) instead of every team.
/// </summary>
/// <param name="Teams">The organisation's teams, all of them in some group.</param>
/// <param name="PooledUnits">The smallest units, which share one column of groups ("other units"); 0 when every unit has its own.</param>
public sealed record OrgChartGrouping(int Teams, int PooledUnits)
{
    /// <summary>The line under the chart's title that tells the reader how teams were grouped.</summary>
    internal static string Note(int teams, int groups, int pooledUnits) =>
        $"{teams.ToString("N0", CultureInfo.InvariantCulture)} teams drawn as {groups.ToString(CultureInfo.InvariantCulture)} groups: each circle is the teams of one unit at one level"
        + (pooledUnits > 0 ? $"; the {pooledUnits.ToString(CultureInfo.InvariantCulture)} smallest units share the rightmost column" : string.Empty) + ".";
}
