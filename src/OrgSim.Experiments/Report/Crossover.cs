namespace OrgSim.Experiments.Report;

/// <summary>
/// Where one arm's competent-share curve overtakes another's after trailing it: on the mean curves,
/// and replicate by replicate (the arms of a replicate share its organisation and random numbers, so
/// the curves pair up) for the spread of the crossing week.
/// </summary>
/// <param name="Leader">The arm that led first.</param>
/// <param name="Overtaker">The arm that overtook it.</param>
/// <param name="Week">The first week, after the leader's last clear lead, at which the overtaker was level or ahead on the mean curves.</param>
/// <param name="Replicates">How many paired replicates were compared.</param>
/// <param name="Crossed">In how many of them the overtaker overtook the leader in the same way.</param>
/// <param name="Low">The 2.5th percentile of those replicates' crossing weeks (nearest rank), or null when none crossed.</param>
/// <param name="High">The 97.5th percentile, or null.</param>
internal sealed record Crossover(string Leader, string Overtaker, int Week, int Replicates, int Crossed, int? Low, int? High)
{
    /// <summary>A lead counts only beyond half a percentage point, so that noise around equal shares is no crossover.</summary>
    public const double Margin = 0.005;

    /// <summary>
    /// The crossovers between every pair of arms at <paramref name="point"/>, in the arms' order and
    /// then in time; a pair whose order never changes has none. The k-th crossover of a pair's mean
    /// curves is compared with the k-th of each replicate's pair, when that goes the same way.
    /// </summary>
    public static List<Crossover> Find(ResultTables tables, int point)
    {
        var series = tables.Series.Where(s => s.Point == point).ToList();
        var found = new List<Crossover>();
        for (int i = 0; i < series.Count; i++)
        {
            for (int j = i + 1; j < series.Count; j++)
            {
                ArmSeries a = series[i], b = series[j];
                var onMeans = All(a.CompetentShare.Select(x => x.Mean).ToList(), b.CompetentShare.Select(x => x.Mean).ToList());
                if (onMeans.Count == 0)
                {
                    continue;
                }

                var byReplicate = a.CompetentShareByReplicate
                    .Where(r => b.CompetentShareByReplicate.ContainsKey(r.Key))
                    .Select(r => All(r.Value, b.CompetentShareByReplicate[r.Key])).ToList();
                for (int k = 0; k < onMeans.Count; k++)
                {
                    (int week, bool aLed) = onMeans[k];
                    var weeks = byReplicate.Where(c => k < c.Count && c[k].ALed == aLed).Select(c => c[k].Week).Order().ToList();
                    (string leader, string overtaker) = aLed ? (a.Arm, b.Arm) : (b.Arm, a.Arm);
                    // Whether the overtaker is still ahead at the horizon, replicate by replicate: a lead taken
                    // and lost again in many runs is not the story the mean curves tell.
                    int endedAhead = a.CompetentShareByReplicate
                        .Where(r => b.CompetentShareByReplicate.ContainsKey(r.Key) && r.Value.Count > 0 && b.CompetentShareByReplicate[r.Key].Count > 0)
                        .Count(r => aLed ? b.CompetentShareByReplicate[r.Key][^1] > r.Value[^1] : r.Value[^1] > b.CompetentShareByReplicate[r.Key][^1]);
                    found.Add(new Crossover(leader, overtaker, week, byReplicate.Count, weeks.Count, weeks.Count == 0 ? null : Rank(weeks, 0.025), weeks.Count == 0 ? null : Rank(weeks, 0.975))
                    {
                        Order = k,
                        EndedAhead = endedAhead,
                    });
                }
            }
        }

        return found;
    }

    /// <summary>Which crossover of its pair this is: 0 for the first, 1 when the first leader comes back, and so on.</summary>
    public int Order { get; init; }

    /// <summary>In how many of the <see cref="Replicates"/> the overtaker ends ahead of the leader at the horizon.</summary>
    public int EndedAhead { get; init; }

    /// <summary>
    /// The crossovers of two curves, in time: each at the week after the leader's last lead of more
    /// than <see cref="Margin"/> at which the other is level or ahead, provided the other then leads
    /// by more than the margin; with whether <paramref name="a"/> was the one that led before it.
    /// </summary>
    internal static List<(int Week, bool ALed)> All(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var crossings = new List<(int Week, bool ALed)>();
        int n = Math.Min(a.Count, b.Count), lead = 0, lastLead = -1;
        for (int t = 0; t < n; t++)
        {
            double d = a[t] - b[t];
            int side = d > Margin ? 1 : d < -Margin ? -1 : 0;
            if (side == 0)
            {
                continue;
            }

            if (lead != 0 && side != lead)
            {
                // The other leads clearly now: it caught up in the first week after the last lead at which it was level or ahead.
                int week = lastLead + 1;
                while (week < t && (lead > 0 ? a[week] - b[week] > 0 : a[week] - b[week] < 0))
                {
                    week++;
                }

                crossings.Add((week, lead > 0));
            }

            lead = side;
            lastLead = t;
        }

        return crossings;
    }

    private static int Rank(List<int> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
