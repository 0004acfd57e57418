namespace OrgSim.Experiments.Calibration;

/// <summary>One parameter's weighted posterior: its mean and its 2.5%, 50% and 97.5% quantiles.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Mean">Σ wᵢ θᵢ over the population.</param>
/// <param name="Lower">The 2.5% quantile: the lower end of the 95% interval.</param>
/// <param name="Median">The 50% quantile.</param>
/// <param name="Upper">The 97.5% quantile: the upper end of the 95% interval.</param>
public sealed record PosteriorSummary(string Name, double Mean, double Lower, double Median, double Upper)
{
    /// <summary>
    /// The summary of parameter <paramref name="parameter"/> over <paramref name="population"/>.
    /// A quantile q is the smallest value whose cumulative weight reaches q (the inverse of the
    /// weighted empirical distribution function), so it is always a value some particle holds.
    /// </summary>
    public static PosteriorSummary Of(string name, IReadOnlyList<AbcParticle> population, int parameter)
    {
        ArgumentOutOfRangeException.ThrowIfZero(population.Count);
        var pairs = population.Select(p => (Value: p.Values[parameter], p.Weight)).OrderBy(p => p.Value).ToArray();
        double total = pairs.Sum(p => p.Weight);
        double mean = pairs.Sum(p => p.Value * p.Weight) / total;
        return new PosteriorSummary(name, mean, Quantile(pairs, total, 0.025), Quantile(pairs, total, 0.5), Quantile(pairs, total, 0.975));
    }

    private static double Quantile((double Value, double Weight)[] sorted, double total, double q)
    {
        double cumulative = 0;
        foreach ((double value, double weight) in sorted)
        {
            cumulative += weight / total;
            if (cumulative >= q)
            {
                return value;
            }
        }

        return sorted[^1].Value;
    }
}
