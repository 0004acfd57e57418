namespace OrgSim.Experiments.Tipping;

/// <summary>What <see cref="TippingSearch"/> found.</summary>
public sealed record TippingResult
{
    /// <summary>Every probe, ascending by value, each with all its replicates.</summary>
    public required IReadOnlyList<TippingProbe> Probes { get; init; }

    /// <summary>Whether the mean contrast has the same sign at both ends: then there is no crossing, and the other members are not set.</summary>
    public bool SameSign { get; init; }

    /// <summary>The estimated crossing: linear interpolation between the two probes that bracket the first sign change.</summary>
    public double Crossing { get; init; }

    /// <summary>The lower end of the 95% bootstrap interval of the crossing.</summary>
    public double Low { get; init; }

    /// <summary>The upper end of the 95% bootstrap interval of the crossing.</summary>
    public double High { get; init; }

    /// <summary>Whether the interval is at most the tolerance wide; false when the run cap (or the replicate cap) stopped the search first.</summary>
    public bool ToleranceReached { get; init; }

    /// <summary>Whether the contrast is positive above the crossing (arm 1 ahead there) rather than below it.</summary>
    public bool PositiveAbove { get; init; }

    /// <summary>How many times the mean contrast changes sign between adjacent probes of the final replicate count; more than 1 means the first is reported.</summary>
    public int SignChanges { get; init; }

    /// <summary>The replicates of the probes the interval was computed from.</summary>
    public int Replicates { get; init; }

    /// <summary>Runs used, over every probe and replicate.</summary>
    public long Runs { get; init; }
}
