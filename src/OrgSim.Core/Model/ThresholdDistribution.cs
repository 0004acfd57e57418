namespace OrgSim.Core.Model;

/// <summary>
/// Where each agent's adoption threshold comes from: one fixed value, a draw per agent from a
/// uniform or a normal distribution (clamped at 0), or values given agent by agent (a column). For the fractional rule a threshold is a share
/// in [0, 1]; for the absolute rule a number of contacts.
/// </summary>
/// <param name="Kind">Fixed, uniform or normal.</param>
/// <param name="A">The fixed value, the uniform's lower bound, or the normal's mean.</param>
/// <param name="B">Unused, the uniform's upper bound, or the normal's standard deviation.</param>
public sealed record ThresholdDistribution(ThresholdKind Kind, double A, double B = 0)
{
    /// <summary>
    /// <see cref="ThresholdKind.Column"/>: the name of the per-agent values, which the caller reads
    /// and gives to <see cref="Engine.Simulation.SetThresholds"/>; empty otherwise. Core reads no file:
    /// this is a label, for the record of what was run.
    /// </summary>
    public string Column { get; init; } = string.Empty;

    /// <summary>Every agent at <paramref name="value"/>.</summary>
    public static ThresholdDistribution Fixed(double value) => new(ThresholdKind.Fixed, value);

    /// <summary>The agent's threshold from two independent uniform numbers in [0, 1).</summary>
    public double Draw(double u1, double u2) => Kind switch
    {
        ThresholdKind.Fixed => A,
        ThresholdKind.Uniform => A + ((B - A) * u1),
        ThresholdKind.Normal => Math.Max(0, A + (B * Math.Sqrt(-2 * Math.Log(1 - u1)) * Math.Cos(2 * Math.PI * u2))), // Box–Muller
        ThresholdKind.Column => throw new InvalidOperationException($"thresholds from column '{Column}' are given agent by agent, not drawn"),
        _ => throw new InvalidOperationException($"unknown threshold kind {Kind}"),
    };
}
