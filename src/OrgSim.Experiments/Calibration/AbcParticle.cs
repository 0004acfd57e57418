namespace OrgSim.Experiments.Calibration;

/// <summary>An accepted parameter set of a population, with its importance weight.</summary>
/// <param name="Index">The candidate it was, within its generation.</param>
/// <param name="Unit">Its coordinates in the unit cube.</param>
/// <param name="Values">Its parameter values.</param>
/// <param name="Distance">Its simulated distance to the observations, at most the population's tolerance.</param>
/// <param name="Weight">Its normalised importance weight: the population's weights sum to 1.</param>
public sealed record AbcParticle(int Index, IReadOnlyList<double> Unit, IReadOnlyList<double> Values, double Distance, double Weight);
