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
}
