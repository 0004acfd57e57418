namespace OrgSim.Core.Metrics;

/// <summary>
/// The penalties of the effectiveness score (seed <c>000_4cfcd769e7dde9b2.txt</c>: the four
/// competencies work in balance; circularity without decisiveness is chaotic, senseless action;
/// deciding without acting and following up is useless). Each is in [0, 1]; 0 switches it off.
/// See <see cref="Effectiveness"/> for the formula.
/// </summary>
public sealed record EffectivenessWeights
{
    /// <summary>Weight on circularity ahead of decisiveness (chaotic action). Default 0.5.</summary>
    public double ChaosPenalty { get; init; } = 0.5;

    /// <summary>Weight on decisiveness ahead of its follow-through, the mean of circularity and pacing. Default 0.25.</summary>
    public double FollowThroughPenalty { get; init; } = 0.25;

    /// <summary>Weight on the spread between the highest and lowest of the four levels. Default 0.1.</summary>
    public double ImbalancePenalty { get; init; } = 0.1;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first weight out of [0, 1].</summary>
    public void Validate()
    {
        Check(ChaosPenalty, nameof(ChaosPenalty));
        Check(FollowThroughPenalty, nameof(FollowThroughPenalty));
        Check(ImbalancePenalty, nameof(ImbalancePenalty));
    }

    private static void Check(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "should be in range [0, 1]");
        }
    }
}
