namespace OrgSim.Experiments.Statistics;

/// <summary>
/// Turns runs into the rows of <c>summary.csv</c>: for one group of runs (an arm at a sweep point)
/// one row per metric of <see cref="RunMetrics"/>, in its order.
/// </summary>
/// <remarks>
/// A run that never reaches a threshold within the horizon H is censored: it counts in
/// <c>weeks_to_50pct</c> as H + 1 weeks, so every run is in <c>n</c> and the mean is a restricted
/// mean — a lower bound on the true mean whenever some run was censored. <c>reached_50pct</c>
/// reports the share of runs that did reach it (Wilson interval), which says how much
/// censoring there was. Averaging only the runs that reached it instead would drop the slow
/// runs silently and flatter the arm. An undefined value leaves its run out of that metric's
/// <c>n</c>. The interval of a share (<see cref="RunMetrics.IsShare"/>) is kept inside [0, 1].
/// </remarks>
public static class SummaryBuilder
{
    /// <summary>The rows of one arm from its runs' metrics; metric names in the order they first appear.</summary>
    public static IEnumerable<SummaryRow> ForGroup(string arm, IReadOnlyList<IReadOnlyList<KeyValuePair<string, double?>>> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        IEnumerable<string> names = runs.SelectMany(r => r.Select(kv => kv.Key)).Distinct(StringComparer.Ordinal);
        foreach (string name in names)
        {
            List<double> values = runs.Select(r => r.FirstOrDefault(kv => kv.Key == name).Value).OfType<double>().ToList();
            Estimate estimate = RunMetrics.IsProportion(name)
                ? ConfidenceIntervals.WilsonProportion(values.Count(v => v > 0.5), values.Count)
                : ConfidenceIntervals.StudentMean(values);

            // A Student interval of a share near 0 or 1 can reach past it ("99.2% [97.5, 100.9]"); no share can.
            yield return new SummaryRow(arm, name, RunMetrics.IsShare(name) ? estimate with { Low = estimate.Low is double low ? Math.Max(0, low) : null, High = estimate.High is double high ? Math.Min(1, high) : null } : estimate);
        }
    }
}
