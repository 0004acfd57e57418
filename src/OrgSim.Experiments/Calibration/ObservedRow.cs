using OrgSim.Core.Agents;

namespace OrgSim.Experiments.Calibration;

/// <summary>
/// One row of an observed survey: one wave (a week), one competency (or the four pooled), one
/// group (the whole organisation, a level or a unit), how many answered and how they were rated.
/// Built only by <see cref="ObservedSurveyReader"/>, which has checked every count.
/// </summary>
/// <remarks>
/// A rating is one person's stage on one competency. A row for one competency has one rating per
/// respondent; a pooled row (<see cref="Competency"/> null, written <c>all</c>) has four, one per
/// competency, so its counts add up to four times <see cref="Respondents"/> and its shares are the
/// mean of the four competencies' shares, as the simulation's pooled shares are.
/// </remarks>
public sealed class ObservedRow
{
    private readonly int[]? _stages;

    internal ObservedRow(int fileRow, int week, Competency? competency, int? level, string? unit, int respondents, int[]? stages, int competent)
    {
        FileRow = fileRow;
        Week = week;
        Competency = competency;
        Level = level;
        Unit = unit;
        Respondents = respondents;
        _stages = stages;
        Competent = competent;
    }

    /// <summary>The row in the file (the header is row 1), for messages about it.</summary>
    public int FileRow { get; }

    /// <summary>The week of the wave since the programme started (week 0 is its start), 0 or more.</summary>
    public int Week { get; }

    /// <summary>The competency rated; null for a row of the four pooled (<c>all</c>).</summary>
    public Competency? Competency { get; }

    /// <summary>The hierarchy level (0 = top) when the file breaks down by level; else null.</summary>
    public int? Level { get; }

    /// <summary>The unit, as the HR export names its team, when the file breaks down by unit; else null.</summary>
    public string? Unit { get; }

    /// <summary>How many people answered, 1 or more.</summary>
    public int Respondents { get; }

    /// <summary>How many ratings the counts cover: <see cref="Respondents"/>, or four times it for a pooled row.</summary>
    public int Ratings => Competency is null ? Respondents * Competencies.Count : Respondents;

    /// <summary>Whether the row counts each stage (<see cref="ObservedCounts.Stages"/>) rather than only the competent.</summary>
    public bool HasStages => _stages is not null;

    /// <summary>How many ratings were at stage 2 or 3: given, or the sum of the two stage counts.</summary>
    public int Competent { get; }

    /// <summary>How many ratings were at <paramref name="stage"/>.</summary>
    /// <exception cref="InvalidOperationException">The row has only a competent count (<see cref="HasStages"/> is false).</exception>
    public int StageCount(Stage stage) => Stages()[(int)stage];

    /// <summary>The share of ratings at <paramref name="stage"/>, in [0, 1].</summary>
    /// <exception cref="InvalidOperationException">The row has only a competent count (<see cref="HasStages"/> is false).</exception>
    public double StageShare(Stage stage) => StageCount(stage) / (double)Ratings;

    /// <summary>The share of ratings at each stage 0 … 3, adding up to 1.</summary>
    /// <exception cref="InvalidOperationException">The row has only a competent count (<see cref="HasStages"/> is false).</exception>
    public double[] StageShares() => [.. Stages().Select(count => count / (double)Ratings)];

    /// <summary>The share of ratings at stage 2 or 3, in [0, 1]: what a simulation's competent share is compared with.</summary>
    public double CompetentShare() => Competent / (double)Ratings;

    private int[] Stages() => _stages ?? throw new InvalidOperationException("the row has only a competent count; check HasStages before asking for stage counts");
}
