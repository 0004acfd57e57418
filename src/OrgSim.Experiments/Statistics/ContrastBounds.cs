namespace OrgSim.Experiments.Statistics;

/// <summary>Classifies a censored contrast and names the classes as <c>contrasts.csv</c> writes them.</summary>
public static class ContrastBounds
{
    /// <summary>The bound of a difference over <paramref name="pairs"/> paired runs, of which the arm reached X in <paramref name="armReached"/> and the reference in <paramref name="referenceReached"/>.</summary>
    public static ContrastBound Of(int armReached, int referenceReached, int pairs) =>
        (armReached == pairs, referenceReached == pairs) switch
        {
            (true, true) => ContrastBound.Exact,
            (false, true) => ContrastBound.AtLeast,
            (true, false) => ContrastBound.AtMost,
            _ when armReached == 0 && referenceReached == 0 => ContrastBound.Undefined,
            _ => ContrastBound.Unknown,
        };

    /// <summary>The value of the <c>bound</c> column: exact, at_least, at_most, unknown or undefined.</summary>
    public static string Name(ContrastBound bound) => bound switch
    {
        ContrastBound.Exact => "exact",
        ContrastBound.AtLeast => "at_least",
        ContrastBound.AtMost => "at_most",
        ContrastBound.Unknown => "unknown",
        _ => "undefined",
    };
}
