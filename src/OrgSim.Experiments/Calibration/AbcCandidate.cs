namespace OrgSim.Experiments.Calibration;

/// <summary>
/// One parameter set to evaluate: the model is run at <see cref="Values"/> and its distance to the
/// observations is handed back to <see cref="AbcSmcState.Accept"/> under <see cref="Index"/>.
/// </summary>
/// <param name="Generation">The population it is proposed for; 0 draws from the priors.</param>
/// <param name="Index">Its number within the generation, unique across the generation's rounds.</param>
/// <param name="Unit">Its coordinates in the unit cube, one per parameter (log scale for log-uniform ones).</param>
/// <param name="Values">The parameter values the run uses, in the order of <see cref="AbcSmcPlan.Parameters"/>.</param>
public sealed record AbcCandidate(int Generation, int Index, IReadOnlyList<double> Unit, IReadOnlyList<double> Values);
