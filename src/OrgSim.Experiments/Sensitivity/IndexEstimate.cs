namespace OrgSim.Experiments.Sensitivity;

/// <summary>A sensitivity index with its bootstrap 95% percentile interval.</summary>
/// <param name="Value">The estimate from all N rows.</param>
/// <param name="Low">The 2.5th percentile of the bootstrap estimates.</param>
/// <param name="High">The 97.5th percentile of the bootstrap estimates.</param>
public readonly record struct IndexEstimate(double Value, double Low, double High)
{
    /// <summary>High − Low.</summary>
    public double Width => High - Low;

    /// <summary>Whether <paramref name="value"/> lies in [Low, High].</summary>
    public bool Contains(double value) => value >= Low && value <= High;
}
