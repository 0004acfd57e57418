namespace OrgSim.Experiments.Sensitivity;

/// <summary>
/// The analysis of one output: Morris's measures or Sobol's indices, or — when the output has no
/// value at some design points (a metric undefined in a replicate there) — neither, with how many
/// points lacked it.
/// </summary>
/// <param name="Output">What is explained.</param>
/// <param name="Morris">The Morris measures, for a Morris design with every point's value.</param>
/// <param name="Sobol">The Sobol' indices, for a Saltelli design with every point's value.</param>
/// <param name="UndefinedPoints">How many design points had no value of the output.</param>
/// <param name="Mean">The output's mean over the design's points (NaN if undefined anywhere): its typical size, for judging the effects.</param>
/// <param name="Spread">The output's standard deviation over the points (NaN if undefined): how much it varies at all.</param>
public sealed record OutputAnalysis(SensitivityOutput Output, MorrisAnalysis? Morris, SobolAnalysis? Sobol, int UndefinedPoints, double Mean, double Spread);
