namespace OrgSim.Core.Graph;

/// <summary>Constants and names for <see cref="EdgeType"/>.</summary>
public static class EdgeTypes
{
    /// <summary>The number of edge types; sizes per-type lookup tables.</summary>
    public const int Count = 13;

    /// <summary>The types every hierarchy has (manager, report, team peer, cross-team): the engine counts these in vector lanes.</summary>
    public const int StructuralCount = 4;

    /// <summary>All edge types in index order.</summary>
    public static IReadOnlyList<EdgeType> All { get; } = Enum.GetValues<EdgeType>();

    /// <summary>The type of the reverse edge <c>u → v</c>.</summary>
    public static EdgeType Reverse(EdgeType type) => type switch
    {
        EdgeType.Manager => EdgeType.Report,
        EdgeType.Report => EdgeType.Manager,
        EdgeType.DottedManager => EdgeType.DottedReport,
        EdgeType.DottedReport => EdgeType.DottedManager,
        EdgeType.Mentor => EdgeType.Mentee,
        EdgeType.Mentee => EdgeType.Mentor,
        EdgeType.Coach => EdgeType.Coachee,
        EdgeType.Coachee => EdgeType.Coach,
        EdgeType.SkipManager => EdgeType.SkipReport,
        EdgeType.SkipReport => EdgeType.SkipManager,
        _ => type,
    };

    /// <summary>The snake-case name used in scenario files, imports and exports.</summary>
    public static string Name(EdgeType type) => type switch
    {
        EdgeType.Manager => "manager",
        EdgeType.Report => "report",
        EdgeType.TeamPeer => "team_peer",
        EdgeType.CrossTeam => "cross_team",
        EdgeType.DottedManager => "dotted_manager",
        EdgeType.DottedReport => "dotted_report",
        EdgeType.Mentor => "mentor",
        EdgeType.Mentee => "mentee",
        EdgeType.Coach => "coach",
        EdgeType.Coachee => "coachee",
        EdgeType.CirclePeer => "circle_peer",
        EdgeType.SkipManager => "skip_manager",
        EdgeType.SkipReport => "skip_report",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "should be a defined edge type"),
    };

    /// <summary>The type named <paramref name="name"/> (as <see cref="Name"/> writes it), or null.</summary>
    public static EdgeType? Parse(string name)
    {
        foreach (EdgeType type in All)
        {
            if (string.Equals(Name(type), name, StringComparison.Ordinal))
            {
                return type;
            }
        }

        return null;
    }
}
