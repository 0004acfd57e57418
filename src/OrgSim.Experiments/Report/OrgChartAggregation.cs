using System.Globalization;
using OrgSim.Experiments.Organisations;

namespace OrgSim.Experiments.Report;

/// <summary>An org chart ready to draw: the teams themselves or, for a large organisation, groups of them, with its layout.</summary>
/// <param name="Chart">The chart to draw (its "teams" are groups when <paramref name="Note"/> is set).</param>
/// <param name="Layout">The tidy tree layout of <paramref name="Chart"/>'s teams.</param>
/// <param name="Note">How teams were grouped, for the reader; null when every team is drawn.</param>
internal sealed record ReadableChart(OrgChart Chart, OrgChartLayout Layout, string? Note);

/// <summary>
/// Keeps an org chart readable: small ones are drawn team by team, large ones as groups of teams.
/// </summary>
/// <remarks>
/// The rule: draw every team when there are at most <see cref="MaxTeams"/> and no row of the tidy
/// tree is wider than <see cref="MaxSlots"/> slots; past that a circle gets under about ten pixels
/// on a 1,600-pixel projector image and its colour can no longer be read. Otherwise group by level
/// within units: a unit is a team on the first row of the tree that has two or more teams (the
/// divisions under the top team; the top teams themselves in a flat forest) together with
/// everything under it, and each circle is all the teams of one unit at one level — so there is one
/// row of circles per level, one column per unit. The rows above the units stay single teams. The
/// <see cref="MaxUnits"/> − 1 largest units (by people) keep their own column; the rest share one
/// column, "other units", on the right. A group's size is its people, its percentage the
/// people-weighted mean of its teams'.
/// </remarks>
internal static class OrgChartAggregation
{
    /// <summary>The most teams drawn one by one.</summary>
    public const int MaxTeams = 400;

    /// <summary>The widest row, in slots, drawn team by team.</summary>
    public const int MaxSlots = 160;

    /// <summary>The most columns (units) of the grouped chart.</summary>
    public const int MaxUnits = 16;

    /// <summary>The chart to draw for <paramref name="chart"/>.</summary>
    public static ReadableChart Readable(OrgChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        IReadOnlyList<int> parents = chart.Teams.Select(t => t.Parent).ToList();
        if (chart.Teams.Count <= MaxTeams)
        {
            OrgChartLayout layout = OrgChartLayout.Compute(parents);
            if (layout.Width + 1 <= MaxSlots)
            {
                return new ReadableChart(chart, layout, null);
            }
        }

        OrgChart grouped = Group(chart, out string note);
        return new ReadableChart(grouped, OrgChartLayout.Compute(grouped.Teams.Select(t => t.Parent).ToList()), note);
    }

    private static OrgChart Group(OrgChart chart, out string note)
    {
        IReadOnlyList<OrgChartTeam> teams = chart.Teams;
        int n = teams.Count;
        var forest = ReportingForest.Repair(teams.Select(t => t.Parent).ToList());
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
            people[unit[v]] = people.GetValueOrDefault(unit[v]) + teams[v].Size;
        }

        var units = order.Where(v => depth[v] == unitRow).ToList();
        HashSet<int> kept = units.Count <= MaxUnits ? [.. units] : [.. units.OrderByDescending(u => people[u]).ThenBy(u => u).Take(MaxUnits - 1)];
        const int Pool = -2;

        // Groups row by row, units in the organisation's order and the pool last, so the grouped
        // tree keeps the left-to-right order of the full one.
        var groupOf = new int[n];
        var members = new List<List<int>>();
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
            List<int> m = members[g];
            int first = m[0];
            string count = m.Count.ToString(CultureInfo.InvariantCulture);
            string level = depth[first].ToString(CultureInfo.InvariantCulture);
            string label = m.Count == 1 && keys[g] != Pool ? teams[first].Label
                : keys[g] == Pool ? $"{count} teams of {pooled.ToString(CultureInfo.InvariantCulture)} smaller units at level {level}"
                : $"{count} teams under {teams[keys[g]].Label} at level {level}";
            groups.Add(new OrgChartTeam(g, parent[first] < 0 ? -1 : groupOf[parent[first]], depth[first], m.Sum(v => teams[v].Size), label));
        }

        note = $"{n.ToString("N0", CultureInfo.InvariantCulture)} teams drawn as {groups.Count.ToString(CultureInfo.InvariantCulture)} groups: each circle is the teams of one unit at one level"
            + (pooled > 0 ? $"; the {pooled.ToString(CultureInfo.InvariantCulture)} smallest units share the rightmost column" : string.Empty) + ".";
        var arms = chart.Arms.Select(a => new OrgChartArm(a.Name, a.Weeks.Select(w => (IReadOnlyList<byte>)members.Select(m => Mean(m, teams, i => i < w.Count ? w[i] : (byte)0)).ToList()).ToList())).ToList();
        var finals = chart.FinalCompetencyShares.Select(arm => (IReadOnlyList<IReadOnlyList<double>>)(arm.Count < n ? [] : members.Select(m =>
            (IReadOnlyList<double>)Enumerable.Range(0, arm[m[0]].Count).Select(c => Weighted(m, teams, i => c < arm[i].Count ? arm[i][c] : 0)).ToList()).ToList())).ToList();
        return new OrgChart(groups, arms, finals);
    }

    private static byte Mean(List<int> members, IReadOnlyList<OrgChartTeam> teams, Func<int, byte> percent) =>
        (byte)Math.Clamp(Math.Round(Weighted(members, teams, i => percent(i)), MidpointRounding.AwayFromZero), 0, 100);

    /// <summary>The people-weighted mean of <paramref name="value"/> over <paramref name="members"/> (unweighted if they have no people).</summary>
    private static double Weighted(List<int> members, IReadOnlyList<OrgChartTeam> teams, Func<int, double> value)
    {
        long people = members.Sum(i => (long)Math.Max(0, teams[i].Size));
        return people == 0 ? members.Average(value) : members.Sum(i => Math.Max(0, teams[i].Size) * value(i)) / people;
    }
}
