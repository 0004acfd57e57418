namespace OrgSim.Core.Graph.Overlays;

/// <summary>
/// Structures laid over an organisation (seed <c>004_d289bc1ef36d191b.txt</c>): mentoring pods
/// within functions, a life coach for the mentors, external coaches, quality circles across pods,
/// skip-level meetings, and dotted-line (matrix) managers. Everything is off by default.
/// </summary>
public sealed record OverlayOptions
{
    /// <summary>Share of employees below the executive levels who are mentees in a pod, in [0, 0.9]. Default 0 (no pods).</summary>
    public double MenteeShare { get; init; }

    /// <summary>Fewest mentees per mentor, in [1, 50]. Default 3.</summary>
    public int PodMin { get; init; } = 3;

    /// <summary>Most mentees per mentor, in [PodMin, 50]. Default 5.</summary>
    public int PodMax { get; init; } = 5;

    /// <summary>Whether one life coach (an extra, external agent) coaches every mentor. Default false.</summary>
    public bool LifeCoach { get; init; }

    /// <summary>External coaches (extra agents), in [0, 10,000]. Default 0.</summary>
    public int ExternalCoaches { get; init; }

    /// <summary>Clients per external coach, in [1, 1,000]; leaders (executives and managers) first. Default 8.</summary>
    public int ClientsPerCoach { get; init; } = 8;

    /// <summary>Members per quality circle, drawn across pods, in [0, 100]; 0 (default) for none. Needs pods.</summary>
    public int CircleSize { get; init; }

    /// <summary>Whether every employee meets their manager's manager (skip-level meetings). Default false.</summary>
    public bool SkipLevelMeetings { get; init; }

    /// <summary>Share of non-executive employees with a dotted-line second manager in another function, in [0, 1]. Default 0.</summary>
    public double DottedLineShare { get; init; }

    /// <summary>The agents the overlays add to the organisation: the life coach and the external coaches.</summary>
    public int ExtraAgents => (LifeCoach ? 1 : 0) + ExternalCoaches;

    /// <summary>Whether any overlay is on.</summary>
    public bool Any => MenteeShare > 0 || LifeCoach || ExternalCoaches > 0 || CircleSize > 0 || SkipLevelMeetings || DottedLineShare > 0;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        Check(MenteeShare >= 0 && MenteeShare <= 0.9, nameof(MenteeShare), MenteeShare, "[0, 0.9]");
        Check(PodMin is >= 1 and <= 50, nameof(PodMin), PodMin, "[1, 50]");
        Check(PodMax >= PodMin && PodMax <= 50, nameof(PodMax), PodMax, $"[{PodMin}, 50]");
        Check(ExternalCoaches is >= 0 and <= 10_000, nameof(ExternalCoaches), ExternalCoaches, "[0, 10000]");
        Check(ClientsPerCoach is >= 1 and <= 1_000, nameof(ClientsPerCoach), ClientsPerCoach, "[1, 1000]");
        Check(CircleSize is >= 0 and <= 100, nameof(CircleSize), CircleSize, "[0, 100]");
        Check(DottedLineShare >= 0 && DottedLineShare <= 1, nameof(DottedLineShare), DottedLineShare, "[0, 1]");
    }

    private static void Check(bool ok, string name, object value, string range)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"should be in range {range}");
        }
    }
}
