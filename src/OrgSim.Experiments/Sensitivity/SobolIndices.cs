namespace OrgSim.Experiments.Sensitivity;

/// <summary>The Sobol' indices of one parameter for one output.</summary>
/// <param name="Parameter">The parameter's name.</param>
/// <param name="First">S1, the share of the output's variance due to the parameter alone: how much the variance would fall, on average, if the parameter were known.</param>
/// <param name="Total">ST, the share due to the parameter including all its interactions: what would remain if every other parameter were known. ST ≈ 0 means the parameter can be fixed anywhere in its range.</param>
public sealed record SobolIndices(string Parameter, IndexEstimate First, IndexEstimate Total);
