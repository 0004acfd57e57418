namespace OrgSim.Experiments.Statistics;

/// <summary>Quantiles of values already sorted ascending.</summary>
public static class SortedQuantile
{
    /// <summary>The <paramref name="p"/> quantile of <paramref name="sorted"/>, interpolating between order statistics (Hyndman and Fan's type 7, R's default).</summary>
    public static double Type7(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        double h = (sorted.Count - 1) * p;
        int i = (int)Math.Floor(h);
        return i + 1 >= sorted.Count ? sorted[^1] : sorted[i] + ((h - i) * (sorted[i + 1] - sorted[i]));
    }
}
