using System.Globalization;

namespace OrgSim.Experiments.Report;

/// <summary>
/// Whether an <see cref="OrgChart"/> read from a file is one orgsim writes: every value present,
/// parents that are teams, a percentage per team every week, four competency shares per team, and
/// a grouping (when there is one) that could have made the groups.
/// The drawing code can then index it without a check of its own.
/// </summary>
internal static class OrgChartCheck
{
    private const int Competencies = 4;

    /// <summary>The first thing wrong with <paramref name="chart"/>, naming the key as the file spells it, or null.</summary>
    public static string? Problem(OrgChart chart) => Teams(chart.Teams) ?? Grouping(chart.Grouping, chart.Teams) ?? Arms(chart.Arms, chart.Teams.Count) ?? Finals(chart.FinalCompetencyShares, chart.Arms.Count, chart.Teams.Count);

    /// <summary>
    /// Whether <paramref name="grouping"/> could have made the groups: at least a team per group and at
    /// most one per person; and pooled units only when more than <see cref="TeamGroups.MaxUnits"/>
    /// units were there, so at least 2 of them, while the other <see cref="TeamGroups.MaxUnits"/> − 1
    /// keep a column with a team or more each.
    /// </summary>
    private static string? Grouping(OrgChartGrouping? grouping, IReadOnlyList<OrgChartTeam> groups)
    {
        if (grouping is null)
        {
            return null;
        }

        long people = groups.Sum(g => (long)g.Size);
        int mostPooled = grouping.Teams - (TeamGroups.MaxUnits - 1);
        return grouping switch
        {
            { Teams: var teams } when teams < groups.Count => $"grouping.teams is {teams}, fewer than the {groups.Count} groups in teams",
            { Teams: var teams } when teams > people => $"grouping.teams is {teams}, more than the {people} people in teams (every team has someone)",
            { PooledUnits: 0 } => null,
            { PooledUnits: var pooled } when mostPooled < 2 => $"grouping.pooled_units is {pooled}; must be 0 for {grouping.Teams} teams (units are pooled only when there are more than {TeamGroups.MaxUnits})",
            { PooledUnits: var pooled } when pooled < 2 || pooled > mostPooled => $"grouping.pooled_units is {pooled}; must be 0, or from 2 to {mostPooled} (the teams less the {TeamGroups.MaxUnits - 1} units that keep a column)",
            _ => null,
        };
    }

    private static string? Teams(IReadOnlyList<OrgChartTeam?>? teams)
    {
        if (teams is null)
        {
            return "teams is missing";
        }

        for (int t = 0; t < teams.Count; t++)
        {
            string? problem = teams[t] switch
            {
                null => "is missing",
                { Label: null } => "has no label",
                { Parent: var p } when p < -1 || p >= teams.Count || p == t => $".parent is {p}, not -1 or a team from 0 to {teams.Count - 1} other than itself",
                { Level: < 0 } or { Size: < 0 } => "has a negative level or size",
                _ => null,
            };
            if (problem is not null)
            {
                return Key("teams", t) + (problem.StartsWith('.') ? problem : " " + problem);
            }
        }

        return null;
    }

    private static string? Arms(IReadOnlyList<OrgChartArm?>? arms, int teams)
    {
        if (arms is null)
        {
            return "arms is missing";
        }

        for (int a = 0; a < arms.Count; a++)
        {
            if (arms[a] is not { Name: not null, Weeks: { } weeks })
            {
                return Key("arms", a) + " has no name or no weeks";
            }

            for (int w = 0; w < weeks.Count; w++)
            {
                string week = Key("arms", a) + Key(".weeks", w);
                if (weeks[w] is not { } percents || percents.Count != teams)
                {
                    return $"{week} has {weeks[w]?.Count ?? 0} values where there are {teams} teams";
                }

                int over = percents.ToList().FindIndex(p => p > 100);
                if (over >= 0)
                {
                    return $"{week}{Key(string.Empty, over)} is {percents[over]}, not a percentage from 0 to 100";
                }
            }
        }

        return null;
    }

    private static string? Finals(IReadOnlyList<IReadOnlyList<IReadOnlyList<double>?>?>? finals, int arms, int teams)
    {
        if (finals is null || finals.Count != arms)
        {
            return $"final_competency_shares has {finals?.Count ?? 0} arms where arms has {arms}";
        }

        for (int a = 0; a < arms; a++)
        {
            if (finals[a] is not { } perTeam || perTeam.Count != teams)
            {
                return $"{Key("final_competency_shares", a)} has {finals[a]?.Count ?? 0} teams where there are {teams}";
            }

            for (int t = 0; t < teams; t++)
            {
                string key = Key("final_competency_shares", a) + Key(string.Empty, t);
                if (perTeam[t] is not { Count: Competencies } shares)
                {
                    return $"{key} has {perTeam[t]?.Count ?? 0} values where there are {Competencies} competencies";
                }

                if (shares.Any(s => !(s >= 0 && s <= 1)))
                {
                    return $"{key} holds {string.Join(", ", shares.Select(s => s.ToString(CultureInfo.InvariantCulture)))}, not shares from 0 to 1";
                }
            }
        }

        return null;
    }

    private static string Key(string name, int index) => string.Create(CultureInfo.InvariantCulture, $"{name}[{index}]");
}
