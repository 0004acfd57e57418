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
/// on a 1,600-pixel projector image and its colour can no longer be read. Otherwise draw the groups
/// of <see cref="TeamGroups"/>: one row of circles per level, one column per unit. A group's
/// percentage is the people-weighted mean of its teams'. A chart recorded as groups already
/// (<see cref="OrgChart.Grouping"/>, an organisation of more than
/// <see cref="OrgChartRecorder.MaxRecordedTeams"/> teams) is drawn as it is: its groups are these
/// same groups, their percentages counted over their people at recording.
/// </remarks>
internal static class OrgChartAggregation
{
    /// <summary>The most teams drawn one by one.</summary>
    public const int MaxTeams = 400;

    /// <summary>The widest row, in slots, drawn team by team.</summary>
    public const int MaxSlots = 160;

    /// <summary>The chart to draw for <paramref name="chart"/>.</summary>
    public static ReadableChart Readable(OrgChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        IReadOnlyList<int> parents = chart.Teams.Select(t => t.Parent).ToList();
        if (chart.Grouping is { } recorded)
        {
            return new ReadableChart(chart, OrgChartLayout.Compute(parents), OrgChartGrouping.Note(recorded.Teams, chart.Teams.Count, recorded.PooledUnits));
        }

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
        TeamGroups grouping = TeamGroups.Of(teams.Select(t => t.Parent).ToList(), teams.Select(t => t.Size).ToList(), t => teams[t].Label);
        IReadOnlyList<int[]> members = grouping.Members;
        note = OrgChartGrouping.Note(n, grouping.Groups.Count, grouping.PooledUnits);
        var arms = chart.Arms.Select(a => new OrgChartArm(a.Name, a.Weeks.Select(w => (IReadOnlyList<byte>)members.Select(m => Mean(m, teams, i => i < w.Count ? w[i] : (byte)0)).ToList()).ToList())).ToList();
        var finals = chart.FinalCompetencyShares.Select(arm => (IReadOnlyList<IReadOnlyList<double>>)(arm.Count < n ? [] : members.Select(m =>
            (IReadOnlyList<double>)Enumerable.Range(0, arm[m[0]].Count).Select(c => Weighted(m, teams, i => c < arm[i].Count ? arm[i][c] : 0)).ToList()).ToList())).ToList();
        return new OrgChart(grouping.Groups, arms, finals);
    }

    private static byte Mean(int[] members, IReadOnlyList<OrgChartTeam> teams, Func<int, byte> percent) =>
        (byte)Math.Clamp(Math.Round(Weighted(members, teams, i => percent(i)), MidpointRounding.AwayFromZero), 0, 100);

    /// <summary>The people-weighted mean of <paramref name="value"/> over <paramref name="members"/> (unweighted if they have no people).</summary>
    private static double Weighted(int[] members, IReadOnlyList<OrgChartTeam> teams, Func<int, double> value)
    {
        long people = members.Sum(i => (long)Math.Max(0, teams[i].Size));
        return people == 0 ? members.Average(value) : members.Sum(i => Math.Max(0, teams[i].Size) * value(i)) / people;
    }
}
