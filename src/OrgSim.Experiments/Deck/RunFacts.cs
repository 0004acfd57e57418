namespace OrgSim.Experiments.Deck;

/// <summary>What the closing slide says about how the results were made, from <c>run.json</c>; each null when it does not say.</summary>
/// <param name="Seed">The scenario's seed.</param>
/// <param name="Agents">The organisation's size.</param>
/// <param name="Version">The version of orgsim that ran it.</param>
public sealed record RunFacts(ulong? Seed, long? Agents, string? Version)
{
    /// <summary>Nothing known.</summary>
    public static RunFacts None { get; } = new(null, null, null);
}
