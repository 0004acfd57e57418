namespace OrgSim.Experiments.Statistics;

/// <summary>A point estimate with a 95% confidence interval; null parts are undefined (too few runs).</summary>
/// <param name="Mean">The estimate, or null when no run contributes.</param>
/// <param name="Low">Lower bound of the 95% interval, or null.</param>
/// <param name="High">Upper bound of the 95% interval, or null.</param>
/// <param name="N">How many runs contributed.</param>
public sealed record Estimate(double? Mean, double? Low, double? High, int N);
