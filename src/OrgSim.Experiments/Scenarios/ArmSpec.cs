using OrgSim.Core.Agents;
using OrgSim.Core.Model;
using OrgSim.Core.Seeding;

namespace OrgSim.Experiments.Scenarios;

/// <summary>One arm of a comparison: a named intervention, delivered in one or more waves, under its dynamics.</summary>
/// <param name="Name">Unique within the scenario; appears in every output row.</param>
/// <param name="Waves">Who is trained, in what, to which stage and in which week; at least one, in week order.</param>
/// <param name="Model">The dynamics of this arm: the scenario's model with the arm's overrides.</param>
public sealed record ArmSpec(string Name, IReadOnlyList<SeedingPlan> Waves, ModelParameters Model)
{
    /// <summary>The first wave.</summary>
    public SeedingPlan Seeding => Waves[0];

    /// <summary>Every competency some wave trains.</summary>
    public CompetencySet SeededCompetencies => Waves.Aggregate(CompetencySet.None, (all, wave) => all.Union(wave.Competencies));

    /// <summary>The week the intervention ends: its last wave's.</summary>
    public int EndWeek => Waves.Max(w => w.Week);

    /// <summary>
    /// For each wave, the share of all agents the scenario gave instead of a budget, or null where it
    /// gave a budget. The waves' budgets are the shares already rounded; the shares are kept so that
    /// <c>run.json</c> reproduces a sweep that varies the number of agents. Empty when every wave has a budget.
    /// </summary>
    public IReadOnlyList<double?> WaveShares { get; init; } = [];

    /// <summary>The share wave <paramref name="wave"/> was given as, or null if it was given a budget.</summary>
    public double? ShareOf(int wave) => wave < WaveShares.Count ? WaveShares[wave] : null;
}
