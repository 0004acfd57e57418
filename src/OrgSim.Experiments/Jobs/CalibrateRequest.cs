namespace OrgSim.Experiments.Jobs;

/// <summary>What <c>orgsim calibrate</c> was asked to do.</summary>
public sealed record CalibrateRequest
{
    /// <summary>The scenario with its calibration section, and its --set values.</summary>
    public required ScenarioInput Scenario { get; init; }

    /// <summary>The observed survey file.</summary>
    public required string Observed { get; init; }

    /// <summary>The output folder; null for results/NAME-calibration.</summary>
    public string? Out { get; init; }

    /// <summary>Whether to replace another calibration's files in <see cref="Out"/>.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Worker threads; the results do not depend on it.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Whether to run every arm from the posterior and write forecast.csv.</summary>
    public bool Forecast { get; init; }

    /// <summary><c>--shard I/N</c>: run only this shard's part of each round, or null.</summary>
    public string? Shard { get; init; }

    /// <summary><c>--shards N</c> for an index from the environment, or null.</summary>
    public int? Shards { get; init; }

    /// <summary>The process environment, where Slurm and Kubernetes put the shard index (read as <c>orgsim run</c> reads it).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
}
