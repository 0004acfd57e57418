namespace OrgSim.Experiments.Jobs;

/// <summary>What <c>orgsim graph</c> was asked to do.</summary>
public sealed record GraphRequest
{
    /// <summary>The scenario and its overrides.</summary>
    public required ScenarioInput Scenario { get; init; }

    /// <summary>graphml, gexf, dot or edges; null for statistics only.</summary>
    public string? Format { get; init; }

    /// <summary>The file to write, or null for <c>results/NAME.EXT</c>.</summary>
    public string? Out { get; init; }

    /// <summary>Whether to compute the statistics.</summary>
    public bool Stats { get; init; }

    /// <summary>The sweep point whose organisation to use.</summary>
    public int Point { get; init; }

    /// <summary>The replicate whose organisation to use.</summary>
    public int Replicate { get; init; }

    /// <summary>The arm whose run a GEXF timeline shows, or null for the first.</summary>
    public string? Arm { get; init; }

    /// <summary>Whether <see cref="Out"/> may be replaced.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Threads for the statistics and the GEXF run; never changes the results.</summary>
    public int Threads { get; init; } = 1;
}
