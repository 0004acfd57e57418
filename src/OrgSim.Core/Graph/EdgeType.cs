namespace OrgSim.Core.Graph;

/// <summary>
/// The relationship a directed edge <c>v → u</c> stands for, seen from <c>v</c>, the agent who
/// observes <c>u</c>. Every tie is stored in both directions with mirrored types, so that
/// "people model their manager more than managers model their reports" is a per-type weight.
/// </summary>
/// <remarks>
/// The first four types are the structure every hierarchy has; the engine counts them in vector
/// lanes. The others come from matrix structures and overlays (mentoring pods, coaches, quality
/// circles, skip-level meetings; seed <c>004_d289bc1ef36d191b.txt</c>).
/// </remarks>
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

    /// <summary><c>u</c> is <c>v</c>'s dotted-line (second, matrix) manager.</summary>
    DottedManager = 4,

    /// <summary><c>u</c> reports to <c>v</c> on a dotted line.</summary>
    DottedReport = 5,

    /// <summary><c>u</c> is <c>v</c>'s mentor.</summary>
    Mentor = 6,

    /// <summary><c>u</c> is one of <c>v</c>'s mentees.</summary>
    Mentee = 7,

    /// <summary><c>u</c> coaches <c>v</c> (an external coach, or the life coach of the mentors).</summary>
    Coach = 8,

    /// <summary><c>u</c> is one of <c>v</c>'s coaching clients.</summary>
    Coachee = 9,

    /// <summary><c>u</c> is in a quality circle with <c>v</c>.</summary>
    CirclePeer = 10,

    /// <summary><c>u</c> is <c>v</c>'s manager's manager, met in skip-level meetings.</summary>
    SkipManager = 11,

    /// <summary><c>u</c> reports to one of <c>v</c>'s direct reports: a skip-level report.</summary>
    SkipReport = 12,
}
