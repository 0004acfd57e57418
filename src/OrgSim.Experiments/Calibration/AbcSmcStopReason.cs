namespace OrgSim.Experiments.Calibration;

/// <summary>Why an ABC-SMC calibration stopped proposing populations.</summary>
public enum AbcSmcStopReason
{
    /// <summary>Still running: <see cref="AbcSmcState.Candidates"/> has the next batch.</summary>
    None,

    /// <summary>
    /// The next tolerance would fall by less than <see cref="AbcSmcSettings.MinToleranceDecrease"/>
    /// (relative) or the tolerance has reached 0: another population would cost runs without
    /// tightening the fit.
    /// </summary>
    ToleranceConverged,

    /// <summary>
    /// Fewer than <see cref="AbcSmcSettings.MinAcceptanceRate"/> of a generation's candidates were
    /// accepted: the tolerance is near what the model's own noise allows, and runs are mostly
    /// wasted. The posterior is the last complete population.
    /// </summary>
    AcceptanceRateBelowMinimum,

    /// <summary><see cref="AbcSmcSettings.MaxGenerations"/> populations are complete.</summary>
    MaxGenerations,
}
