namespace OrgSim.Core.Graph;

/// <summary>
/// The relationship a directed edge <c>v → u</c> stands for, seen from <c>v</c>, the agent who
/// observes <c>u</c>. Every tie is stored in both directions with mirrored types, so that
/// "people model their manager more than managers model their reports" is a per-type weight.
/// </summary>
public enum EdgeType : byte
{
    /// <summary><c>u</c> is <c>v</c>'s manager.</summary>
    Manager = 0,

    /// <summary><c>u</c> is one of <c>v</c>'s direct reports.</summary>
    Report = 1,

    /// <summary><c>u</c> is in <c>v</c>'s team (same manager).</summary>
    TeamPeer = 2,

    /// <summary><c>u</c> is in another team: an informal cross-team tie.</summary>
    CrossTeam = 3,
}
