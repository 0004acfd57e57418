namespace OrgSim.Experiments.Calibration;

/// <summary>Which of the two count forms an <see cref="ObservedSurvey"/> is in; one file holds one form.</summary>
public enum ObservedCounts
{
    /// <summary>Columns <c>stage_0</c> … <c>stage_3</c>: how many ratings were at each stage.</summary>
    Stages,

    /// <summary>Column <c>competent</c>: how many ratings were at stage 2 or 3, the stages at which an agent deploys the competency.</summary>
    Competent,
}
