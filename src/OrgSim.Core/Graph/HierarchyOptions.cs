namespace OrgSim.Core.Graph;

/// <summary>Parameters of <see cref="HierarchyGenerator"/>.</summary>
public sealed record HierarchyOptions
{
    /// <summary>Number of agents, in [1, 20,000,000]. Default 1,000.</summary>
    public int Agents { get; init; } = 1_000;

    /// <summary>Direct reports per manager (span of control), in [1, 1,000]. Default 8.</summary>
    public int Span { get; init; } = 8;

    /// <summary>Mean number of informal ties each agent has into other teams, in [0, 100]. Default 2.</summary>
    public double CrossTeamTiesPerAgent { get; init; } = 2.0;

    /// <summary>How many top levels count as <see cref="Role.Executive"/>, in [0, 255]. Default 2 (the chief and their reports).</summary>
    public int ExecutiveLevels { get; init; } = 2;

    /// <summary>Limits checked by <see cref="Validate"/> and by scenario validation.</summary>
    public const int MaxAgents = 20_000_000;

    /// <summary>The largest span accepted.</summary>
    public const int MaxSpan = 1_000;

    /// <summary>The largest mean number of cross-team ties accepted.</summary>
    public const double MaxCrossTeamTies = 100;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        if (Agents is < 1 or > MaxAgents)
        {
            throw new ArgumentOutOfRangeException(nameof(Agents), Agents, $"should be in range [1, {MaxAgents}]");
        }

        if (Span is < 1 or > MaxSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(Span), Span, $"should be in range [1, {MaxSpan}]");
        }

        if (!(CrossTeamTiesPerAgent >= 0 && CrossTeamTiesPerAgent <= MaxCrossTeamTies))
        {
            throw new ArgumentOutOfRangeException(nameof(CrossTeamTiesPerAgent), CrossTeamTiesPerAgent, $"should be in range [0, {MaxCrossTeamTies}]");
        }

        if (ExecutiveLevels is < 0 or > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(ExecutiveLevels), ExecutiveLevels, "should be in range [0, 255]");
        }
    }
}
