namespace OrgSim.Experiments.Sensitivity;

/// <summary>
/// The Morris measures of one parameter, from its r elementary effects in unit coordinates
/// (the change in the output per unit of the parameter's range, see <see cref="MorrisEstimator"/>).
/// </summary>
/// <param name="Parameter">The parameter's name.</param>
/// <param name="Mu">μ, the mean effect: its sign says which way the parameter pushes, but effects of opposite sign cancel.</param>
/// <param name="MuStar">μ*, the mean absolute effect (Campolongo, Cariboni and Saltelli 2007): the parameter's overall influence, the measure to rank by.</param>
/// <param name="Sigma">σ, the standard deviation of the effects (divisor r − 1): large when the effect depends on where the other parameters are — interactions or a non-linear response.</param>
public sealed record MorrisIndices(string Parameter, double Mu, double MuStar, double Sigma);
