using OrgSim.Core.Metrics;

namespace OrgSim.Experiments.Scenarios;

/// <summary>How the outcome metrics are computed: nothing here changes the dynamics.</summary>
public sealed record MetricsSpec
{
    /// <summary>The penalties of the effectiveness score.</summary>
    public EffectivenessWeights Effectiveness { get; init; } = new();

    /// <summary>Weeks after the intervention's last wave at which retention is measured, in [1, 5,200]. Default 52.</summary>
    public int RetentionWeeks { get; init; } = 52;
}
