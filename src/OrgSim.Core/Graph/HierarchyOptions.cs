namespace OrgSim.Core.Graph;

/// <summary>Parameters of <see cref="HierarchyGenerator"/>.</summary>
public sealed record HierarchyOptions
{
    /// <summary>Number of agents, in [1, 20,000,000]. Default 1,000.</summary>
    public int Agents { get; init; } = 1_000;

    /// <summary>Direct reports per manager (span of control), in [1, 1,000]. Default 8. With <see cref="SpanMax"/>, the smallest span.</summary>
    public int Span { get; init; } = 8;

    /// <summary>
    /// 0 (default) for a fixed span; otherwise each manager's span is drawn uniformly from
    /// [<see cref="Span"/>, <see cref="SpanMax"/>], in [Span, 1,000].
    /// </summary>
    public int SpanMax { get; init; }

    /// <summary>
    /// Functions (departments), in [1, 1,000]. Default 1. The chief's direct reports head them in
    /// turn (report i heads function i mod F) and everyone below belongs to their head's function.
    /// </summary>
    public int Functions { get; init; } = 1;

    /// <summary>Sites, in [1, 1,000]. Default 1. Each team works at one site, drawn uniformly.</summary>
    public int Sites { get; init; } = 1;

    /// <summary>Share of agents who work remotely, in [0, 1]. Default 0.</summary>
    public double RemoteShare { get; init; }

    /// <summary>
    /// Weight of a tie between agents at different sites or involving a remote agent, in (0, 1]
    /// (seed <c>004_d289bc1ef36d191b.txt</c>: a lower personal connection between remote
    /// colleagues). Default 0.5.
    /// </summary>
    public double RemoteTieWeight { get; init; } = 0.5;

    /// <summary>
    /// Share of cross-team ties that join different functions, in [0, 1]; null (default) draws
    /// both ends uniformly from the whole organisation, whatever their functions.
    /// </summary>
    public double? CrossFunctionShare { get; init; }

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

        if (SpanMax != 0 && (SpanMax < Span || SpanMax > MaxSpan))
        {
            throw new ArgumentOutOfRangeException(nameof(SpanMax), SpanMax, $"should be 0 or in range [{Span}, {MaxSpan}]");
        }

        if (Functions is < 1 or > 1_000)
        {
            throw new ArgumentOutOfRangeException(nameof(Functions), Functions, "should be in range [1, 1000]");
        }

        if (Sites is < 1 or > 1_000)
        {
            throw new ArgumentOutOfRangeException(nameof(Sites), Sites, "should be in range [1, 1000]");
        }

        if (!(RemoteShare >= 0 && RemoteShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(RemoteShare), RemoteShare, "should be in range [0, 1]");
        }

        if (!(RemoteTieWeight > 0 && RemoteTieWeight <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(RemoteTieWeight), RemoteTieWeight, "should be in range (0, 1]");
        }

        if (CrossFunctionShare is { } share && !(share >= 0 && share <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(CrossFunctionShare), share, "should be in range [0, 1]");
        }

        if (ExecutiveLevels is < 0 or > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(ExecutiveLevels), ExecutiveLevels, "should be in range [0, 255]");
        }
    }
}
