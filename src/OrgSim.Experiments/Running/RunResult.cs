using OrgSim.Core.Metrics;

namespace OrgSim.Experiments.Running;

/// <summary>The record of one run: one arm, one replicate.</summary>
/// <param name="Arm">The arm's name.</param>
/// <param name="Replicate">0-based replicate index.</param>
/// <param name="Seed">The seed of the run's dynamics, derived from the scenario seed and the replicate.</param>
/// <param name="Series">Stage counts at every tick 0..horizon.</param>
/// <param name="QuiescenceTick">The first week after which no agent had changed stage, or null if every week saw a change.</param>
public sealed record RunResult(string Arm, int Replicate, ulong Seed, StageSeries Series, int? QuiescenceTick = null);
