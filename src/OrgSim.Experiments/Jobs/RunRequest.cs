namespace OrgSim.Experiments.Jobs;

/// <summary>What <c>orgsim run</c> was asked to do, as typed; <see cref="RunJob"/> checks it all before running anything.</summary>
public sealed record RunRequest
{
    /// <summary>The largest <see cref="Threads"/> accepted.</summary>
    public const int MaxThreads = 256;

    /// <summary>The scenario and its overrides.</summary>
    public required ScenarioInput Scenario { get; init; }

    /// <summary>The output folder, or null for <c>results/NAME</c>.</summary>
    public string? Out { get; init; }

    /// <summary>Whether results of another scenario in <see cref="Out"/> may be replaced.</summary>
    public bool Overwrite { get; init; }

    /// <summary><c>--only</c>: the runs to do alone, or null.</summary>
    public string? Only { get; init; }

    /// <summary><c>--shard I/N</c>, or null.</summary>
    public string? Shard { get; init; }

    /// <summary><c>--shards N</c> for an index from the environment, or null.</summary>
    public int? Shards { get; init; }

    /// <summary>The process environment, where Slurm and Kubernetes put the shard index.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Worker threads; never changes the results.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Whether to skip the charts and the report.</summary>
    public bool NoReport { get; init; }

    /// <summary>Whether the scenario must have a <c>sensitivity</c> section (<c>orgsim sensitivity</c>).</summary>
    public bool RequireSensitivity { get; init; }

    /// <summary>Whether to add PNG copies of the charts.</summary>
    public bool Png { get; init; }

    /// <summary>Whether to write the workshop deck, <c>workshop.pptx</c>.</summary>
    public bool Pptx { get; init; }
}
