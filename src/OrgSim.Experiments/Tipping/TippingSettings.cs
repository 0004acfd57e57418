namespace OrgSim.Experiments.Tipping;

/// <summary>What <see cref="TippingSearch"/> looks for and how much it may spend.</summary>
public sealed record TippingSettings
{
    /// <summary>One end of the interval searched (the first value given).</summary>
    public required double From { get; init; }

    /// <summary>The other end; must differ from <see cref="From"/>.</summary>
    public required double To { get; init; }

    /// <summary>Whether the key takes whole numbers only: every probe is then a whole number.</summary>
    public bool Whole { get; init; }

    /// <summary>The search stops when the 95% interval of the crossing is at most this wide; above 0.</summary>
    public required double Tolerance { get; init; }

    /// <summary>Replicates at each probe to begin with; doubled where the interval is too wide.</summary>
    public required int Replicates { get; init; }

    /// <summary>The most replicates any probe may reach; doubling stops there.</summary>
    public int MaxReplicates { get; init; } = 100_000;

    /// <summary>The most runs the search may use; it reports the interval it has when the next step would pass it.</summary>
    public required long MaxRuns { get; init; }

    /// <summary>Runs per replicate of a probe: 2, one per arm.</summary>
    public int RunsPerReplicate { get; init; } = 2;

    /// <summary>Bootstrap resamples of the replicates for the interval.</summary>
    public int Resamples { get; init; } = 2000;

    /// <summary>The seed of the bootstrap's resampling; the result depends on it only through the interval's last digits.</summary>
    public ulong Seed { get; init; }

    /// <summary>The lower end of the interval searched.</summary>
    public double Low => Math.Min(From, To);

    /// <summary>The upper end of the interval searched.</summary>
    public double High => Math.Max(From, To);
}
