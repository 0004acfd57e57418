namespace OrgSim.Experiments.Sensitivity;

/// <summary>How a <see cref="ParameterRange"/> spreads the unit interval over its values.</summary>
public enum ParameterScale
{
    /// <summary>Equal steps in the value: a coordinate u in [0, 1] is low + u · (high − low).</summary>
    Uniform,

    /// <summary>
    /// Equal steps in the logarithm of the value, for rates and other quantities whose plausible
    /// values span orders of magnitude: u is low · (high / low)^u. Needs low &gt; 0.
    /// </summary>
    LogUniform,
}
