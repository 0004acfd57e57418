namespace OrgSim.Experiments.Sensitivity;

/// <summary>
/// The analysis of one output: Morris's measures or Sobol's indices, or neither — when the output
/// has no value at some design points (a metric undefined in a replicate there; how many is in
/// <see cref="UndefinedPoints"/>), or when it is the same at every point (<see cref="IsConstant"/>).
/// </summary>
/// <param name="Output">What is explained.</param>
/// <param name="Morris">The Morris measures, for a Morris design with every point's value.</param>
/// <param name="Sobol">The Sobol' indices, for a Saltelli design with every point's value.</param>
/// <param name="UndefinedPoints">How many design points had no value of the output.</param>
/// <param name="Mean">The output's mean over the design's points (NaN if undefined anywhere): its typical size, for judging the effects.</param>
/// <param name="Spread">The output's standard deviation over the points (NaN if undefined): how much it varies at all.</param>
/// <param name="StandardError">The root mean square over points of the standard error of each point's value (NaN with one replicate): the Monte Carlo noise in the values the analysis rests on.</param>
public sealed record OutputAnalysis(SensitivityOutput Output, MorrisAnalysis? Morris, SobolAnalysis? Sobol, int UndefinedPoints, double Mean, double Spread, double StandardError = double.NaN)
{
    /// <summary>Whether the output had a value at every point, the same everywhere: nothing to share out between the parameters.</summary>
    public bool IsConstant => Morris is null && Sobol is null && UndefinedPoints == 0;

    /// <summary>Morris: the μ* noise alone would give a parameter with no effect (<see cref="DesignOutputCollector.MorrisNoise"/>), an upper bound; NaN otherwise.</summary>
    public double NoiseMuStar { get; init; } = double.NaN;

    /// <summary>Sobol': the share of the output's variance over points that is replicate noise, SE² / Var; NaN otherwise.</summary>
    public double NoiseShare => Sobol is not null && Spread > 0 ? StandardError * StandardError / (Spread * Spread) : double.NaN;
}
