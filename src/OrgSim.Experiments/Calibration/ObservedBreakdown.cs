namespace OrgSim.Experiments.Calibration;

/// <summary>How the rows of an <see cref="ObservedSurvey"/> divide the organisation.</summary>
public enum ObservedBreakdown
{
    /// <summary>Each row is the whole organisation: the file has neither a <c>level</c> nor a <c>unit</c> column.</summary>
    None,

    /// <summary>Each row is one hierarchy level (0 = top): the file has a <c>level</c> column.</summary>
    Level,

    /// <summary>Each row is one unit, named as the HR export names its team: the file has a <c>unit</c> column.</summary>
    Unit,
}
