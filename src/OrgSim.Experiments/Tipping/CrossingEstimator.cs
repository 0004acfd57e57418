using OrgSim.Core.Randomness;

namespace OrgSim.Experiments.Tipping;

/// <summary>
/// Where a contrast measured at a few values crosses zero, and the 95% interval of that point
/// by a paired bootstrap over replicates (Efron and Tibshirani 1993, percentile interval).
/// </summary>
/// <remarks>
/// Every probe holds the same replicates, and replicate r has the same seeds at every value
/// (common random numbers), so a resample draws replicate indices once and recomputes the mean
/// contrast at every probe from those same replicates: the noise the replicates share cancels out
/// of the crossing, as it does from the estimate.
/// </remarks>
public static class CrossingEstimator
{
    /// <summary>
    /// The first value, scanning up from the lowest, at which <paramref name="means"/> change sign,
    /// by linear interpolation between the two probes around it; null when they never change sign.
    /// </summary>
    /// <param name="values">The probe values, ascending.</param>
    /// <param name="means">The mean contrast at each.</param>
    public static double? Crossing(IReadOnlyList<double> values, IReadOnlyList<double> means)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(means);
        return Bracket(means) is int k ? Interpolate(values[k], values[k + 1], means[k], means[k + 1]) : null;
    }

    /// <summary>The index k of the first pair (k, k + 1) whose means change sign (a zero counts as a change), or null.</summary>
    public static int? Bracket(IReadOnlyList<double> means)
    {
        ArgumentNullException.ThrowIfNull(means);
        for (int k = 0; k + 1 < means.Count; k++)
        {
            if (ChangesSign(means[k], means[k + 1]))
            {
                return k;
            }
        }

        return null;
    }

    /// <summary>How many adjacent pairs change sign.</summary>
    public static int SignChanges(IReadOnlyList<double> means)
    {
        ArgumentNullException.ThrowIfNull(means);
        int changes = 0;
        for (int k = 0; k + 1 < means.Count; k++)
        {
            changes += ChangesSign(means[k], means[k + 1]) ? 1 : 0;
        }

        return changes;
    }

    /// <summary>
    /// The 95% percentile interval of the crossing over <paramref name="resamples"/> bootstrap
    /// resamples of the replicates. A resample in which the contrast never changes sign is put at
    /// the end it lies beyond: below the lowest probe (at it) when every mean has the sign the
    /// contrast has above the crossing, otherwise at the highest, so the interval is clipped to the
    /// probes, never silently narrowed.
    /// </summary>
    /// <param name="probes">Probes ascending by value, all with the same replicates.</param>
    /// <param name="positiveAbove">Whether the contrast is positive above the crossing.</param>
    /// <param name="resamples">Bootstrap resamples, at least 100.</param>
    /// <param name="seed">The seed of the resampling.</param>
    public static (double Low, double High) Interval(IReadOnlyList<TippingProbe> probes, bool positiveAbove, int resamples, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(probes);
        ArgumentOutOfRangeException.ThrowIfLessThan(probes.Count, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 100);
        int n = probes[0].Replicates;
        if (probes.Any(p => p.Replicates != n))
        {
            throw new ArgumentException("every probe must have the same replicates", nameof(probes));
        }

        double[] values = probes.Select(p => p.Value).ToArray();
        var means = new double[probes.Count];
        var crossings = new double[resamples];
        var draw = new int[n];
        ulong key = CounterRng.Key(seed, (ulong)n);
        for (int b = 0; b < resamples; b++)
        {
            for (int j = 0; j < n; j++)
            {
                draw[j] = CounterRng.Below(key, ((ulong)b * (ulong)n) + (ulong)j, n);
            }

            for (int k = 0; k < probes.Count; k++)
            {
                IReadOnlyList<double> c = probes[k].Contrasts;
                double sum = 0;
                foreach (int j in draw)
                {
                    sum += c[j];
                }

                means[k] = sum / n;
            }

            crossings[b] = Crossing(values, means) ?? ((means[0] > 0) == positiveAbove ? values[0] : values[^1]);
        }

        Array.Sort(crossings);
        return (Quantile(crossings, 0.025), Quantile(crossings, 0.975));
    }

    /// <summary>The <paramref name="p"/> quantile of sorted <paramref name="sorted"/>, interpolating between order statistics (Hyndman and Fan's type 7).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double p) => Statistics.SortedQuantile.Type7(sorted, p);

    private static bool ChangesSign(double a, double b) => (a <= 0 && b > 0) || (a >= 0 && b < 0) || (a < 0 && b >= 0) || (a > 0 && b <= 0);

    private static double Interpolate(double x0, double x1, double y0, double y1) => y0 == y1 ? (x0 + x1) / 2 : x0 + ((x1 - x0) * y0 / (y0 - y1));
}
