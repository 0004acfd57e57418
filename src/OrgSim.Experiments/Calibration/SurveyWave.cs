using OrgSim.Core.Agents;

namespace OrgSim.Experiments.Calibration;

/// <summary>
/// What one survey row asks of a run: the week, the competency (null for the four pooled) and the
/// group (the whole organisation, a level, or a unit named as its team), and how many answered.
/// </summary>
public sealed record SurveyWave(int Week, Competency? Competency, int? Level, string? Unit, int Respondents)
{
    /// <summary>The wave an observed row describes.</summary>
    public static SurveyWave Of(ObservedRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Week, row.Competency, row.Level, row.Unit, row.Respondents);
    }

    /// <summary>How many ratings the wave holds: the respondents, four times over for <c>all</c>.</summary>
    public int Ratings => Competency is null ? Respondents * Competencies.Count : Respondents;
}
