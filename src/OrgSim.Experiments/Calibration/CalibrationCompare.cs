namespace OrgSim.Experiments.Calibration;

/// <summary>Which shares of each observed row the calibration's distance compares.</summary>
public enum CalibrationCompare
{
    /// <summary>The competent share (stage 2 or 3) only; the only choice for a file in the competent form.</summary>
    Competent,

    /// <summary>The share at each of the four stages; needs a file in the stage form.</summary>
    Stages,
}
