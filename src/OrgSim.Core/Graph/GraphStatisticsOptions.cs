namespace OrgSim.Core.Graph;

/// <summary>
/// How <see cref="GraphStatistics.Compute"/> trades exactness for time: graphs up to
/// <see cref="ExactUpTo"/> agents are measured exactly; larger ones from deterministic samples.
/// </summary>
public sealed record GraphStatisticsOptions
{
    /// <summary>The largest graph measured exactly (every agent a source), in [0, 20,000,000]. Default 2,000.</summary>
    public int ExactUpTo { get; init; } = 2_000;

    /// <summary>
    /// Breadth-first sources for the mean path length and betweenness of a larger graph, in
    /// [1, 1,000,000]. Default 200. Each costs one pass over every tie of the graph.
    /// </summary>
    public int SampleSources { get; init; } = 200;

    /// <summary>Agents whose local clustering is averaged in a larger graph, in [1, 20,000,000]. Default 10,000.</summary>
    public int ClusteringSample { get; init; } = 10_000;

    /// <summary>Chooses the sampled sources and agents; the same seed gives the same report. Default 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>How many agents to list as most central by degree and by betweenness, in [0, 20,000,000]. Default 10.</summary>
    public int Top { get; init; } = 10;

    /// <summary>
    /// Threads that share the breadth-first searches, in [1, 256]. Default 1. The report is the
    /// same whatever the number.
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        if (ExactUpTo is < 0 or > HierarchyOptions.MaxAgents)
        {
            throw new ArgumentOutOfRangeException(nameof(ExactUpTo), ExactUpTo, $"should be in range [0, {HierarchyOptions.MaxAgents}]");
        }

        if (SampleSources is < 1 or > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(SampleSources), SampleSources, "should be in range [1, 1000000]");
        }

        if (ClusteringSample is < 1 or > HierarchyOptions.MaxAgents)
        {
            throw new ArgumentOutOfRangeException(nameof(ClusteringSample), ClusteringSample, $"should be in range [1, {HierarchyOptions.MaxAgents}]");
        }

        if (Top is < 0 or > HierarchyOptions.MaxAgents)
        {
            throw new ArgumentOutOfRangeException(nameof(Top), Top, $"should be in range [0, {HierarchyOptions.MaxAgents}]");
        }

        if (Threads is < 1 or > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "should be in range [1, 256]");
        }
    }
}
