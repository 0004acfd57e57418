namespace OrgSim.Experiments.Calibration;

/// <summary>What one completed population cost and how good it is.</summary>
/// <param name="Generation">0 for the population drawn from the priors.</param>
/// <param name="Tolerance">The largest distance it accepted; +∞ for generation 0.</param>
/// <param name="Evaluated">Candidates run, over all its rounds.</param>
/// <param name="Accepted">Candidates within the tolerance: the population's size.</param>
/// <param name="Rounds">Batches proposed before <see cref="AbcSmcSettings.PopulationSize"/> were accepted.</param>
/// <param name="EffectiveSampleSize">(Σw)² / Σw² of its weights: between 1 and <paramref name="Accepted"/>.</param>
public sealed record AbcGeneration(int Generation, double Tolerance, int Evaluated, int Accepted, int Rounds, double EffectiveSampleSize)
{
    /// <summary>Accepted / evaluated.</summary>
    public double AcceptanceRate => Evaluated == 0 ? 0 : (double)Accepted / Evaluated;
}
