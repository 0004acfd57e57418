namespace OrgSim.Core.Agents;

/// <summary>Constants and names shared by everything that iterates over the four competencies.</summary>
public static class Competencies
{
    /// <summary>The number of competencies each agent holds: 4.</summary>
    public const int Count = 4;

    /// <summary>All competencies in index order.</summary>
    public static IReadOnlyList<Competency> All { get; } =
        [Competency.Decisiveness, Competency.Circularity, Competency.Pacing, Competency.Feedforward];

    /// <summary>The lower-case name used in scenario files and CSV output, e.g. <c>decisiveness</c>.</summary>
    public static string Name(Competency competency) => competency switch
    {
        Competency.Decisiveness => "decisiveness",
        Competency.Circularity => "circularity",
        Competency.Pacing => "pacing",
        Competency.Feedforward => "feedforward",
        _ => throw new ArgumentOutOfRangeException(nameof(competency), competency, "should be one of the four competencies"),
    };

    /// <summary>Parses a name written by <see cref="Name"/>; returns false for anything else.</summary>
    public static bool TryParse(string name, out Competency competency)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                competency = candidate;
                return true;
            }
        }

        competency = default;
        return false;
    }
}
