using OrgSim.Core.Graph;

namespace OrgSim.Core.Model;

/// <summary>
/// The <see cref="Relationship"/> of each <see cref="EdgeType"/>, seen from the observer.
/// Defaults follow seed <c>004_d289bc1ef36d191b.txt</c>: weekly one-to-ones with the manager,
/// daily team contact (five working days), roughly monthly cross-team contact, monthly mentor
/// meetings, fortnightly coaching sessions; people model their manager, mentor and coach more than
/// these model them.
/// </summary>
public sealed record Relationships
{
    private const double Monthly = 12.0 / 52.0;

    /// <summary>Observing one's manager. Default weight 1.0, 1 interaction a week.</summary>
    public Relationship Manager { get; init; } = new(1.0, 1.0);

    /// <summary>A manager observing a direct report. Default weight 0.5, 1 interaction a week.</summary>
    public Relationship Report { get; init; } = new(0.5, 1.0);

    /// <summary>Observing a team peer. Default weight 1.0, 5 interactions a week (daily).</summary>
    public Relationship TeamPeer { get; init; } = new(1.0, 5.0);

    /// <summary>Observing a contact in another team. Default weight 0.5, 0.25 interactions a week.</summary>
    public Relationship CrossTeam { get; init; } = new(0.5, 0.25);

    /// <summary>Observing one's dotted-line (matrix) manager. Default weight 0.5, 0.5 a week (fortnightly).</summary>
    public Relationship DottedManager { get; init; } = new(0.5, 0.5);

    /// <summary>A dotted-line manager observing a dotted-line report. Default weight 0.25, 0.5 a week.</summary>
    public Relationship DottedReport { get; init; } = new(0.25, 0.5);

    /// <summary>Observing one's mentor. Default weight 1.0, 12/52 a week (monthly).</summary>
    public Relationship Mentor { get; init; } = new(1.0, Monthly);

    /// <summary>A mentor observing a mentee. Default weight 0.5, monthly.</summary>
    public Relationship Mentee { get; init; } = new(0.5, Monthly);

    /// <summary>Observing one's coach. Default weight 1.0, 0.5 a week (fortnightly sessions).</summary>
    public Relationship Coach { get; init; } = new(1.0, 0.5);

    /// <summary>A coach observing a client. Default weight 0.25, 0.5 a week.</summary>
    public Relationship Coachee { get; init; } = new(0.25, 0.5);

    /// <summary>Observing a member of one's quality circle. Default weight 0.75, monthly.</summary>
    public Relationship CirclePeer { get; init; } = new(0.75, Monthly);

    /// <summary>Observing one's manager's manager in skip-level meetings. Default weight 0.75, monthly.</summary>
    public Relationship SkipManager { get; init; } = new(0.75, Monthly);

    /// <summary>Observing a skip-level report. Default weight 0.25, monthly.</summary>
    public Relationship SkipReport { get; init; } = new(0.25, Monthly);

    /// <summary>The relationship of <paramref name="type"/>.</summary>
    public Relationship For(EdgeType type) => type switch
    {
        EdgeType.Manager => Manager,
        EdgeType.Report => Report,
        EdgeType.TeamPeer => TeamPeer,
        EdgeType.CrossTeam => CrossTeam,
        EdgeType.DottedManager => DottedManager,
        EdgeType.DottedReport => DottedReport,
        EdgeType.Mentor => Mentor,
        EdgeType.Mentee => Mentee,
        EdgeType.Coach => Coach,
        EdgeType.Coachee => Coachee,
        EdgeType.CirclePeer => CirclePeer,
        EdgeType.SkipManager => SkipManager,
        EdgeType.SkipReport => SkipReport,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "should be a defined edge type"),
    };

    /// <summary>These relationships with <paramref name="type"/>'s replaced by <paramref name="relationship"/>.</summary>
    public Relationships With(EdgeType type, Relationship relationship) => type switch
    {
        EdgeType.Manager => this with { Manager = relationship },
        EdgeType.Report => this with { Report = relationship },
        EdgeType.TeamPeer => this with { TeamPeer = relationship },
        EdgeType.CrossTeam => this with { CrossTeam = relationship },
        EdgeType.DottedManager => this with { DottedManager = relationship },
        EdgeType.DottedReport => this with { DottedReport = relationship },
        EdgeType.Mentor => this with { Mentor = relationship },
        EdgeType.Mentee => this with { Mentee = relationship },
        EdgeType.Coach => this with { Coach = relationship },
        EdgeType.Coachee => this with { Coachee = relationship },
        EdgeType.CirclePeer => this with { CirclePeer = relationship },
        EdgeType.SkipManager => this with { SkipManager = relationship },
        EdgeType.SkipReport => this with { SkipReport = relationship },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "should be a defined edge type"),
    };
}
