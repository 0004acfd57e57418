namespace OrgSim.Experiments.Sensitivity;

/// <summary>The result of a Sobol' analysis of one output: the indices of every parameter and what they rest on.</summary>
/// <param name="Indices">One entry per parameter, in the design's order.</param>
/// <param name="BaseSamples">N, the rows of A and B.</param>
/// <param name="Evaluations">The model runs used: N(k + 2).</param>
/// <param name="Resamples">How many bootstrap resamples the intervals come from.</param>
/// <param name="Variance">The output's variance over the 2N points of A and B, the indices' denominator.</param>
public sealed record SobolAnalysis(IReadOnlyList<SobolIndices> Indices, int BaseSamples, int Evaluations, int Resamples, double Variance);
