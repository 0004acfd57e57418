namespace OrgSim.Core.Graph;

/// <summary>Constants and names for <see cref="EdgeType"/>.</summary>
public static class EdgeTypes
{
    /// <summary>The number of edge types; sizes per-type lookup tables.</summary>
    public const int Count = 4;

    /// <summary>All edge types in index order.</summary>
    public static IReadOnlyList<EdgeType> All { get; } =
        [EdgeType.Manager, EdgeType.Report, EdgeType.TeamPeer, EdgeType.CrossTeam];

    /// <summary>The type of the reverse edge <c>u → v</c>.</summary>
    public static EdgeType Reverse(EdgeType type) => type switch
    {
        EdgeType.Manager => EdgeType.Report,
        EdgeType.Report => EdgeType.Manager,
        _ => type,
    };

    /// <summary>The snake-case name used in scenario files and exports.</summary>
    public static string Name(EdgeType type) => type switch
    {
        EdgeType.Manager => "manager",
        EdgeType.Report => "report",
        EdgeType.TeamPeer => "team_peer",
        EdgeType.CrossTeam => "cross_team",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "should be a defined edge type"),
    };
}
