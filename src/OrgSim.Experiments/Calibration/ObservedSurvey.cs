namespace OrgSim.Experiments.Calibration;

/// <summary>
/// An observed survey, read and checked by <see cref="ObservedSurveyReader"/>: what an organisation
/// measured, wave by wave, for calibration to compare with simulated shares. Immutable.
/// </summary>
/// <remarks>docs/calibration.md ("The observed data") gives the format and every problem the reader reports.</remarks>
public sealed class ObservedSurvey
{
    internal ObservedSurvey(string file, ObservedCounts counts, ObservedBreakdown breakdown, IReadOnlyList<ObservedRow> rows)
    {
        File = file;
        Counts = counts;
        Breakdown = breakdown;
        Rows = rows;
    }

    /// <summary>The file as the user named it.</summary>
    public string File { get; }

    /// <summary>Whether the rows count each stage or only the competent.</summary>
    public ObservedCounts Counts { get; }

    /// <summary>Whether the rows are for the whole organisation, a level or a unit.</summary>
    public ObservedBreakdown Breakdown { get; }

    /// <summary>The rows in file order; at least one, no two for the same week, competency and group.</summary>
    public IReadOnlyList<ObservedRow> Rows { get; }

    /// <summary>The weeks surveyed, ascending, each once.</summary>
    public IReadOnlyList<int> Weeks => [.. Rows.Select(r => r.Week).Distinct().Order()];
}
