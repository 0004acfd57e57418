using System.Globalization;
using OrgSim.Experiments.Organisations;

namespace OrgSim.Experiments.Report;

/// <summary>
/// Teams grouped by level within units, the way a large org chart is drawn: a unit is a team on
/// the first row of the tree that has two or more teams (the divisions under the top team; the top
/// teams themselves in a flat forest) together with everything under it, and each group is all
/// the teams of one unit at one level — one row of groups per level, one column per unit. The rows
/// above the units stay single teams. The <see cref="MaxUnits"/> − 1 largest units (by people)
/// keep their own column; the rest share one column, "other units", on the right. A group's size
/// is its people.
/// </summary>
/// <remarks>
/// Used by <see cref="OrgChartRecorder"/>, which records these groups instead of the teams when an
/// organisation has too many teams to record one by one; the report then lays the groups out as
/// it lays out teams (<see cref="OrgChartIcicle"/>). There are at most <see cref="MaxUnits"/>
/// groups per row of the tree.
/// </remarks>
/// <param name="GroupOf">Per team, the index of its group.</param>
/// <param name="Groups">The groups as chart teams: parent group, row, people and a label ("30 teams under Sales at level 2").</param>
/// <param name="Members">Per group, its teams in index order.</param>
/// <param name="PooledUnits">The units that share the "other units" column.</param>
internal sealed record TeamGroups(int[] GroupOf, IReadOnlyList<OrgChartTeam> Groups, IReadOnlyList<int[]> Members, int PooledUnits)
{
    /// <summary>The most columns (units) of the grouped chart.</summary>
    public const int MaxUnits = 16;

    /// <summary>The groups of the teams whose team <c>t</c> has parent <c>parents[t]</c> (-1 at the top), <c>sizes[t]</c> people and the name <c>label(t)</c>.</summary>
    /// <remarks><paramref name="label"/> is asked only for the teams a label names: linear in the teams, whose labels need not exist as strings.</remarks>
    public static TeamGroups Of(IReadOnlyList<int> parents, IReadOnlyList<int> sizes, Func<int, string> label)
    {
        ArgumentNullException.ThrowIfNull(parents);
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(label);
        int n = parents.Count;
        var forest = ReportingForest.Repair(parents);
        IReadOnlyList<int> parent = forest.Managers, order = forest.BreadthFirstOrder, depth = forest.Depth;
        int rows = n == 0 ? 0 : depth.Max() + 1;
        var perRow = new int[rows];
        foreach (int d in depth)
        {
            perRow[d]++;
        }

        int unitRow = Enumerable.Range(0, rows).FirstOrDefault(d => perRow[d] >= 2, rows);
        var unit = new int[n];
        foreach (int v in order)
        {
            unit[v] = depth[v] < unitRow ? -1 : depth[v] == unitRow ? v : unit[parent[v]];
        }

        var people = new Dictionary<int, long>();
        foreach (int v in order.Where(v => unit[v] >= 0))
        {
            people[unit[v]] = people.GetValueOrDefault(unit[v]) + sizes[v];
        }

        var units = order.Where(v => depth[v] == unitRow).ToList();
        HashSet<int> kept = units.Count <= MaxUnits ? [.. units] : [.. units.OrderByDescending(u => people[u]).ThenBy(u => u).Take(MaxUnits - 1)];
        const int Pool = -2;

        // Groups row by row, units in the organisation's order and the pool last, so the grouped
        // tree keeps the left-to-right order of the full one.
        var groupOf = new int[n];
        var members = new List<int[]>();
        var keys = new List<int>();
        for (int d = 0; d < rows; d++)
        {
            var atRow = order.Where(v => depth[v] == d).ToList();
            var byKey = atRow.GroupBy(v => unit[v] < 0 ? -3 - v : kept.Contains(unit[v]) ? unit[v] : Pool)
                .OrderBy(g => g.Key == Pool ? int.MaxValue : g.Key < 0 ? -3 - g.Key : g.Key);
            foreach (var g in byKey)
            {
                foreach (int v in g)
                {
                    groupOf[v] = members.Count;
                }

                members.Add([.. g.Order()]);
                keys.Add(g.Key);
            }
        }

        int pooled = units.Count - kept.Count;
        var groups = new List<OrgChartTeam>();
        for (int g = 0; g < members.Count; g++)
        {
            int[] m = members[g];
            int first = m[0];
            string count = m.Length.ToString(CultureInfo.InvariantCulture);
            string level = depth[first].ToString(CultureInfo.InvariantCulture);
            string name = m.Length == 1 && keys[g] != Pool ? label(first)
                : keys[g] == Pool ? $"{count} teams of {pooled.ToString(CultureInfo.InvariantCulture)} smaller units at level {level}"
                : $"{count} teams under {label(keys[g])} at level {level}";
            groups.Add(new OrgChartTeam(g, parent[first] < 0 ? -1 : groupOf[parent[first]], depth[first], m.Sum(v => sizes[v]), name));
        }

        return new TeamGroups(groupOf, groups, members, pooled);
    }
}
