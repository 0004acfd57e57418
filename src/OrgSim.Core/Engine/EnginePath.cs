namespace OrgSim.Core.Engine;

/// <summary>Which way a <see cref="Simulation"/> steps its weeks; both give the same states.</summary>
public enum EnginePath
{
    /// <summary>The classic kernel where it applies (learning off, see <see cref="Simulation.UsesClassicKernel"/>), else the general path.</summary>
    Automatic = 0,

    /// <summary>Always the general path: every agent's week applied by the full rules. For comparisons and tests.</summary>
    General = 1,
}
