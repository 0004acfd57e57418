namespace OrgSim.Experiments.Jobs;

/// <summary>What <c>orgsim bench</c> was asked to measure, as typed; <see cref="BenchJob"/> checks it before building anything.</summary>
public sealed record BenchRequest
{
    /// <summary>The fewest agents accepted.</summary>
    public const int MinAgents = 1_000;

    /// <summary>The most agents accepted (the hierarchy generator stops at 20,000,000).</summary>
    public const int MaxAgents = 50_000_000;

    /// <summary>The default <see cref="Agents"/>.</summary>
    public const int DefaultAgents = 1_000_000;

    /// <summary>The default mean degree of an Erdős–Rényi network.</summary>
    public const double DefaultDegree = 10;

    /// <summary>The largest <see cref="Threads"/> accepted.</summary>
    public const int MaxThreads = 256;

    /// <summary>The model names, the first the default.</summary>
    public static IReadOnlyList<string> Models { get; } = ["full", "classic"];

    /// <summary>The network names, the first the default.</summary>
    public static IReadOnlyList<string> Networks { get; } = ["hierarchy", "erdos-renyi"];

    /// <summary>Agents in the organisation.</summary>
    public int Agents { get; init; } = DefaultAgents;

    /// <summary>"full" (the default model) or "classic" (the synchronous fractional-threshold model).</summary>
    public string Model { get; init; } = "full";

    /// <summary>"hierarchy" (the benchmarks' organisation) or "erdos-renyi".</summary>
    public string Network { get; init; } = "hierarchy";

    /// <summary>The mean degree of an Erdős–Rényi network; null for the default. Refused with the hierarchy, whose ties its shape sets.</summary>
    public double? Degree { get; init; }

    /// <summary>Worker threads for a tick.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Whether the result is wanted as one JSON object rather than tables.</summary>
    public bool Json { get; init; }
}
