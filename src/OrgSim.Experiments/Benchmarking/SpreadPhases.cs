namespace OrgSim.Experiments.Benchmarking;

/// <summary>
/// Where a run's early, mid and late spread are, found from the competent share after each week: the
/// week each phase starts, whose tick (and, in a long spread, the ticks after it) is timed.
/// </summary>
/// <remarks>
/// With <c>s₀</c> the share of agent–competency pairs competent after seeding, <c>s_end</c> the share
/// the run ended at and <c>g = s_end − s₀</c> what the spread added: early is week 1 (the first tick
/// after seeding); mid is the first week that starts with a share of at least <c>s₀ + g/2</c>; late the
/// first week that starts with at least <c>s₀ + 0.9·g</c>. Relative to where the run ended, so it fits
/// a cascade that stops at 30% as well as one that reaches everybody. When nothing spread
/// (<c>g ≤ 0</c>), the phases are the start, the middle and the last <c>window</c> weeks of the run,
/// and <see cref="Spread"/> is false. Mid and late can be the week after the run's last.
/// </remarks>
/// <param name="Early">The week early spread starts: 1.</param>
/// <param name="Mid">The week mid spread starts.</param>
/// <param name="Late">The week late spread starts.</param>
/// <param name="Spread">Whether the competent share ended above the seeded share.</param>
public sealed record SpreadPhases(int Early, int Mid, int Late, bool Spread)
{
    /// <summary>The share of the spread's gain at which mid spread starts.</summary>
    public const double MidGain = 0.5;

    /// <summary>The share of the spread's gain at which late spread starts.</summary>
    public const double LateGain = 0.9;

    /// <summary>The phases of a run whose competent share was <paramref name="shares"/>[t] after week t (index 0: after seeding).</summary>
    /// <param name="shares">The seeded share, then one share per week to the end of the run (at least one week).</param>
    /// <param name="window">How many weeks a phase times when nothing spread, so that the late ones end with the run.</param>
    public static SpreadPhases Find(IReadOnlyList<double> shares, int window)
    {
        ArgumentNullException.ThrowIfNull(shares);
        ArgumentOutOfRangeException.ThrowIfLessThan(shares.Count, 2, nameof(shares));
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        int weeks = shares.Count - 1;
        double seeded = shares[0], gain = shares[^1] - seeded;
        if (!(gain > 0))
        {
            int middle = Math.Max(1, (weeks + 1) / 2);
            return new SpreadPhases(1, middle, Math.Max(middle, weeks - window + 1), false);
        }

        return new SpreadPhases(1, FirstWeekStartingAt(shares, seeded + (MidGain * gain)), FirstWeekStartingAt(shares, seeded + (LateGain * gain)), true);
    }

    /// <summary>The week after the first that brought the share to <paramref name="share"/>.</summary>
    private static int FirstWeekStartingAt(IReadOnlyList<double> shares, double share)
    {
        for (int week = 1; week < shares.Count; week++)
        {
            if (shares[week] >= share)
            {
                return week + 1;
            }
        }

        return shares.Count;
    }
}
