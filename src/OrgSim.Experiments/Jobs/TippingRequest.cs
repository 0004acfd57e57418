namespace OrgSim.Experiments.Jobs;

/// <summary>What <c>orgsim tipping</c> was asked, as typed; <see cref="TippingJob"/> checks it.</summary>
public sealed record TippingRequest
{
    /// <summary>The scenario and its <c>--set</c> overrides.</summary>
    public required ScenarioInput Scenario { get; init; }

    /// <summary>The keys varied: one for a search, two for a grid.</summary>
    public required IReadOnlyList<string> Vary { get; init; }

    /// <summary>Two bounds per key, in the order of <see cref="Vary"/>, as typed.</summary>
    public required IReadOnlyList<string> Between { get; init; }

    /// <summary><c>ARM1-ARM2</c> and optionally the metric, as typed after <c>--contrast</c>.</summary>
    public required IReadOnlyList<string> Contrast { get; init; }

    /// <summary>Replicates per probe to begin with; null for the scenario's.</summary>
    public int? Replicates { get; init; }

    /// <summary>The widest acceptable 95% interval of the crossing; null for a tenth of the interval searched.</summary>
    public double? Tolerance { get; init; }

    /// <summary>The most runs the search may use.</summary>
    public long MaxRuns { get; init; } = TippingJob.DefaultMaxRuns;

    /// <summary>Values per key of the two-key grid.</summary>
    public int Grid { get; init; } = 7;

    /// <summary>Worker threads; never changes the result.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>A folder for tipping.csv and the chart; null to write nothing.</summary>
    public string? Out { get; init; }

    /// <summary>Whether files of an earlier search in <see cref="Out"/> may be replaced.</summary>
    public bool Overwrite { get; init; }
}
