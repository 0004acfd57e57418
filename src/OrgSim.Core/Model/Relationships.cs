using OrgSim.Core.Graph;

namespace OrgSim.Core.Model;

/// <summary>
/// The <see cref="Relationship"/> of each <see cref="EdgeType"/>, seen from the observer.
/// Defaults follow seed <c>004_d289bc1ef36d191b.txt</c>: weekly one-to-ones with the manager,
/// daily team contact (five working days), roughly monthly cross-team contact; people model their
/// manager more than managers model their reports.
/// </summary>
public sealed record Relationships
{
    /// <summary>Observing one's manager. Default weight 1.0, 1 interaction a week.</summary>
    public Relationship Manager { get; init; } = new(1.0, 1.0);

    /// <summary>A manager observing a direct report. Default weight 0.5, 1 interaction a week.</summary>
    public Relationship Report { get; init; } = new(0.5, 1.0);

    /// <summary>Observing a team peer. Default weight 1.0, 5 interactions a week (daily).</summary>
    public Relationship TeamPeer { get; init; } = new(1.0, 5.0);

    /// <summary>Observing a contact in another team. Default weight 0.5, 0.25 interactions a week.</summary>
    public Relationship CrossTeam { get; init; } = new(0.5, 0.25);

    /// <summary>The relationship of <paramref name="type"/>.</summary>
    public Relationship For(EdgeType type) => type switch
    {
        EdgeType.Manager => Manager,
        EdgeType.Report => Report,
        EdgeType.TeamPeer => TeamPeer,
        EdgeType.CrossTeam => CrossTeam,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "should be a defined edge type"),
    };
}
