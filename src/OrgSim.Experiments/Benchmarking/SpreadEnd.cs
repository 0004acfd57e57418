namespace OrgSim.Experiments.Benchmarking;

/// <summary>
/// When a benchmark run has seen the whole spread and stops: the first of these to hold, checked
/// after every week.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Every agent is competent in every competency.</item>
/// <item>Quiescent: no agent changed stage for <see cref="QuietWeeks"/> weeks in a row. In the classic
/// model one such week is final; with learning, a small organisation can have a quiet week mid-spread.</item>
/// <item>A plateau: the competent share rose by less than <see cref="PlateauRise"/> (0.1 percentage
/// point) over the last <see cref="PlateauWeeks"/> weeks, e.g. the last isolated agents of a random network.</item>
/// <item><see cref="MaxWeeks"/> weeks (ten years) have run.</item>
/// </list>
/// </remarks>
public static class SpreadEnd
{
    /// <summary>Weeks in a row without a stage change that count as quiescence.</summary>
    public const int QuietWeeks = 4;

    /// <summary>The span over which a plateau is judged, in weeks.</summary>
    public const int PlateauWeeks = 52;

    /// <summary>The rise of the competent share, over <see cref="PlateauWeeks"/>, below which the spread has stopped.</summary>
    public const double PlateauRise = 0.001;

    /// <summary>The most weeks a benchmark run steps.</summary>
    public const int MaxWeeks = 520;

    /// <summary>Why the run ends after the last week of <paramref name="shares"/>, or null to go on.</summary>
    /// <param name="shares">The competent share after seeding (index 0) and after each week since.</param>
    /// <param name="quietWeeks">How many of the last weeks in a row changed no agent's stage.</param>
    public static string? Reason(IReadOnlyList<double> shares, int quietWeeks)
    {
        ArgumentNullException.ThrowIfNull(shares);
        int week = shares.Count - 1;
        if (week < 1)
        {
            return null;
        }

        if (shares[week] >= 1)
        {
            return "every agent competent";
        }

        if (quietWeeks >= QuietWeeks)
        {
            return "quiescent";
        }

        if (week >= PlateauWeeks && shares[week] - shares[week - PlateauWeeks] < PlateauRise)
        {
            return "plateau";
        }

        return week >= MaxWeeks ? "week limit" : null;
    }
}
