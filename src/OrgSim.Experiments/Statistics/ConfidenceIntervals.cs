using MathNet.Numerics.Distributions;

namespace OrgSim.Experiments.Statistics;

/// <summary>95% confidence intervals for the summaries OrgSim reports.</summary>
public static class ConfidenceIntervals
{
    /// <summary>The two-sided confidence level of every interval: 95%.</summary>
    public const double Level = 0.95;

    /// <summary>
    /// Mean of <paramref name="values"/> with Student's t interval, mean ± t(0.975, n−1)·s/√n.
    /// With one value the interval is undefined (null); with none the mean is too.
    /// </summary>
    public static Estimate StudentMean(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int n = values.Count;
        if (n == 0)
        {
            return new Estimate(null, null, null, 0);
        }

        double mean = values.Average();
        if (n == 1)
        {
            return new Estimate(mean, null, null, 1);
        }

        double variance = values.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        double half = StudentT.InvCDF(0, 1, n - 1, 1 - ((1 - Level) / 2)) * Math.Sqrt(variance / n);
        return new Estimate(mean, mean - half, mean + half, n);
    }

    /// <summary>
    /// A proportion <paramref name="successes"/>/<paramref name="n"/> with the Wilson score
    /// interval, which stays inside [0, 1] and is sensible at 0 and n successes.
    /// </summary>
    public static Estimate WilsonProportion(int successes, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, n);
        if (n == 0)
        {
            return new Estimate(null, null, null, 0);
        }

        double z = Normal.InvCDF(0, 1, 1 - ((1 - Level) / 2));
        double p = (double)successes / n;
        double denominator = 1 + (z * z / n);
        double centre = (p + (z * z / (2 * n))) / denominator;
        double half = z * Math.Sqrt((p * (1 - p) / n) + (z * z / (4.0 * n * n))) / denominator;
        return new Estimate(p, Math.Max(0, centre - half), Math.Min(1, centre + half), n);
    }
}
