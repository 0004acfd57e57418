namespace OrgSim.Experiments.Tipping;

/// <summary>
/// Finds where a contrast between two arms changes sign as one key varies: probes both ends,
/// bisects on the mean contrast keeping every probe, estimates the crossing by interpolation
/// between the probes around it and its 95% interval by a paired bootstrap over replicates
/// (<see cref="CrossingEstimator"/>), and refines until the interval is narrower than the
/// tolerance or the run cap is reached. Pure: everything it knows of the model comes through the
/// function it is given, so it is deterministic whenever that function is.
/// </summary>
public static class TippingSearch
{
    /// <summary>Searches between <see cref="TippingSettings.From"/> and <see cref="TippingSettings.To"/>.</summary>
    /// <param name="settings">The interval, the tolerance and the budget.</param>
    /// <param name="contrasts">
    /// The contrast of replicates 0 … n − 1 at a value: called with the same value and a larger n
    /// when replicates are doubled, so a caller that keeps its runs only runs the new ones.
    /// </param>
    /// <param name="probed">Told of every probe as it is measured (for progress lines).</param>
    public static TippingResult Find(TippingSettings settings, Func<double, int, IReadOnlyList<double>> contrasts, Action<TippingProbe>? probed = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(contrasts);
        if (!(settings.Low < settings.High) || !double.IsFinite(settings.Low) || !double.IsFinite(settings.High))
        {
            throw new ArgumentException("From and To must be finite and differ", nameof(settings));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Replicates, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.Tolerance);
        var probes = new SortedDictionary<double, TippingProbe>();
        long runs = 0;

        void Measure(double value, int replicates)
        {
            int had = probes.TryGetValue(value, out TippingProbe? old) ? old.Replicates : 0;
            IReadOnlyList<double> c = contrasts(value, replicates);
            if (c.Count != replicates)
            {
                throw new InvalidOperationException($"the contrast function gave {c.Count} values for {replicates} replicates");
            }

            runs += (long)(replicates - had) * settings.RunsPerReplicate;
            var probe = new TippingProbe(value, c.ToArray());
            probes[value] = probe;
            probed?.Invoke(probe);
        }

        long Cost(int probeCount, int replicates) => (long)probeCount * replicates * settings.RunsPerReplicate;

        double low = settings.Low, high = settings.High;
        int n = settings.Replicates;
        Measure(low, n);
        Measure(high, n);
        double lowMean = probes[low].Mean, highMean = probes[high].Mean;
        if ((lowMean > 0 && highMean > 0) || (lowMean < 0 && highMean < 0) || (lowMean == 0 && highMean == 0))
        {
            return new TippingResult { Probes = probes.Values.ToList(), SameSign = true, Replicates = n, Runs = runs };
        }

        bool positiveAbove = highMean > 0 || lowMean < 0;
        while (true)
        {
            List<TippingProbe> active = probes.Values.Where(p => p.Replicates == n).ToList();
            List<double> values = active.Select(p => p.Value).ToList(), means = active.Select(p => p.Mean).ToList();
            if (CrossingEstimator.Bracket(means) is not int k)
            {
                // With more replicates the ends' means agree in sign after all: no crossing can be claimed.
                return new TippingResult { Probes = probes.Values.ToList(), SameSign = true, Replicates = n, Runs = runs };
            }

            double crossing = CrossingEstimator.Crossing(values, means)!.Value;
            var (ciLow, ciHigh) = CrossingEstimator.Interval(active, positiveAbove, settings.Resamples, settings.Seed);
            TippingResult Result(bool reached) => new()
            {
                Probes = probes.Values.ToList(),
                Crossing = crossing,
                Low = Math.Min(ciLow, crossing),
                High = Math.Max(ciHigh, crossing),
                ToleranceReached = reached,
                PositiveAbove = positiveAbove,
                SignChanges = CrossingEstimator.SignChanges(means),
                Replicates = n,
                Runs = runs,
            };

            // Bisect while the probes around the crossing are further apart than half the
            // tolerance, before trusting the interval: between two distant probes a straight line
            // is a guess the bootstrap cannot see, however little the replicates scatter.
            double a = values[k], b = values[k + 1];
            // Rounded to 10 decimals, so a probe reads 0.2125 rather than 0.21250000000000002 in messages and tables.
            double? middle = settings.Whole ? (b - a > Math.Max(settings.Tolerance / 2, 1) ? Math.Floor((a + b) / 2) : null) : (b - a > settings.Tolerance / 2 ? Math.Round((a + b) / 2, 10) : null);
            if (middle is double m)
            {
                if (runs + Cost(1, n) > settings.MaxRuns)
                {
                    return Result(reached: false);
                }

                Measure(m, n);
                continue;
            }

            if (ciHigh - ciLow <= settings.Tolerance)
            {
                return Result(reached: true);
            }

            // The probes are close enough: the interval is wide from the replicates' noise, so
            // double them at the probes that matter — those inside the interval, the nearest on
            // each side of it, and both ends (which must still disagree in sign).
            int lowIndex = Math.Max(0, values.FindLastIndex(v => v <= ciLow));
            int highIndex = values.FindIndex(v => v >= ciHigh) is int h and >= 0 ? h : values.Count - 1;
            List<double> window = values.Where((v, i) => (i >= lowIndex && i <= highIndex) || i == 0 || i == values.Count - 1).ToList();
            if (2L * n > settings.MaxReplicates || runs + Cost(window.Count, n) > settings.MaxRuns)
            {
                return Result(reached: false);
            }

            n *= 2;
            foreach (double v in window)
            {
                Measure(v, n);
            }
        }
    }
}
