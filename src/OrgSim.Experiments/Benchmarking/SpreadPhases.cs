namespace OrgSim.Experiments.Benchmarking;

/// <summary>
/// Where a run's early, mid and late spread are, found from the competent share after each tick:
/// each phase is the first week of a window of <c>window</c> consecutive weeks whose ticks are timed.
/// </summary>
/// <remarks>
/// With <c>s₀</c> the share of agent–competency pairs competent after seeding, <c>s_end</c> the share
/// the run ended at and <c>g = s_end − s₀</c> what the spread added: early starts at week 1 (the first
/// tick after seeding); mid at the first week whose share is at least <c>s₀ + g/2</c>; late at the first
/// week whose share is at least <c>s₀ + 0.9·g</c>. Relative to where the run ended, so it fits a
/// cascade that stops at 30% as well as one that reaches everybody. The windows overlap when the
/// whole spread takes fewer weeks than three windows. When nothing spread (<c>g ≤ 0</c>), the phases
/// are the start, the middle and the last window of the run, and <see cref="Spread"/> is false.
/// </remarks>
/// <param name="Early">The first week of the early window: 1.</param>
/// <param name="Mid">The first week of the mid window.</param>
/// <param name="Late">The first week of the late window.</param>
/// <param name="Spread">Whether the competent share ended above the seeded share.</param>
public sealed record SpreadPhases(int Early, int Mid, int Late, bool Spread)
{
    /// <summary>The share of the spread's gain at which mid spread starts.</summary>
    public const double MidGain = 0.5;

    /// <summary>The share of the spread's gain at which late spread starts.</summary>
    public const double LateGain = 0.9;

    /// <summary>The phases of a run whose competent share was <paramref name="shares"/>[t] after week t (index 0: after seeding).</summary>
    /// <param name="shares">The seeded share, then one share per week to the end of the run (at least one week).</param>
    /// <param name="window">How many weeks each phase times; the late window may run past the end.</param>
    public static SpreadPhases Find(IReadOnlyList<double> shares, int window)
    {
        ArgumentNullException.ThrowIfNull(shares);
        ArgumentOutOfRangeException.ThrowIfLessThan(shares.Count, 2, nameof(shares));
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        int weeks = shares.Count - 1;
        double seeded = shares[0], gain = shares[^1] - seeded;
        if (!(gain > 0))
        {
            return new SpreadPhases(1, Math.Max(1, (weeks + 1) / 2), Math.Max(1, weeks - window + 1), false);
        }

        return new SpreadPhases(1, FirstWeekAtLeast(shares, seeded + (MidGain * gain)), FirstWeekAtLeast(shares, seeded + (LateGain * gain)), true);
    }

    private static int FirstWeekAtLeast(IReadOnlyList<double> shares, double share)
    {
        for (int week = 1; week < shares.Count; week++)
        {
            if (shares[week] >= share)
            {
                return week;
            }
        }

        return shares.Count - 1;
    }
}
