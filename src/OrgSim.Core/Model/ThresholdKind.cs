namespace OrgSim.Core.Model;

/// <summary>The shape of a <see cref="ThresholdDistribution"/>.</summary>
public enum ThresholdKind : byte
{
    /// <summary>One value for every agent.</summary>
    Fixed = 0,

    /// <summary>Uniform between two bounds.</summary>
    Uniform = 1,

    /// <summary>Normal with a mean and a standard deviation, clamped at 0.</summary>
    Normal = 2,
}
