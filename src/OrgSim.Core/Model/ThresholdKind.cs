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

    /// <summary>
    /// Given agent by agent, e.g. from a column of a data file (<see cref="ThresholdDistribution.Column"/>
    /// names it), through <see cref="Engine.Simulation.SetThresholds"/> before the first step; nothing is drawn.
    /// </summary>
    Column = 3,
}
