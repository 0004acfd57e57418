namespace OrgSim.Experiments.Tipping;

/// <summary>
/// One value of the varied key and the contrast (arm 1 minus arm 2) of every replicate run there.
/// Replicate r uses the same seeds at every value (common random numbers), so contrasts at two
/// values are paired by their index.
/// </summary>
/// <param name="Value">The value of the key.</param>
/// <param name="Contrasts">The contrast of replicates 0, 1, …, in order.</param>
public sealed record TippingProbe(double Value, IReadOnlyList<double> Contrasts)
{
    /// <summary>How many replicates the probe has.</summary>
    public int Replicates => Contrasts.Count;

    /// <summary>The mean contrast over the replicates.</summary>
    public double Mean => Contrasts.Average();
}
