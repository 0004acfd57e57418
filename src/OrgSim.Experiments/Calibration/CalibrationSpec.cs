using OrgSim.Experiments.Sensitivity;

namespace OrgSim.Experiments.Calibration;

/// <summary>
/// A scenario's <c>calibration:</c> section: the free parameters with their prior ranges (the
/// sensitivity section's syntax), the arm the organisation ran, and the ABC-SMC settings.
/// </summary>
/// <param name="Arm">The arm the organisation actually ran; null when the scenario has one arm.</param>
/// <param name="Parameters">The free parameters; <see cref="SensitivityParameter.Whole"/> is set for keys that take whole numbers.</param>
/// <param name="Settings">The population size, α, minimum acceptance rate and maximum generations.</param>
/// <param name="Seed">The calibration seed; null derives it from the scenario seed (<see cref="SeedFor"/>).</param>
/// <param name="Compare">What the distance compares; null chooses stages for a file with stage columns, else competent.</param>
public sealed record CalibrationSpec(string? Arm, IReadOnlyList<SensitivityParameter> Parameters, AbcSmcSettings Settings, ulong? Seed, CalibrationCompare? Compare)
{
    /// <summary>The default population size N: enough for a 95% interval (ESS about 300, see docs/calibration.md).</summary>
    public const int DefaultParticles = 300;

    /// <summary>The calibration seed: the section's, else one derived from the scenario seed.</summary>
    public ulong SeedFor(ulong scenarioSeed) => Seed ?? OrgSim.Core.Randomness.SeedDerivation.Derive(scenarioSeed, "calibration", 0);

    /// <summary>The engine's plan over these parameters.</summary>
    public AbcSmcPlan Plan(ulong scenarioSeed) => new(Parameters.Select(p => p.Range()).ToList(), SeedFor(scenarioSeed), Settings);
}
