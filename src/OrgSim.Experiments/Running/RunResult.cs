using OrgSim.Core.Metrics;

namespace OrgSim.Experiments.Running;

/// <summary>The record of one run: one arm, one replicate.</summary>
/// <param name="Arm">The arm's name.</param>
/// <param name="Replicate">0-based replicate index.</param>
/// <param name="Seed">The seed of the run's dynamics, derived from the scenario seed and the replicate.</param>
/// <param name="Series">Stage counts at every tick 0..horizon.</param>
/// <param name="QuiescenceTick">The first week after the last seeding wave in which no agent changed stage, or null if every such week saw a change.</param>
public sealed record RunResult(string Arm, int Replicate, ulong Seed, StageSeries Series, int? QuiescenceTick = null)
{
    /// <summary>Effectiveness, spread front and competent share by level at every tick.</summary>
    public OutcomeSeries? Outcomes { get; init; }

    /// <summary>
    /// Of the agent–competency pairs at stage ≥ 2 when the intervention's last wave was delivered,
    /// the share still there <c>metrics.retention_weeks</c> later; null when that week is past the
    /// horizon or nobody was competent at the end of the intervention.
    /// </summary>
    public double? Retained { get; init; }
}
