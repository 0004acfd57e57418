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
}
