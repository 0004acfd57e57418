namespace OrgSim.Experiments.Sensitivity;

/// <summary>Which global sensitivity method a scenario's <c>sensitivity</c> section asks for.</summary>
public enum SensitivityMethod
{
    /// <summary>Morris screening: μ*, μ and σ of elementary effects from r trajectories (<see cref="MorrisDesign"/>).</summary>
    Morris,

    /// <summary>Sobol' first-order and total indices from Saltelli's sampling of N base rows (<see cref="SaltelliDesign"/>).</summary>
    Sobol,
}
